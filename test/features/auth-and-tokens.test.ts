// Auth and tokens: getAccessToken and a credential (one token for many calls, refreshed before expiry, a 401
// invalid_token), what a bad token gives, and that no token is sent anywhere but to Graph.
import createClient from "openapi-fetch";
import { afterEach, describe, expect } from "vitest";
import { type AccessToken, createRemoteAssistanceClient, GraphError, type RemoteAssistanceClientOptions, type TokenCredential } from "../../src/entries/index.js";
import { cachedCredential, REFRESH_BEFORE_EXPIRY_MS } from "../../src/transport/token-cache.js";
import { type GraphServer, type Handler, json, noContent, odataError, rejection, seedPartner, startGraphServer, TOKEN } from "../helpers/graph-server.js";
import { inspect } from "node:util";
import { clientOf, it, type Graph } from "../helpers/fixtures.js";
import { renderings, clientAnswering } from "../helpers/stub-client.js";


const id = seedPartner.id;
const HOUR = 3_600_000;

interface CountingCredential extends TokenCredential {
  calls: { scopes: string | string[]; abortSignal: AbortSignal | undefined }[];
}

/** Gives `token-1`, `token-2`, … each valid for `lifetimeMs` (or as `next` says), counting the calls. */
function countingCredential(next: (n: number) => Partial<AccessToken> | null | Promise<Partial<AccessToken> | null> = () => ({})): CountingCredential {
  const calls: CountingCredential["calls"] = [];
  return {
    calls,
    async getToken(scopes, options) {
      calls.push({ scopes, abortSignal: options?.abortSignal });
      const given = await next(calls.length);
      return given === null ? null : ({ token: `token-${calls.length}`, expiresOnTimestamp: Date.now() + HOUR, ...given } as AccessToken);
    },
  };
}

async function clientWith(graph: Graph, credential: TokenCredential, handler: Handler = (_req, res) => noContent(res), options = {}) {
  graph.answer(handler);
  return createRemoteAssistanceClient({ baseUrl: graph.baseUrl, credential, retry: { baseDelayMs: 1 }, ...options });
}

const sentTokens = (graph: Graph) => graph.seen.map((r) => r.headers.authorization);


const badPartner = { ...seedPartner, onboardingStatus: "on" };


const BASE = "https://graph.example/v1.0";
const ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";


