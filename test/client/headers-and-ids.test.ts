// The checks of what goes out, each message exactly: header names and values, characters named without quoting the
// text around them, and ids that could address something else than one partner.
import { describe, expect, it } from "vitest";
import { assertHeaders, describeCharacter, isAuthorization } from "../../src/core/headers.js";
import { assertPathParam } from "../../src/core/path-params.js";

describe("describeCharacter", () => {
  it.each([
    ["\0", "a NUL (U+0000)"],
    ["\t", "a tab (U+0009)"],
    ["\n", "a line feed (U+000A)"],
    ["\r", "a carriage return (U+000D)"],
    [" ", "a space (U+0020)"],
    ["\x7f", "a DEL (U+007F)"],
    ["\x01", "a control character (U+0001)"],
    ["\x1f", "a control character (U+001F)"],
    ["Ā", "a character outside Latin-1 (U+0100)"],
    ["😀", "a character outside Latin-1 (U+1F600)"],
  ])("%j is %s", (character, name) => {
    expect(describeCharacter(`ab${character}cd`, 2)).toBe(name);
  });
});

describe("assertHeaders", () => {
  it("accepts visible ASCII, spaces, tabs and Latin-1 (obs-text) in values, any token as a name, and no headers at all", () => {
    expect(() => assertHeaders({ "x-a": "value with spaces\tand tab", "X_B.c!#$%&'*+^`|~": "café", empty: "" }, "headers")).not.toThrow();
    expect(() => assertHeaders(undefined, "headers")).not.toThrow();
  });

  it.each([
    [null, "headers must be an object of header names to strings"],
    [["x-a", "b"], "headers must be an object of header names to strings"],
    ["x-a: b", "headers must be an object of header names to strings"],
    [{ "x a": "b" }, 'headers: "x a" is not a valid header name'],
    [{ "": "b" }, 'headers: "" is not a valid header name'],
    [{ "x-a:": "b" }, 'headers: "x-a:" is not a valid header name'],
    [{ "x-a": null }, "headers: header x-a must be a string, got null"],
    [{ "x-a": 1 }, "headers: header x-a must be a string, got number"],
    [{ "x-a": "ok\x7fno" }, "headers: header x-a cannot be sent: a DEL (U+007F) at position 2"],
    [{ "x-a": "okĀno" }, "headers: header x-a cannot be sent: a character outside Latin-1 (U+0100) at position 2"],
  ])("%j: %s", (headers, message) => {
    expect(() => assertHeaders(headers, "headers")).toThrow(new TypeError(message));
  });

  it("names whose headers they are", () => {
    expect(() => assertHeaders({ "x-a": "\n" }, "the call's headers")).toThrow(new TypeError("the call's headers: header x-a cannot be sent: a line feed (U+000A) at position 0"));
  });

  it("isAuthorization: the name in any case, and nothing else", () => {
    expect(["Authorization", "authorization", "AUTHORIZATION"].map(isAuthorization)).toEqual([true, true, true]);
    expect(["authorizations", "x-authorization", "authorizatio", "Proxy-Authorization"].map(isAuthorization)).toEqual([false, false, false, false]);
  });
});

describe("assertPathParam", () => {
  it.each([
    [undefined, "id must be a string, got undefined"],
    [null, "id must be a string, got null"],
    [42, "id must be a string, got number"],
    ["", 'id must not be "": it would not address a single remoteAssistancePartner'],
    [".", 'id must not be ".": it would not address a single remoteAssistancePartner'],
    ["..", 'id must not be "..": it would not address a single remoteAssistancePartner'],
    ["ab\ud800", "id must be well-formed Unicode: it has a lone surrogate, which cannot be sent in a URL"],
    ["$count", 'id must not start with "$": "$count" would address an OData system segment'],
    ["$ref", 'id must not start with "$": "$ref" would address an OData system segment'],
  ])("%j: %s", (id, message) => {
    expect(() => assertPathParam(id, "id")).toThrow(new TypeError(message));
  });

  it.each(["7443c8b9-c8b9-7443-b9c8-4374b9c84374", "...", "a.b", "a$", "a/b", "😀", " "])("%j addresses one partner", (id) => {
    expect(() => assertPathParam(id, "id")).not.toThrow();
  });

  it("names the parameter it is given", () => {
    expect(() => assertPathParam("", "remoteAssistancePartnerId")).toThrow(/^remoteAssistancePartnerId must not be ""/);
  });
});
