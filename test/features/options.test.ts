// Options: what is refused when the client is made, clouds, the URLs and queries each method writes, headers and
// ids the caller gives. All of it through the public entries: what a call sends, or the error it ends in.
import { describe, expect } from "vitest";
import {
  type Cloud,
  CLOUDS,
  createRemoteAssistanceClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  type RemoteAssistanceClient,
  type TokenCredential,
  type TracedCall,
} from "../../src/entries/index.js";
import { json, noContent, seedPartner, TOKEN } from "../helpers/graph-server.js";
import { createRemoteAssistanceClient as createBetaClient } from "../../src/entries/beta.js";
import { clientOf, it } from "../helpers/fixtures.js";
import { clientAnswering } from "../helpers/stub-client.js";

const getAccessToken = () => "t";
const base = "https://graph.microsoft.com/v1.0";


const id = seedPartner.id;

/** What the service answers to a request, so that every method resolves: a page, a count, a partner, or no content. */
function serviceAnswer(method: string, url: string): Response {
  const path = new URL(url).pathname;
  if (path.endsWith("/$count")) return new Response("0", { headers: { "content-type": "text/plain" } });
  const collection = path.endsWith("/remoteAssistancePartners");
  if (method === "GET") return Response.json(collection ? { value: [] } : seedPartner);
  if (method === "POST" && collection) return Response.json(seedPartner, { status: 201 });
  return new Response(null, { status: 204 });
}

/** A client on `base` whose fetch records the URL it is handed (before any URL parser could normalise it). */
function urlRecording(options: { tracing?: (call: TracedCall) => undefined } = {}) {
  const urls: string[] = [];
  const client = createRemoteAssistanceClient({
    baseUrl: base,
    getAccessToken,
    retry: false,
    ...options,
    fetch: async (input, init) => {
      urls.push(String(input));
      return serviceAnswer(init?.method ?? "GET", String(input));
    },
  });
  return { client, urls };
}

/** One call of every partner method, by name (the names checked against the client's own keys below). */
const EVERY_METHOD = {
  list: (c) => c.list(),
  count: (c) => c.count(),
  get: (c) => c.get("p1"),
  create: (c) => c.create({}),
  update: (c) => c.update("p1", {}),
  delete: (c) => c.delete("p1"),
  beginOnboarding: (c) => c.beginOnboarding("p1"),
  disconnect: (c) => c.disconnect("p1"),
} satisfies Record<string, (client: RemoteAssistanceClient) => Promise<unknown>>;


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

