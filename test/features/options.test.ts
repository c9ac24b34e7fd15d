// Options: what is refused when the client is made, clouds, the URLs and queries each method writes, headers and
// ids the caller gives.
import { createQuerySerializer } from "openapi-fetch";
import { afterEach, describe, expect } from "vitest";
import { PARTNER_METHODS } from "../../src/client/partner-methods.js";
import { operationUrl, QUERY_SERIALIZER, serializeQuery } from "../../src/client/urls.js";
import { type Cloud, CLOUDS, ContractViolationError, createRemoteAssistanceClient, DEFAULT_MAX_RESPONSE_BYTES, type TokenCredential } from "../../src/entries/index.js";
import { inspect } from "node:util";
import { type GraphServer, json, noContent, odataError, seedPartner, startGraphServer, TOKEN } from "../helpers/graph-server.js";
import { assertHeaders, describeCharacter, isAuthorization } from "../../src/core/headers.js";
import { assertPathParam } from "../../src/core/path-params.js";
import { operations as manifest } from "../../generated/operations.js";
import { createRemoteAssistanceClient as createBetaClient } from "../../src/entries/beta.js";
import { clientOf, it, type Graph } from "../helpers/fixtures.js";

const OPERATIONS = Object.fromEntries(Object.entries(PARTNER_METHODS).map(([method, id]) => [method, manifest[id]])) as { [M in keyof typeof PARTNER_METHODS]: (typeof manifest)[(typeof PARTNER_METHODS)[M]] };

const getAccessToken = () => "t";
const base = "https://graph.microsoft.com/v1.0";


const id = seedPartner.id;


