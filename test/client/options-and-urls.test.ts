// Every option refused when the client is made, each message exactly, and the URLs the operations build: paths,
// encoded ids, and queries written the way Graph reads them (and the way openapi-fetch writes them for raw).
import { createQuerySerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { operations as manifest } from "../../generated/operations.js";
import { PARTNER_METHODS } from "../../src/client/partner-methods.js";
import { QUERY_SERIALIZER, operationUrl, serializeQuery } from "../../src/client/urls.js";

const OPERATIONS = Object.fromEntries(Object.entries(PARTNER_METHODS).map(([method, id]) => [method, manifest[id]])) as { [M in keyof typeof PARTNER_METHODS]: (typeof manifest)[(typeof PARTNER_METHODS)[M]] };
import { createRemoteAssistanceClient, DEFAULT_MAX_RESPONSE_BYTES } from "../../src/entries/index.js";

const getAccessToken = () => "t";
const base = "https://graph.microsoft.com/v1.0";

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

  it("trailing slashes of baseUrl are dropped: one slash between it and the path", async () => {
    const urls: string[] = [];
    const client = createRemoteAssistanceClient({ getAccessToken, baseUrl: "https://graph.example/v1.0///", fetch: async (input) => (urls.push(String(input)), new Response(null, { status: 204 })) });
    await client.delete("p1");
    expect(urls).toEqual(["https://graph.example/v1.0/deviceManagement/remoteAssistancePartners/p1"]);
  });

  it("listAll under a baseUrl with trailing slashes follows next links under the path without them, and refuses others", async () => {
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