describe("the URL each method writes", () => {
  it("builds each operation's path, the id encoded as one segment", async () => {
    const { client, urls } = urlRecording();
    await client.list();
    await client.count();
    await client.get("a/b?c#d");
    await client.beginOnboarding("p1");
    await client.disconnect("p1");
    expect(urls).toEqual([
      `${base}/deviceManagement/remoteAssistancePartners`,
      `${base}/deviceManagement/remoteAssistancePartners/$count`,
      `${base}/deviceManagement/remoteAssistancePartners/a%2Fb%3Fc%23d`,
      `${base}/deviceManagement/remoteAssistancePartners/p1/beginOnboarding`,
      `${base}/deviceManagement/remoteAssistancePartners/p1/disconnect`,
    ]);
  });

  it("each operation's template, for spans and logs", async () => {
    // The template reaches a Tracing (and so every span); one that gives no span costs nothing else.
    const traced: TracedCall[] = [];
    const { client } = urlRecording({ tracing: (call) => void traced.push(call) });
    // Every method the client has is called here: one added later must be added to EVERY_METHOD too.
    expect(Object.keys(client).filter((name) => name !== "listAll" && name !== "raw").sort()).toEqual(Object.keys(EVERY_METHOD).sort());
    const templates: Record<string, string> = {};
    for (const [name, call] of Object.entries(EVERY_METHOD)) {
      await call(client);
      templates[name] = `${traced.at(-1)!.method} ${traced.at(-1)!.template}`;
    }
    expect(traced).toHaveLength(Object.keys(EVERY_METHOD).length);
    expect(templates).toEqual({
      list: "GET /v1.0/deviceManagement/remoteAssistancePartners",
      count: "GET /v1.0/deviceManagement/remoteAssistancePartners/$count",
      get: "GET /v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}",
      create: "POST /v1.0/deviceManagement/remoteAssistancePartners",
      update: "PATCH /v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}",
      delete: "DELETE /v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}",
      beginOnboarding: "POST /v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/beginOnboarding",
      disconnect: "POST /v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/disconnect",
    });
  });

  it("an empty query, or one of undefined values only, adds no ?", async () => {
    const { client, urls } = urlRecording();
    await client.list({});
    await client.list({ $top: undefined, $filter: null } as never);
    await client.list(null as never);
    expect(urls).toEqual(Array(3).fill(`${base}/deviceManagement/remoteAssistancePartners`));
  });

  it.each([
    ["a string", "$top=1", "listRemoteAssistancePartners: the query must be an object of OData options"],
    ["an array", [["$top", 1]], "listRemoteAssistancePartners: the query must be an object of OData options"],
  ])("a query that is %s is a TypeError, nothing sent", async (_name, query, message) => {
    const { client, urls } = urlRecording();
    await expect(client.list(query as never)).rejects.toThrow(new TypeError(message));
    expect(urls).toEqual([]);
  });

  it("an operation that takes no query says so", async () => {
    // No method hands create a query; a JavaScript caller's stray `query` in the call options reaches the same
    // check, and is refused rather than sent.
    const { client, urls } = urlRecording();
    await expect(client.create({}, { query: { $top: 1 } } as never)).rejects.toThrow(new TypeError('createRemoteAssistancePartner: unknown query option "$top"; it takes none'));
    expect(urls).toEqual([]);
  });

  it("an object value is refused, naming the option, nothing sent", async () => {
    const { client, urls } = urlRecording();
    await expect(client.list({ $filter: { eq: 1 } } as never)).rejects.toThrow(
      new TypeError("listRemoteAssistancePartners: a query value cannot be encoded ($filter must be a string, number, boolean or array of them)"),
    );
    expect(urls).toEqual([]);
  });
});