describe("credential: one token for many calls", () => {
  it("100 sequential calls cost one getToken, asked for the endpoint's /.default scope", async ({ graph }) => {
    const credential = countingCredential();
    const client = await clientWith(graph, credential);
    for (let i = 0; i < 100; i++) await client.update(id, { displayName: `call ${i}` });
    expect(credential.calls).toHaveLength(1);
    expect(credential.calls[0]!.scopes).toEqual([`${graph.origin}/.default`]);
    expect(new Set(sentTokens(graph))).toEqual(new Set(["Bearer token-1"]));
  });

  it("50 concurrent first calls share one getToken in flight", async ({ graph }) => {
    const credential = countingCredential(() => new Promise((resolve) => setTimeout(() => resolve({}), 30)));
    const client = await clientWith(graph, credential);
    await Promise.all(Array.from({ length: 50 }, (_, i) => client.update(id, { displayName: `call ${i}` })));
    expect(credential.calls).toHaveLength(1);
    expect(graph.seen).toHaveLength(50);
    expect(new Set(sentTokens(graph))).toEqual(new Set(["Bearer token-1"]));
  });

  it("a token 1 minute from expiry is replaced before it is used", async ({ graph }) => {
    const credential = countingCredential((n) => (n === 1 ? { expiresOnTimestamp: Date.now() + 60_000 } : {}));
    const client = await clientWith(graph, credential);
    await client.update(id, { displayName: "first" });
    await client.update(id, { displayName: "second" });
    await client.update(id, { displayName: "third" });
    expect(credential.calls).toHaveLength(2);
    expect(sentTokens(graph)).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-2"]);
  });

  it("past refreshAfterTimestamp: a new token is fetched in the background while the current one is still used", async ({ graph }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const credential = countingCredential(async (n) => {
      if (n === 1) return { refreshAfterTimestamp: Date.now() - 1 };
      await held;
      return {};
    });
    const client = await clientWith(graph, credential);
    await client.update(id, { displayName: "first" });
    await client.update(id, { displayName: "second (refresh started, not awaited)" });
    await client.update(id, { displayName: "third (refresh still in flight: not started twice)" });
    expect(credential.calls).toHaveLength(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await client.update(id, { displayName: "fourth" });
    expect(sentTokens(graph)).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2"]);
  });

  it("a failed refresh while the old token is still valid keeps using it; an expired one is AuthenticationFailed with the cause", async ({ graph }) => {
    let clock = 1_000_000;
    let fail = false;
    const failure = new Error("Entra ID is unreachable");
    const credential: TokenCredential = {
      getToken: async () => {
        if (fail) throw failure;
        return { token: "only-token", expiresOnTimestamp: clock + 2 * 60_000 };
      },
    };
    const tokens = cachedCredential(credential, "https://graph.microsoft.com/.default", () => clock);
    expect(await tokens.get("", undefined)).toBe("only-token");
    fail = true;
    clock += 60_000; // one minute left: inside the refresh window, the refresh fails, the token still works
    expect(await tokens.get("", undefined)).toBe("only-token");
    clock += 61_000; // expired
    const error = await rejection(tokens.get("", undefined));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: "AuthenticationFailed", status: 0, cause: failure });
    expect(error.message).toContain("credential.getToken failed: Entra ID is unreachable");
  });

  it("refreshes REFRESH_BEFORE_EXPIRY_MS (5 minutes) early, not before", async () => {
    let clock = 0;
    let n = 0;
    const tokens = cachedCredential({ getToken: async () => ({ token: `t${++n}`, expiresOnTimestamp: 10 * 60_000 }) }, "s", () => clock);
    expect(REFRESH_BEFORE_EXPIRY_MS).toBe(5 * 60_000);
    expect(await tokens.get("", undefined)).toBe("t1");
    clock = 5 * 60_000 - 1;
    expect(await tokens.get("", undefined)).toBe("t1");
    clock = 5 * 60_000;
    expect(await tokens.get("", undefined)).toBe("t2");
  });
});

