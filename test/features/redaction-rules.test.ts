// The redaction rules as a unit (src/core/redact.ts, a stable unit: the client's boundary, reports and spans all use
// it): which forms of a token are cleared, where a short token counts, which query values are secrets, and what is
// left alone. redaction.test.ts checks the same through the client, against a server that echoes.
import { describe, expect, it } from "vitest";
import { querySecrets, redactor, redactValues, withoutQueryValues } from "../../src/core/redact.js";

/** Tokens new for each test: the redactor caches a pattern per token, and a test must build its own. */
const fresh = (length: number) => {
  let token = "";
  while (token.length < length) token += Math.random().toString(36).slice(2);
  return token.slice(0, length);
};
const redact = (text: string, tokens: Iterable<string>) => redactor(tokens)(text);
const percentEveryByte = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");

describe("which forms of a token are cleared", () => {
  it("replaces every token as sent and as JSON escapes it, and leaves everything else", () => {
    expect(redact('a tok"en\\ b tok\\"en\\\\ c', ['tok"en\\'])).toBe("a [redacted] b [redacted] c");
    expect(redact("one two one", ["one", "two"])).toBe("[redacted] [redacted] [redacted]");
    expect(redact("nothing here", ["absent"])).toBe("nothing here");
  });

  it("percent-encoded in full, letters and digits included (some encoders escape every byte), in either case of hex", () => {
    const token = fresh(24);
    expect(redact(`access_token=${percentEveryByte(token)}&x=1`, [token])).toBe("access_token=[redacted]&x=1");
    expect(redact(`t=${percentEveryByte(token).toUpperCase()}`, [token])).toBe("t=[redacted]");
  });

  it("a backslash before a character JSON does not escape that way is not the token: left as it is", () => {
    const token = `${fresh(20)}q`;
    const text = `${token.slice(0, -1)}\\q`;
    expect(redact(text, [token])).toBe(text);
  });

  it("an empty secret clears nothing, and the others still count", () => {
    const token = fresh(20);
    expect(redact(`a, ${token}, b`, ["", token])).toBe("a, [redacted], b");
    expect(redact("a, b", [""])).toBe("a, b");
  });
});

describe("where a token counts", () => {
  it("shorter than 16 characters: only as a whole run of token characters", () => {
    const token = fresh(15);
    expect(redact(`r-${token} and ${token}, end`, [token])).toBe(`r-${token} and [redacted], end`);
  });

  it("16 characters and longer: wherever it stands, glued to token characters too", () => {
    const token = fresh(16);
    expect(redact(`r-${token}. Bearer%20${token}`, [token])).toBe("r-[redacted]. Bearer%20[redacted]");
  });
});

describe("which query values are secrets", () => {
  it("the values of $filter and $search, and each quoted literal inside as sent and unquoted; not $select, $top, nor an empty value", () => {
    const url = "https://graph.example/v1.0/x?$select=displayName&$top=5&$filter=displayName eq 'O''Brien'&$search=&$search=\"jane\"";
    expect(querySecrets(url)).toEqual(["displayName eq 'O''Brien'", "O''Brien", "O'Brien", '"jane"']);
  });

  it("a URL with no query has none", () => {
    expect(querySecrets("https://graph.example/v1.0/x")).toEqual([]);
  });

  it("values are cleared as substrings from three characters on: shorter ones would clear letters of words", () => {
    expect(redactValues("an ab abc abcd", ["ab", "abc"])).toBe("an ab [redacted] [redacted]d");
  });

  it("a URL's query values are each replaced by REDACTED; an = in its path, and a URL without a query, are left as they are", () => {
    expect(withoutQueryValues("https://graph.example/v1.0/p/a=b?$select=id&$filter=x eq 'y'")).toBe("https://graph.example/v1.0/p/a=b?$select=REDACTED&$filter=REDACTED");
    expect(withoutQueryValues("https://graph.example/v1.0/p/a=b")).toBe("https://graph.example/v1.0/p/a=b");
  });
});
