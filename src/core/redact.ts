// Redaction at the client's boundary: whatever leaves it (an error's fields, a report, a span) must not hold a token,
// in any form a server may echo it: as sent, JSON-escaped (`\/`, `\u002B`, every character as `\uXXXX`), percent-
// encoded; nor the value of a free-text query option (a `$filter` holds names and addresses).
//
// A short token is matched as a whole run of token characters, not as a substring: a test's token "t" must not turn
// every "t" of a message into [redacted]. A real token (hundreds of random characters) is matched wherever it stands:
// servers glue it to token characters too (`?access_token=…`, `Bearer%20…`, `r-…`, a sentence's final period).

export const REDACTED = "[redacted]";

/** Characters a bearer token can be made of (RFC 6750's b64token); a match must not be part of a longer run of them. */
const TOKEN_CHAR = "A-Za-z0-9\\-._~+/=";

/** One character as it may stand in an echo: itself, any JSON escape of it, or its percent-encoding. */
function charPattern(c: string): string {
  const code = c.charCodeAt(0);
  const hex = code.toString(16).padStart(4, "0");
  // Escapes first: alternatives are tried in order, and the longer form must win over a bare backslash.
  const forms = [`\\\\u${caseless(hex)}`];
  if (c === "/" || c === '"' || c === "\\") forms.push(`\\\\${c === "\\" ? "\\\\" : c}`);
  forms.push(c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"));
  // Percent-encoded, unreserved characters included: some encoders escape every byte. A token is ASCII (b64token).
  forms.push(`%${caseless(code.toString(16).padStart(2, "0"))}`);
  return `(?:${forms.join("|")})`;
}

const caseless = (hex: string) => [...hex].map((h) => (/[a-f]/.test(h) ? `[${h}${h.toUpperCase()}]` : h)).join("");

/** Secrets shorter than this are matched only as a whole run of token characters (see above). */
const WHOLE_RUN_BELOW = 16;

const patterns = new Map<string, RegExp>();

/** The pattern of one secret in all its echoed forms, cached (a call's token is the next call's). */
function patternOf(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    if (patterns.size > 64) patterns.clear(); // tokens change hourly: keep the cache small
    const forms = [...secret].map(charPattern).join("");
    pattern = new RegExp(secret.length < WHOLE_RUN_BELOW ? `(?<![${TOKEN_CHAR}])${forms}(?![${TOKEN_CHAR}])` : forms, "g");
    patterns.set(secret, pattern);
  }
  return pattern;
}

/** A function that replaces each of `secrets` in a text, in every form above, by `[redacted]`. */
export function redactor(secrets: Iterable<string>): (text: string) => string {
  const list = [...secrets].filter((s) => s !== "");
  return (text) => {
    let clean = text;
    for (const secret of list) clean = clean.replace(patternOf(secret), REDACTED);
    return clean;
  };
}

/** The options whose values are free text a person wrote (names, addresses): never repeated in what leaves the client. */
const FREE_TEXT_OPTIONS = new Set(["$filter", "$search"]);

/** The values of a URL's free-text query options, and the quoted literals inside them (a server may echo either). */
export function querySecrets(url: string): string[] {
  const at = url.indexOf("?");
  if (at < 0) return [];
  const secrets: string[] = [];
  for (const [name, value] of new URLSearchParams(url.slice(at + 1))) {
    if (!FREE_TEXT_OPTIONS.has(name) || value === "") continue;
    secrets.push(value);
    for (const [, literal] of value.matchAll(/'((?:[^']|'')+)'/g)) secrets.push(literal!, literal!.replace(/''/g, "'"));
  }
  return secrets;
}

/** Query values are redacted by substring: they are not tokens, and may be any text at all. */
export function redactValues(text: string, values: readonly string[]): string {
  let clean = text;
  for (const value of values) if (value.length >= 3) clean = clean.replaceAll(value, REDACTED);
  return clean;
}

/** What one call must never repeat, cleared from a text: its tokens (every form) and its free-text query values. */
export function callCleaner(tokens: Iterable<string>, url: string): (text: string) => string {
  const clearTokens = redactor(tokens);
  const values = querySecrets(url);
  return (text) => redactValues(clearTokens(text), values);
}

/** The URL with each query value replaced by `REDACTED`, as OpenTelemetry's HTTP conventions recommend. */
export function withoutQueryValues(url: string): string {
  const at = url.indexOf("?");
  return at < 0 ? url : url.slice(0, at + 1) + url.slice(at + 1).replace(/=[^&]*/g, "=REDACTED");
}
