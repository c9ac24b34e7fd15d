// Path parameters (a partner's id). openapi-fetch percent-encodes them, but the URL parser still resolves "." and ".." segments, so an id
// of ".." would address /deviceManagement/ itself. OData system segments ($count, $ref, $value…) would address
// something else than a partner. Both are refused before any request is built.

/** Throws a TypeError naming `name` unless `id` can only ever address one partner. */
export function assertPathParam(id: unknown, name: string): asserts id is string {
  if (typeof id !== "string") {
    throw new TypeError(`${name} must be a string, got ${id === null ? "null" : typeof id}`);
  }
  if (id === "" || id === "." || id === "..") {
    throw new TypeError(`${name} must not be ${JSON.stringify(id)}: it would not address a single remoteAssistancePartner`);
  }
  // encodeURIComponent throws a URIError on a lone surrogate: it is the caller's bad id like any other.
  // String.prototype.isWellFormed (ES2024; Node 20, every current browser): a lone surrogate, at a regex's cost less.
  if (!(id as string & { isWellFormed(): boolean }).isWellFormed()) {
    throw new TypeError(`${name} must be well-formed Unicode: it has a lone surrogate, which cannot be sent in a URL`);
  }
  if (id.startsWith("$")) {
    throw new TypeError(`${name} must not start with "$": ${JSON.stringify(id)} would address an OData system segment`);
  }
}