describe("credential: the cache's clock, unit by unit", () => {
  it("a failed background refresh is not tried again for 30 s; the current token is used meanwhile", async () => {
    let clock = 0;
    const outcomes: ("ok" | "fail")[] = ["ok", "fail", "ok"];
    let asked = 0;
    const tokens = cachedCredential(
      {
        getToken: async () => {
          const outcome = outcomes[asked++];
          if (outcome === "fail") throw new Error("Entra ID hiccup");
          return { token: `t${asked}`, expiresOnTimestamp: clock + 60 * 60_000, refreshAfterTimestamp: clock + 10_000 };
        },
      },
      "s",
      () => clock,
    );
    expect(await tokens.get("", undefined)).toBe("t1");
    clock = 10_000; // refresh due: started in the background, fails
    expect(await tokens.get("", undefined)).toBe("t1");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toBe(2);
    clock = 39_999; // within 30 s of the failure: not tried again
    expect(await tokens.get("", undefined)).toBe("t1");
    expect(asked).toBe(2);
    clock = 40_000; // 30 s on: tried again, and this one succeeds
    expect(await tokens.get("", undefined)).toBe("t1");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toBe(3);
    expect(await tokens.get("", undefined)).toBe("t3");
  });

  it("drop forgets only the token named: a newer one fetched meanwhile stays", async () => {
    let asked = 0;
    const tokens = cachedCredential({ getToken: async () => ({ token: `t${++asked}`, expiresOnTimestamp: Date.now() + 3_600_000 }) }, "s");
    expect(await tokens.get("", undefined)).toBe("t1");
    tokens.drop!("t0");
    expect(await tokens.get("", undefined)).toBe("t1");
    tokens.drop!("t1");
    expect(await tokens.get("", undefined)).toBe("t2");
    expect(asked).toBe(2);
  });

  it("getToken is asked for the scope as an array, with the cache's own abort signal (so that a getToken nobody waits for can be abandoned)", async ({ graph }) => {
    const calls: unknown[][] = [];
    const tokens = cachedCredential({ getToken: async (...args: unknown[]) => (calls.push(args), { token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) }, "https://graph.microsoft.us/.default");
    await tokens.get("", undefined);
    tokens.drop!("t");
    const signal = new AbortController().signal;
    await tokens.get("", signal);
    const asked = [["https://graph.microsoft.us/.default"], { abortSignal: expect.any(AbortSignal) }];
    expect(calls).toEqual([asked, asked]);
    expect((calls[1]![1] as { abortSignal: AbortSignal }).abortSignal).not.toBe(signal);
  });
});

describe("credential: failures and bounds", () => {
  it.for([
    ["null", null, /credential.getToken gave no token for http:\/\/127.0.0.1:\d+\/.default/],
    ["a token with a line break", { token: "abc\ndef" }, /credential.getToken gave a token that cannot be sent in a header: a line feed \(U\+000A\) at position 3/],
    ["an empty token", { token: "" }, /credential.getToken must give a non-empty string token, got an empty string/],
    ["no expiry", { expiresOnTimestamp: undefined }, /without a numeric expiresOnTimestamp/],
    ["an expiry in seconds, not milliseconds", { expiresOnTimestamp: 1_796_000_000 }, /a token that has already expired \(expiresOnTimestamp 1796000000, in milliseconds since 1970\)/],
  ])("getToken giving %s is AuthenticationFailed and nothing is sent", async ([_name, given, message], { graph }) => {
    const client = await clientWith(graph, countingCredential(() => given as Partial<AccessToken> | null));
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toMatchObject({ name: "GraphError", code: "AuthenticationFailed" });
    expect(error.message).toMatch(message as RegExp);
    expect(error.message).not.toContain("abc");
    expect(graph.seen).toHaveLength(0);
  });

  it("the caller's signal bounds the wait and reaches getToken as abortSignal; the call rejects with the caller's reason", async ({ graph }) => {
    const credential = countingCredential(() => new Promise(() => undefined));
    const client = await clientWith(graph, credential);
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    setTimeout(() => controller.abort(reason), 20);
    await expect(client.update(id, { displayName: "x" }, { signal: controller.signal })).rejects.toBe(reason);
    expect(credential.calls[0]!.abortSignal?.aborted).toBe(true);
    expect(graph.seen).toHaveLength(0);
  });

  it("timeoutMs bounds a getToken that never answers: Timeout", async ({ graph }) => {
    const client = await clientWith(graph, countingCredential(() => new Promise(() => undefined)), undefined, { timeoutMs: 50 });
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toMatchObject({ name: "GraphError", code: "Timeout", status: 0 });
  });

  it("one caller's abort does not fail the others waiting for the same getToken: it goes on for them", async ({ graph }) => {
    const credential = countingCredential(
      (n) => new Promise((resolve, reject) => {
        const signal = credential.calls[n - 1]!.abortSignal;
        signal?.addEventListener("abort", () => reject(signal.reason));
        setTimeout(() => resolve({}), 40);
      }),
    );
    // No retries: the second call must get its token from the cache's own second ask, not from a retry.
    const client = await clientWith(graph, credential, undefined, { retry: false });
    const controller = new AbortController();
    const first = client.update(id, { displayName: "gives up" }, { signal: controller.signal });
    const second = client.update(id, { displayName: "waits" });
    setTimeout(() => controller.abort(new Error("first gave up")), 10);
    await expect(first).rejects.toThrow("first gave up");
    await expect(second).resolves.toBeUndefined();
    expect(credential.calls).toHaveLength(1);
    expect(sentTokens(graph)).toEqual(["Bearer token-1"]);
  });
});

describe("credential: a 401 invalid_token", () => {
  const invalidToken = (res: Parameters<Handler>[1]) =>
    json(res, 401, { error: { code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." } }, {
      "www-authenticate": 'Bearer realm="", error="invalid_token", error_description="The access token expired"',
    });

  it("drops the cached token and resends once with a fresh one", async ({ graph }) => {
    const credential = countingCredential();
    const client = await clientWith(graph, credential, (req, res) => (req.headers.authorization === "Bearer token-1" ? invalidToken(res) : noContent(res)));
    await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
    expect(credential.calls).toHaveLength(2);
    expect(sentTokens(graph)).toEqual(["Bearer token-1", "Bearer token-2"]);
    // The same client-request-id on both: one call, as the service's logs should show it.
    expect(graph.seen[0]!.headers["client-request-id"]).toBe(graph.seen[1]!.headers["client-request-id"]);
  });

  it("a second 401 is thrown, after one refresh only", async ({ graph }) => {
    const credential = countingCredential();
    const client = await clientWith(graph, credential, (_req, res) => invalidToken(res));
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toMatchObject({ name: "GraphError", status: 401, code: "InvalidAuthenticationToken" });
    expect(credential.calls).toHaveLength(2);
    expect(graph.seen).toHaveLength(2);
  });

  it("a 401 that does not say invalid_token (insufficient scope, say) is thrown without a refresh", async ({ graph }) => {
    const credential = countingCredential();
    const client = await clientWith(graph, credential, (_req, res) =>
      json(res, 401, { error: { code: "Unauthorized", message: "no" } }, { "www-authenticate": 'Bearer error="insufficient_scope"' }),
    );
    await expect(client.update(id, { displayName: "x" })).rejects.toMatchObject({ status: 401 });
    expect(credential.calls).toHaveLength(1);
    expect(graph.seen).toHaveLength(1);
  });

  it("with getAccessToken (no cache to drop), a 401 invalid_token is thrown as it is", async ({ graph }) => {
    graph.answer((_req, res) => invalidToken(res));
    let asked = 0;
    const client = createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => `t${++asked}` });
    await expect(client.update(id, { displayName: "x" })).rejects.toMatchObject({ status: 401 });
    expect(asked).toBe(1);
  });
});