function recording() {
  const sent: { url: string; authorization: string | null }[] = [];
  const scopes: (string | string[])[] = [];
  const credential: TokenCredential = {
    getToken: async (scope) => {
      scopes.push(scope);
      return { token: "cloud-token", expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  const fetch = async (input: string | Request, init?: RequestInit) => {
    sent.push({ url: String(input), authorization: new Headers(init?.headers).get("authorization") });
    return new Response(null, { status: 204 });
  };
  return { sent, scopes, credential, fetch };
}

// Microsoft's national cloud reference (learn.microsoft.com/graph/deployments), "Microsoft Graph and Graph Explorer
// service root endpoints".
const EXPECTED: Record<Cloud, string> = {
  global: "https://graph.microsoft.com",
  usGov: "https://graph.microsoft.us",
  usGovDoD: "https://dod-graph.microsoft.us",
  china: "https://microsoftgraph.chinacloudapi.cn",
};


describe("options refused when the client is made", () => {
  it.each([
    ["no options", undefined, TypeError, "createRemoteAssistanceClient needs an options object"],
    ["null", null, TypeError, "createRemoteAssistanceClient needs an options object"],
    ["a string", "token", TypeError, "createRemoteAssistanceClient needs an options object"],
    ["fetch not a function", { getAccessToken, fetch: "fetch" }, TypeError, "fetch must be a function"],
    ["validate misspelt", { getAccessToken, validate: "requests" }, TypeError, 'validate must be "off", "request", "response" or "both", got "requests"'],
    ["timeoutMs 0", { getAccessToken, timeoutMs: 0 }, RangeError, "timeoutMs must be a number of milliseconds above 0 and at most 2147483647, got 0"],
    ["timeoutMs -5", { getAccessToken, timeoutMs: -5 }, RangeError, "timeoutMs must be a number of milliseconds above 0 and at most 2147483647, got -5"],
    ["timeoutMs as a string", { getAccessToken, timeoutMs: "30" }, RangeError, "timeoutMs must be a number of milliseconds above 0 and at most 2147483647, got 30"],
    ["maxResponseBytes 1.5", { getAccessToken, maxResponseBytes: 1.5 }, RangeError, "maxResponseBytes must be a whole number of bytes above 0, got 1.5"],
    ["maxResponseBytes -1", { getAccessToken, maxResponseBytes: -1 }, RangeError, "maxResponseBytes must be a whole number of bytes above 0, got -1"],
    ["retry null", { getAccessToken, retry: null }, TypeError, "retry must be an options object or false"],
    ["retry true", { getAccessToken, retry: true }, TypeError, "retry must be an options object or false"],
    ["baseUrl a number", { getAccessToken, baseUrl: 42 }, TypeError, "baseUrl must be a string, got number"],
    ["baseUrl null", { getAccessToken, baseUrl: null }, TypeError, "baseUrl must be a string, got null"],
    ["baseUrl relative", { getAccessToken, baseUrl: "/v1.0" }, TypeError, 'baseUrl must be an absolute http(s) URL, got "/v1.0"'],
    ["baseUrl ftp", { getAccessToken, baseUrl: "ftp://graph.example/v1.0" }, TypeError, "baseUrl must be an http(s) URL, got ftp:"],
    ["baseUrl with an empty query", { getAccessToken, baseUrl: "https://graph.example/v1.0?" }, TypeError, "baseUrl must not have a query or fragment"],
    ["baseUrl with a user only", { getAccessToken, baseUrl: "https://user@graph.example/v1.0" }, TypeError, "baseUrl must not carry credentials"],
    ["Authorization in headers", { getAccessToken, headers: { Authorization: "Bearer x" } }, TypeError, "headers: Authorization is not allowed; the client sends the token itself"],
    ["a line feed in a client header", { getAccessToken, headers: { "x-a": "\nX: y" } }, TypeError, "headers: header x-a cannot be sent: a line feed (U+000A) at position 0"],
    ["headers not an object", { getAccessToken, headers: "x-a: b" }, TypeError, "headers must be an object of header names to strings"],
    ["onCallEnd not a function", { getAccessToken, onCallEnd: {} }, TypeError, "onCallEnd must be a function"],
    ["tracing true", { getAccessToken, tracing: true }, TypeError, "tracing must be a function (openTelemetry) or false"],
  ])("%s", (_name, options, type, message) => {
    expect(() => createRemoteAssistanceClient(options as never)).toThrow(new type(message));
  });

  it("a long relative baseUrl is quoted by its first 200 characters only", () => {
    const long = `/${"a".repeat(500)}`;
    expect(() => createRemoteAssistanceClient({ getAccessToken, baseUrl: long })).toThrow(new TypeError(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(long.slice(0, 200))}`));
  });

  it("accepts the bounds: timeoutMs 2³¹−1, maxResponseBytes 1, an http baseUrl", () => {
    expect(() => createRemoteAssistanceClient({ getAccessToken, timeoutMs: 2 ** 31 - 1, maxResponseBytes: 1, baseUrl: "http://127.0.0.1:1/v1.0" })).not.toThrow();
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(16 * 1024 * 1024);
  });

  it("trailing slashes of baseUrl are dropped: one slash between it and the path", async ({ graph }) => {
    const urls: string[] = [];
    const client = createRemoteAssistanceClient({ getAccessToken, baseUrl: "https://graph.example/v1.0///", fetch: async (input) => (urls.push(String(input)), new Response(null, { status: 204 })) });
    await client.delete("p1");
    expect(urls).toEqual(["https://graph.example/v1.0/deviceManagement/remoteAssistancePartners/p1"]);
  });

  it("listAll under a baseUrl with trailing slashes follows next links under the path without them, and refuses others", async ({ graph }) => {
    const collection = "https://graph.example/v1.0/deviceManagement/remoteAssistancePartners";
    const pages: Record<string, object> = {
      [collection]: { value: [{ id: "p1" }], "@odata.nextLink": `${collection}?$skiptoken=2` },
      [`${collection}?$skiptoken=2`]: { value: [{ id: "p2" }], "@odata.nextLink": "https://graph.example/v1.0//deviceManagement/remoteAssistancePartners?$skiptoken=3" },
    };
    const client = createRemoteAssistanceClient({ getAccessToken, baseUrl: "https://graph.example/v1.0//", fetch: async (input) => Response.json(pages[String(input)]) });
    const ids: string[] = [];
    const done = (async () => {
      for await (const partner of client.listAll()) ids.push(partner.id!);
    })();
    await expect(done).rejects.toMatchObject({
      name: "ContractViolationError",
      direction: "response",
      message:
        "The list page breaks the contract: /@odata.nextLink must stay on https://graph.example/v1.0/deviceManagement/remoteAssistancePartners; refusing to send the token to https://graph.example/v1.0//deviceManagement/remoteAssistancePartners",
    });
    expect(ids).toEqual(["p1", "p2"]);
  });
});

describe("operationUrl", () => {
  it("builds each operation's path, the id encoded as one segment", () => {
    expect(operationUrl(base, OPERATIONS.list)).toBe(`${base}/deviceManagement/remoteAssistancePartners`);
    expect(operationUrl(base, OPERATIONS.count)).toBe(`${base}/deviceManagement/remoteAssistancePartners/$count`);
    expect(operationUrl(base, OPERATIONS.get, ["a/b?c#d"])).toBe(`${base}/deviceManagement/remoteAssistancePartners/a%2Fb%3Fc%23d`);
    expect(operationUrl(base, OPERATIONS.beginOnboarding, ["p1"])).toBe(`${base}/deviceManagement/remoteAssistancePartners/p1/beginOnboarding`);
    expect(operationUrl(base, OPERATIONS.disconnect, ["p1"])).toBe(`${base}/deviceManagement/remoteAssistancePartners/p1/disconnect`);
  });

  it("each operation's template, for spans and logs", () => {
    expect(Object.fromEntries(Object.entries(OPERATIONS).map(([name, op]) => [name, `${op.method} ${op.path}`]))).toEqual({
      list: "GET /deviceManagement/remoteAssistancePartners",
      count: "GET /deviceManagement/remoteAssistancePartners/$count",
      get: "GET /deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}",
      create: "POST /deviceManagement/remoteAssistancePartners",
      update: "PATCH /deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}",
      delete: "DELETE /deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}",
      beginOnboarding: "POST /deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/beginOnboarding",
      disconnect: "POST /deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/disconnect",
    });
  });

  it("an empty query, or one of undefined values only, adds no ?", () => {
    expect(operationUrl(base, OPERATIONS.list, [], {})).toBe(`${base}/deviceManagement/remoteAssistancePartners`);
    expect(operationUrl(base, OPERATIONS.list, [], { $top: undefined, $filter: null })).toBe(`${base}/deviceManagement/remoteAssistancePartners`);
    expect(operationUrl(base, OPERATIONS.list, [], null)).toBe(`${base}/deviceManagement/remoteAssistancePartners`);
  });

  it.each([
    ["a string", "$top=1", "listRemoteAssistancePartners: the query must be an object of OData options"],
    ["an array", [["$top", 1]], "listRemoteAssistancePartners: the query must be an object of OData options"],
  ])("a query that is %s is a TypeError", (_name, query, message) => {
    expect(() => operationUrl(base, OPERATIONS.list, [], query)).toThrow(new TypeError(message));
  });

  it("an operation that takes no query says so", () => {
    expect(() => operationUrl(base, OPERATIONS.create, [], { $top: 1 })).toThrow(new TypeError('createRemoteAssistancePartner: unknown query option "$top"; it takes none'));
  });

  it("an object value is refused, naming the option", () => {
    expect(() => operationUrl(base, OPERATIONS.list, [], { $filter: { eq: 1 } })).toThrow(
      new TypeError("listRemoteAssistancePartners: a query value cannot be encoded ($filter must be a string, number, boolean or array of them)"),
    );
  });
});

describe("serializeQuery writes what openapi-fetch writes for raw", () => {
  const openapiFetch = createQuerySerializer(QUERY_SERIALIZER);
  it.each([
    [{ $select: ["displayName", "onboardingStatus"], $top: 5, $count: true }],
    [{ $filter: "displayName eq 'A&B = C?'", $orderby: ["displayName desc"] }],
    [{ $select: [], $top: undefined, $skip: null, $search: '"tea m"' }],
    [{ $expand: ["*"], $skip: 0, $count: false }],
    [{ $filter: "ü ö 😀 / #" }],
  ])("%j", (query) => {
    expect(serializeQuery(query)).toBe(openapiFetch(query));
  });

  it("names as they are, values and array items encoded, arrays joined by commas", () => {
    expect(serializeQuery({ $select: ["a,b", "c"], $filter: "x eq 'y'" })).toBe("$select=a%2Cb,c&$filter=x%20eq%20'y'");
  });
});

describe("options that cannot work are refused when the client is made", () => {
  const getAccessToken = () => TOKEN;
  it.each([
    ["timeoutMs 3e9 (Node would fire it after 1 ms)", { timeoutMs: 3e9 }, /timeoutMs must be a number of milliseconds above 0 and at most 2147483647, got 3000000000/],
    ["timeoutMs NaN", { timeoutMs: Number.NaN }, /timeoutMs .* got NaN/],
    ["timeoutMs Infinity", { timeoutMs: Number.POSITIVE_INFINITY }, /timeoutMs .* got Infinity/],
    ["maxDelayMs above 2³¹−1", { retry: { maxDelayMs: 2 ** 31 } }, /maxDelayMs must be a number of milliseconds from 0 to 2147483647/],
    ["baseDelayMs NaN", { retry: { baseDelayMs: Number.NaN } }, /baseDelayMs must be/],
    ["baseDelayMs Infinity", { retry: { baseDelayMs: Number.POSITIVE_INFINITY } }, /baseDelayMs must be/],
    ["maxRetries 1.5", { retry: { maxRetries: 1.5 } }, /maxRetries must be a whole number/],
    ["a baseUrl with a query", { baseUrl: "https://graph.microsoft.com/v1.0?tenant=x" }, /baseUrl must not have a query or fragment/],
    ["a baseUrl with a fragment", { baseUrl: "https://graph.microsoft.com/v1.0#x" }, /baseUrl must not have a query or fragment/],
    ["a baseUrl with credentials", { baseUrl: "https://u:p@graph.microsoft.com/v1.0" }, /must not carry credentials/],
    ["a baseUrl that is not http(s)", { baseUrl: "file:///etc" }, /must be an http\(s\) URL/],
    ["maxResponseBytes 0", { maxResponseBytes: 0 }, /maxResponseBytes must be a whole number of bytes above 0/],
  ])("%s", (_what, options, message) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken, ...(options as object) })).toThrow(message);
  });


  it("an id with a lone surrogate is a TypeError like other bad ids, not a URIError", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r));
    await expect(client.get("a\uD800b")).rejects.toThrow(new TypeError("id must be well-formed Unicode: it has a lone surrogate, which cannot be sent in a URL"));
    expect(graph.seen).toHaveLength(0);
  });

  it("a query option the operation does not take is a TypeError, never sent unencoded", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, { value: [] }));
    await expect(client.list({ "a&b=1": "v" } as never)).rejects.toThrow(new TypeError('listRemoteAssistancePartners: unknown query option "a&b=1"; it takes $select, $filter, $orderby, $top, $skip, $count, $search, $expand'));
    await expect(client.get(id, { $top: 1 } as never)).rejects.toThrow(/getRemoteAssistancePartner: unknown query option "\$top"/);
    await expect(client.list({ $filter: "displayName eq '\uDC00'" })).rejects.toThrow(/a query value cannot be encoded/);
    expect(graph.seen).toHaveLength(0);
  });
});

describe("cloud", () => {
  it("names the four deployments and nothing else", () => {
    expect(CLOUDS).toEqual(EXPECTED);
  });

  it.each(Object.entries(EXPECTED))("%s: v1.0 calls go to %s/v1.0, with the token asked for %s/.default", async (cloud, origin) => {
    const { sent, scopes, credential, fetch } = recording();
    const client = createRemoteAssistanceClient({ cloud: cloud as Cloud, credential, fetch });
    await client.update(id, { displayName: "x" });
    expect(sent).toEqual([{ url: `${origin}/v1.0/deviceManagement/remoteAssistancePartners/${id}`, authorization: "Bearer cloud-token" }]);
    expect(scopes).toEqual([[`${origin}/.default`]]);
  });

  it("usGov with the beta contract: the US Government endpoint's beta", async ({ graph }) => {
    const { sent, scopes, credential, fetch } = recording();
    const client = createBetaClient({ cloud: "usGov", credential, fetch });
    await client.updateSettings({ remoteAssistanceState: "disabled" });
    expect(sent.map((s) => s.url)).toEqual(["https://graph.microsoft.us/beta/deviceManagement/remoteAssistanceSettings"]);
    expect(scopes).toEqual([["https://graph.microsoft.us/.default"]]);
  });

  it("no cloud and no baseUrl: the global service", async ({ graph }) => {
    const { sent, credential, fetch } = recording();
    await createRemoteAssistanceClient({ credential, fetch }).delete(id);
    expect(sent[0]!.url).toBe(`https://graph.microsoft.com/v1.0/deviceManagement/remoteAssistancePartners/${id}`);
  });

  it("the token goes to the cloud's own origin only: a next link to the global service is refused", async ({ graph }) => {
    const { sent, credential } = recording();
    const fetch = async (input: string | Request) => {
      sent.push({ url: String(input), authorization: null });
      return Response.json({ value: [], "@odata.nextLink": "https://graph.microsoft.com/v1.0/deviceManagement/remoteAssistancePartners?$skiptoken=x" });
    };
    const client = createRemoteAssistanceClient({ cloud: "china", credential, fetch });
    const pages = client.listAll();
    await expect(pages.next()).rejects.toThrow(/must stay on https:\/\/microsoftgraph.chinacloudapi.cn/);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ["cloud with baseUrl", { cloud: "usGov", baseUrl: "https://graph.microsoft.us/v1.0" }, /cloud and baseUrl cannot both be given/],
    ["an unknown cloud", { cloud: "germany" }, /cloud must be one of global, usGov, usGovDoD, china, got "germany"/],
    ["a cloud from Object.prototype", { cloud: "toString" }, /cloud must be one of/],
  ])("%s: TypeError at creation", (_name, options, message) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", ...(options as object) })).toThrow(message);
  });
});

describe("ids", () => {
  it.for([
    ["a/b", "a%2Fb"],
    ["a?b=1", "a%3Fb%3D1"],
    ["a#b", "a%23b"],
    ["a%2Fb", "a%252Fb"],
    ["パートナー", "%E3%83%91%E3%83%BC%E3%83%88%E3%83%8A%E3%83%BC"],
    ["../x", "..%2Fx"],
    ["a b", "a%20b"],
  ])("%j stays one path segment (%s)", async ([id, encoded], { graph }) => {
    graph.answer((_q, r) => noContent(r));
    const client = clientOf(graph.baseUrl);
    await client.update(id!, {});
    await client.beginOnboarding(id!);
    expect(graph.seen.map((r) => r.url)).toEqual([
      `/v1.0/deviceManagement/remoteAssistancePartners/${encoded}`,
      `/v1.0/deviceManagement/remoteAssistancePartners/${encoded}/beginOnboarding`,
    ]);
  });

  const methods = {
    get: (c: any, id: unknown) => c.get(id),
    update: (c: any, id: unknown) => c.update(id, {}),
    delete: (c: any, id: unknown) => c.delete(id),
    beginOnboarding: (c: any, id: unknown) => c.beginOnboarding(id),
    disconnect: (c: any, id: unknown) => c.disconnect(id),
  };
  it.for(Object.entries(methods))("%s refuses '', '.', '..', '$count' and non-strings with a TypeError naming id, sending nothing", async ([_name, call], { graph }) => {
    graph.answer((_q, r) => json(r, 200, {}));
    const client = clientOf(graph.baseUrl);
    for (const id of ["", ".", "..", "$count"]) {
      await expect(call(client, id)).rejects.toThrow(TypeError);
      await expect(call(client, id)).rejects.toThrow(/^id must not/);
    }
    for (const id of [undefined, null, 42, { id: "x" }]) await expect(call(client, id)).rejects.toThrow(/^id must be a string/);
    expect(graph.seen).toHaveLength(0);
  });
});

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
