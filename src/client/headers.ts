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
  if (typeof value !== "string") throw new TypeError(`${where}: header ${name} must be a string, got ${value === null ? "null" : typeof value}`);
  const bad = firstBadIndex(value);
  if (bad >= 0) {
    // An Authorization value is a secret: its position is said, never its characters.
    throw new TypeError(`${where}: header ${name} cannot be sent: ${describeCharacter(value, bad)} at position ${bad}`);
  }
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