describe("credential: options", () => {
  const credential = countingCredential();
  it.each([
    ["both credential and getAccessToken", { credential, getAccessToken: (): string => "t" }, /give credential or getAccessToken, not both/],
    ["neither", {}, /credential or getAccessToken is required/],
    ["a credential without getToken", { credential: {} }, /credential must have a getToken method/],
    ["a class instance without getToken", { credential: new (class Credential {})() }, /credential must have a getToken method/],
    ["scope with getAccessToken", { getAccessToken: (): string => "t", scope: "https://graph.microsoft.com/.default" }, /scope goes with credential/],
    ["an empty scope", { credential, scope: "" }, /scope must be a non-empty string/],
    ["a scope that is not a string", { credential, scope: ["https://graph.microsoft.com/.default"] }, /scope must be a non-empty string/],
    ["a null credential", { credential: null }, /credential must have a getToken method/],
  ])("%s: TypeError at creation", (_name, options, message) => {
    expect(() => createRemoteAssistanceClient(options as never)).toThrow(TypeError);
    expect(() => createRemoteAssistanceClient(options as never)).toThrow(message);
  });

  it("a scope given is the one asked for", async ({ graph }) => {
    const counting = countingCredential();
    const client = await clientWith(graph, counting, undefined, { scope: "https://graph.microsoft.com/.default" });
    await client.update(id, { displayName: "x" });
    expect(counting.calls[0]!.scopes).toEqual(["https://graph.microsoft.com/.default"]);
  });

  it("raw shares the cache: its calls and the client's cost one getToken", async ({ graph }) => {
    const counting = countingCredential();
    const client = await clientWith(graph, counting, (_req, res) => json(res, 200, seedPartner));
    await client.get(id);
    const { response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: id } } });
    expect(response.status).toBe(200);
    expect(counting.calls).toHaveLength(1);
    expect(sentTokens(graph)).toEqual(["Bearer token-1", "Bearer token-1"]);
  });
});

describe("tokens from getAccessToken", () => {
  it("an empty token is refused, by the methods and raw alike: AuthenticationFailed, nothing sent (never `Bearer ` or `Bearer undefined`)", async ({ graph }) => {
    const requests: string[] = [];
    const fetch = async (input: string | Request) => (requests.push(String(input)), Response.json({ value: [] }));
    for (const [token, got] of [["", "an empty string"], [undefined, "undefined"]] as const) {
      const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => token as string, fetch, retry: false });
      const error = await rejection(client.list());
      expect(error).toMatchObject({ name: "GraphError", code: "AuthenticationFailed", message: `getAccessToken must give a non-empty string token, got ${got}` });
      await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners")).rejects.toMatchObject({ code: "AuthenticationFailed" });
    }
    expect(requests).toEqual([]);
  });
});