describe("the methods' queries are raw's (openapi-fetch's) on the wire", () => {
  it.for([
    [{ $select: ["displayName", "onboardingStatus"], $top: 5, $count: true }],
    [{ $filter: "displayName eq 'A&B = C?'", $orderby: ["displayName desc"] }],
    [{ $select: [], $top: undefined, $skip: null, $search: '"tea m"' }],
    [{ $expand: ["*"], $skip: 0, $count: false }],
    [{ $filter: "ü ö 😀 / #" }],
  ])("%j", async ([query], { graph }) => {
    const client = graph.client((_q, r) => json(r, 200, { value: [] }));
    await client.list(query as never);
    await client.raw.GET("/deviceManagement/remoteAssistancePartners", { params: { query: query as never } });
    expect(graph.seen).toHaveLength(2);
    expect(graph.seen[0]!.url).toBe(graph.seen[1]!.url);
  });

  it("names as they are, values and array items encoded, arrays joined by commas", async () => {
    const { client, urls } = urlRecording();
    // Not property names ($select's type lists those): values chosen for what they need encoded.
    await client.list({ $select: ["a,b", "c"], $filter: "x eq 'y'" } as never);
    expect(urls).toEqual([`${base}/deviceManagement/remoteAssistancePartners?$select=a%2Cb,c&$filter=x%20eq%20'y'`]);
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

describe("a character that cannot be sent is named, never quoted", () => {
  // A token goes in a header as visible ASCII only, so every character below is refused in one, and named.
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
  ])("%j is %s", async (character, name) => {
    const { client, sent } = clientAnswering(() => new Response(null, { status: 204 }), { getAccessToken: () => `ab${character}cd` });
    await expect(client.delete(id)).rejects.toMatchObject({
      code: "AuthenticationFailed",
      message: `getAccessToken gave a token that cannot be sent in a header: ${name} at position 2 (nothing was sent)`,
    });
    expect(sent).toEqual([]);
  });
});

describe("headers the caller gives", () => {
  const ACCEPTED = { "x-a": "value with spaces\tand tab", "X_B.c!#$%&'*+^`|~": "café", empty: "" };

  it("accepts visible ASCII, spaces, tabs and Latin-1 (obs-text) in values, any token as a name, and no headers at all", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r), { headers: ACCEPTED });
    await client.update(id, {});
    await client.update(id, {}, { headers: ACCEPTED });
    await graph.client(undefined, { headers: undefined }).update(id, {});
    for (const request of graph.seen.slice(0, 2)) {
      expect(request.rawHeaders).toEqual(expect.arrayContaining([["x-a", "value with spaces\tand tab"], ["x_b.c!#$%&'*+^`|~", "café"], ["empty", ""]]));
    }
    expect(graph.seen).toHaveLength(3);
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
  ])("%j: %s, when the client is made and on a call (nothing sent)", async (headers, message) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken, headers: headers as never })).toThrow(new TypeError(message));
    const { client, sent } = clientAnswering(() => new Response(null, { status: 204 }));
    await expect(client.update(id, {}, { headers: headers as never })).rejects.toThrow(new TypeError(message));
    expect(sent).toEqual([]);
  });

  it("names whose headers they are: raw's are raw's", async () => {
    // fetch's Headers lets a DEL through (it refuses CR, LF and NUL itself), so raw's own check is the one that speaks.
    const { client, sent } = clientAnswering(() => Response.json({ value: [] }));
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners", { headers: { "x-a": "ok\x7fno" } })).rejects.toThrow(
      new TypeError("raw: headers: header x-a cannot be sent: a DEL (U+007F) at position 2"),
    );
    expect(sent).toEqual([]);
  });

  it("Authorization is the name in any case, and nothing else: those near it are sent", async ({ graph }) => {
    for (const name of ["Authorization", "authorization", "AUTHORIZATION"]) {
      expect(() => createRemoteAssistanceClient({ getAccessToken, headers: { [name]: "Bearer x" } })).toThrow(new TypeError(`headers: ${name} is not allowed; the client sends the token itself`));
    }
    const near = { authorizations: "a", "x-authorization": "b", authorizatio: "c", "Proxy-Authorization": "d" };
    const client = graph.client((_q, r) => noContent(r), { headers: near });
    await client.update(id, {});
    const sent = graph.seen[0]!.headers;
    expect([sent.authorizations, sent["x-authorization"], sent.authorizatio, sent["proxy-authorization"], sent.authorization]).toEqual(["a", "b", "c", "d", `Bearer ${TOKEN}`]);
  });
});

describe("ids a method refuses", () => {
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
  ])("%j: %s, nothing sent", async (badId, message) => {
    const { client, sent } = clientAnswering(() => Response.json(seedPartner));
    await expect(client.get(badId as never)).rejects.toThrow(new TypeError(message));
    expect(sent).toEqual([]);
  });

  it.for(["7443c8b9-c8b9-7443-b9c8-4374b9c84374", "...", "a.b", "a$", "a/b", "😀", " "])("%j addresses one partner", async (goodId, { graph }) => {
    const client = graph.client((_q, r) => json(r, 200, seedPartner));
    await client.get(goodId);
    expect(graph.seen.map((r) => r.url)).toEqual([`/v1.0/deviceManagement/remoteAssistancePartners/${encodeURIComponent(goodId)}`]);
  });

  it("names the parameter as the caller knows it: id, not the spec's remoteAssistancePartnerId", async () => {
    const { client } = clientAnswering(() => Response.json(seedPartner));
    const error = await client.get("").catch((e: Error) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^id must not be ""/);
  });
});
