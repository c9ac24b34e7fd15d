// Headers are checked before anything is sent. fetch refuses a bad one only once it is building the request, as a
// TypeError that the retry loop took for a failed connection (and retried); worse, a value is quoted in some of its
// messages, and an Authorization value is a secret. Here a bad header is the caller's TypeError, naming the header.

/** RFC 9110 field-name: a token. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** RFC 9110 field-value: visible characters, spaces, tabs and obs-text; no CR, LF, NUL or other controls. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Throws a TypeError naming the first header of `headers` that cannot be sent. `where` says whose headers they are. */
export function assertHeaders(headers: unknown, where: string): asserts headers is Record<string, string> | undefined {
  if (headers === undefined) return;
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) {
    throw new TypeError(`${where} must be an object of header names to strings`);
  }
  for (const name of Object.keys(headers)) assertHeader(name, (headers as Record<string, unknown>)[name], where);
}

export function assertHeader(name: string, value: unknown, where: string): void {
  if (!FIELD_NAME.test(name)) throw new TypeError(`${where}: ${JSON.stringify(name)} is not a valid header name`);
  if (isAuthorization(name)) throw new TypeError(`${where}: ${name} is not allowed; the client sends the token itself`);
  if (TRANSPORT_OWNED.has(name.toLowerCase())) {
    throw new TypeError(`${where}: ${name} is not allowed; it belongs to the connection (fetch refuses it or sets it itself), so nothing would be sent`);
  }
  if (typeof value !== "string") throw new TypeError(`${where}: header ${name} must be a string, got ${value === null ? "null" : typeof value}`);
  const bad = firstBadIndex(value);
  if (bad >= 0) {
    // An Authorization value is a secret: its position is said, never its characters.
    throw new TypeError(`${where}: header ${name} cannot be sent: ${describeCharacter(value, bad)} at position ${bad}`);
  }
}

/**
 * Hop-by-hop and framing headers (RFC 9110 §7.6.1, and those fetch forbids or owns): fetch throws a TypeError on
 * them only when it builds the request, which the retry loop once took for a network failure and retried.
 */
const TRANSPORT_OWNED = new Set(["connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "expect", "host", "content-length", "proxy-connection"]);

/**
 * Header sets merged by name, whatever its case (a later set wins and its spelling is kept): `Client-Request-Id` from
 * one set and `client-request-id` from another are one header, not two joined by a comma. Own keys only.
 */
export function mergeHeaders(...sets: (Record<string, string> | undefined)[]): Record<string, string> {
  const merged: Record<string, string> = {};
  const names = new Map<string, string>();
  for (const set of sets) {
    if (!set) continue;
    for (const name of Object.keys(set)) {
      const key = name.toLowerCase();
      const previous = names.get(key);
      if (previous !== undefined) delete merged[previous];
      names.set(key, name);
      merged[name] = set[name]!;
    }
  }
  return merged;
}

/** The value of header `name` in `headers`, whatever the case of its key. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

/** True for `authorization` in any case. */
export const isAuthorization = (name: string) => name.toLowerCase() === "authorization";

/** The index of the first character a field value cannot hold, or -1 when there is none. */
function firstBadIndex(value: string): number {
  if (FIELD_VALUE.test(value)) return -1; // the usual case, at the regex's speed
  let i = 0;
  while (FIELD_VALUE.test(value[i]!)) i++; // ends: some character is bad
  return i;
}

/** Names a character without quoting the text around it: "a line feed (U+000A)". */
export function describeCharacter(text: string, index: number): string {
  const code = text.codePointAt(index)!;
  const names: Record<number, string> = { 0: "a NUL", 9: "a tab", 10: "a line feed", 13: "a carriage return", 32: "a space", 127: "a DEL" };
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (names[code]) return `${names[code]} (${hex})`;
  return code < 32 ? `a control character (${hex})` : `a character outside Latin-1 (${hex})`;
}