describe("the token", () => {
  it.for([
    ["a line feed", "SECRET\nX: y", "a line feed (U+000A) at position 6"],
    ["a carriage return", "SECRET\rX: y", "a carriage return (U+000D) at position 6"],
    ["a NUL", "SECRET\0", "a NUL (U+0000) at position 6"],
    ["a space", "SECRET token", "a space (U+0020) at position 6"],
    ["a non-ASCII character", "SECRETé", "a character outside Latin-1 (U+00E9) at position 6"],
  ])("with %s: AuthenticationFailed naming the problem, never the value; nothing sent, no retry", async ([_what, token, problem], { graph }) => {
    const client = graph.client((_q, r) => noContent(r), { getAccessToken: () => token! });
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 0, code: "AuthenticationFailed" });
    expect(error.message).toContain(problem);
    for (const text of renderings(error)) expect(text).not.toContain("SECRET");
    expect(graph.seen).toHaveLength(0);
    // raw refuses it the same way
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners")).rejects.toMatchObject({ code: "AuthenticationFailed" });
    expect(graph.seen).toHaveLength(0);
  });

  it("echoed by the server (in a 401 body) is redacted from every error the client builds", async ({ graph }) => {
    const client = graph.client((req, r) =>
      json(r, 401, { error: { code: "InvalidAuthenticationToken", message: `Token ${TOKEN} is expired; header was ${req.headers.authorization}` } }),
    );
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 401, code: "InvalidAuthenticationToken" });
    expect(error.message).toBe("Token [redacted] is expired; header was Bearer [redacted]");
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
  });

  it("echoed in a text error body is redacted too, message and body", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(403, { "content-type": "text/plain" });
      r.end(`denied for ${TOKEN}`);
    });
    const error = await rejection(client.get(id));
    expect(error.body).toBe("denied for [redacted]");
    expect(error.message).toBe("HTTP 403 Forbidden: denied for [redacted]");
  });

  it("a token provider that never resolves: timeoutMs ends the call (Timeout), nothing sent", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r), { getAccessToken: () => new Promise<string>(() => undefined), timeoutMs: 300 });
    await expect(client.update(id, {})).rejects.toMatchObject({ name: "GraphError", code: "Timeout" });
    expect(graph.seen).toHaveLength(0);
  });

  it("a token provider that never resolves: the caller's abort ends the call with the caller's reason (raw too)", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r), { getAccessToken: () => new Promise<string>(() => undefined) });
    const reason = new Error("user gave up");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 50);
    await expect(client.get(id, undefined, { signal: controller.signal })).rejects.toBe(reason);
    const rawController = new AbortController();
    setTimeout(() => rawController.abort(reason), 50);
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners", { signal: rawController.signal })).rejects.toBe(reason);
    expect(graph.seen).toHaveLength(0);
  });

  it("raw honours timeoutMs while waiting for the token", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r), { getAccessToken: () => new Promise<string>(() => undefined), timeoutMs: 200 });
    const error = await rejection(client.raw.GET("/deviceManagement/remoteAssistancePartners"));
    expect(error).toMatchObject({ name: "GraphError", code: "Timeout" });
    expect(graph.seen).toHaveLength(0);
  });
});

describe("where the token goes", () => {
  it("nothing follows a redirect to another origin: RedirectRefused, nothing sent there, not even the body", async ({ graph, elsewhere }) => {
    elsewhere.answer((_q, r) => json(r, 200, { id: "p" }));
    // Same port family, other origin: "localhost" is another host than "127.0.0.1".
    const target = elsewhere.origin.replace("127.0.0.1", "localhost");
    graph.answer((req, r) => {
      r.writeHead(307, { location: `${target}${req.url}` });
      r.end();
    });
    const client = clientOf(graph.baseUrl, { headers: { "x-tenant-secret": "t" } });
    await expect(client.get("p")).rejects.toMatchObject({ name: "GraphError", status: 307, code: "RedirectRefused" });
    await expect(client.update("p", { displayName: "x" })).rejects.toMatchObject({ code: "RedirectRefused" });
    await expect(client.create({ displayName: "x" })).rejects.toThrow(/another origin \(http:\/\/localhost:\d+\); not followed/);
    const raw = await client.raw.POST("/deviceManagement/remoteAssistancePartners", { body: { displayName: "x" } }).catch((e: unknown) => e);
    expect(raw).toMatchObject({ code: "RedirectRefused" });
    expect(graph.seen).toHaveLength(4);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it("follows a redirect within the origin, as before (a 307 keeps method and body; a 303 becomes a GET)", async ({ graph }) => {
    graph.answer((req, r) => {
      if (req.url.endsWith("/old")) {
        r.writeHead(307, { location: `${graph.baseUrl}/deviceManagement/remoteAssistancePartners/p` });
        return void r.end();
      }
      if (req.url.endsWith("/see-other")) {
        r.writeHead(303, { location: "/v1.0/deviceManagement/remoteAssistancePartners/p" });
        return void r.end();
      }
      json(r, 200, { id: "p", method: req.method, body: req.body });
    });
    const client = clientOf(graph.baseUrl);
    await expect(client.update("old", { displayName: "x" })).resolves.toMatchObject({ method: "PATCH", body: '{"displayName":"x"}' });
    expect(graph.seen[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await expect(client.update("see-other", { displayName: "x" })).resolves.toMatchObject({ method: "GET", body: "" });
  });

  it("is not sent to a next link on another origin: listAll refuses it", async ({ graph, elsewhere }) => {
    elsewhere.answer((_q, r) => json(r, 200, { value: [] }));
    graph.answer((_q, r) =>
      json(r, 200, { value: [{ id: "p1" }], "@odata.nextLink": `${elsewhere.baseUrl}/deviceManagement/remoteAssistancePartners?$skiptoken=1` }),
    );
    const client = clientOf(graph.baseUrl);
    const ids: string[] = [];
    await expect(async () => {
      for await (const p of client.listAll()) ids.push(p.id!);
    }).rejects.toThrow(/refusing to send the token to http:\/\/127\.0\.0\.1:\d+\/v1\.0\/deviceManagement/);
    expect(ids).toEqual(["p1"]);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it("is not sent to a next link under another path of the same origin", async ({ graph }) => {
    graph.answer((req, r) =>
      req.url.startsWith("/v1.0/deviceManagement/remoteAssistancePartners")
        ? json(r, 200, { value: [], "@odata.nextLink": `${graph.origin}/admin/steal?x=1` })
        : json(r, 200, { value: [] }),
    );
    const client = clientOf(graph.baseUrl);
    await expect(async () => {
      for await (const _ of client.listAll()) void _;
    }).rejects.toThrow(/must stay on/);
    expect(graph.seen).toHaveLength(1);
  });

  it("never appears in an error's message, JSON or inspection", async ({ graph }) => {
    graph.answer((_q, r) => odataError(r, 401, "InvalidAuthenticationToken"));
    const client = clientOf(graph.baseUrl);
    const error = await client.get("p").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    const { inspect } = await import("node:util");
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? ""]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain("SECRET");
    }
  });

  it("the high-level client's raw refuses a per-request baseUrl elsewhere: a TypeError, nothing sent there", async ({ graph, elsewhere }) => {
    graph.answer((_q, r) => json(r, 200, { value: [] }));
    elsewhere.answer((_q, r) => json(r, 200, { value: [] }));
    const client = clientOf(graph.baseUrl);
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners", { baseUrl: elsewhere.baseUrl })).rejects.toThrow(TypeError);
    expect(elsewhere.seen).toEqual([]);
  });
});

describe("a 401 invalid_token", () => {
  it("without a body: the cached token is dropped and the call resent, the same as with one", async () => {
    let asked = 0;
    const credential = { getToken: async () => ({ token: `token-${++asked}`, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const { client, sent } = clientAnswering(
      (attempt) => (attempt === 1 ? new Response(null, { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } }) : new Response(null, { status: 204 })),
      { getAccessToken: undefined, credential },
    );
    await expect(client.update(ID, { displayName: "x" })).resolves.toBeUndefined();
    expect(sent).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("a success is never resent, whatever it says", async () => {
    const credential = { getToken: async () => ({ token: "only", expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const { client, sent } = clientAnswering(() => new Response(null, { status: 204, headers: { "www-authenticate": 'Bearer error="invalid_token"' } }), { getAccessToken: undefined, credential });
    await client.update(ID, { displayName: "x" });
    expect(sent).toEqual(["Bearer only"]);
  });
});
