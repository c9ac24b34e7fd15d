// `credential`: an Azure TokenCredential behind the client's token cache. A counting credential shows what the cache
// is for (one getToken for many calls), and the real server shows which token went out with each request.
import { afterEach, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, GraphError, type AccessToken, type TokenCredential } from "../../src/entries/index.js";
import { REFRESH_BEFORE_EXPIRY_MS, cachedCredential } from "../../src/transport/token-cache.js";
import { json, noContent, rejection, startGraphServer, type GraphServer, type Handler } from "../helpers/graph-server.js";
import { seedPartner } from "../fixtures/seed-examples.js";

let server: GraphServer | undefined;
afterEach(() => server?.close());

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

async function clientWith(credential: TokenCredential, handler: Handler = (_req, res) => noContent(res), options = {}) {
  server = await startGraphServer(handler);
  return createRemoteAssistanceClient({ baseUrl: server.baseUrl, credential, retry: { baseDelayMs: 1 }, ...options });
}

const sentTokens = () => server!.seen.map((r) => r.headers.authorization);

describe("credential: one token for many calls", () => {
  it("100 sequential calls cost one getToken, asked for the endpoint's /.default scope", async () => {
    const credential = countingCredential();
    const client = await clientWith(credential);
    for (let i = 0; i < 100; i++) await client.update(id, { displayName: `call ${i}` });
    expect(credential.calls).toHaveLength(1);
    expect(credential.calls[0]!.scopes).toEqual([`${server!.origin}/.default`]);
    expect(new Set(sentTokens())).toEqual(new Set(["Bearer token-1"]));
  });

  it("50 concurrent first calls share one getToken in flight", async () => {
    const credential = countingCredential(() => new Promise((resolve) => setTimeout(() => resolve({}), 30)));
    const client = await clientWith(credential);
    await Promise.all(Array.from({ length: 50 }, (_, i) => client.update(id, { displayName: `call ${i}` })));
    expect(credential.calls).toHaveLength(1);
    expect(server!.seen).toHaveLength(50);
    expect(new Set(sentTokens())).toEqual(new Set(["Bearer token-1"]));
  });

  it("a token 1 minute from expiry is replaced before it is used", async () => {
    const credential = countingCredential((n) => (n === 1 ? { expiresOnTimestamp: Date.now() + 60_000 } : {}));
    const client = await clientWith(credential);
    await client.update(id, { displayName: "first" });
    await client.update(id, { displayName: "second" });
    await client.update(id, { displayName: "third" });
    expect(credential.calls).toHaveLength(2);
    expect(sentTokens()).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-2"]);
  });

  it("past refreshAfterTimestamp: a new token is fetched in the background while the current one is still used", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const credential = countingCredential(async (n) => {
      if (n === 1) return { refreshAfterTimestamp: Date.now() - 1 };
      await held;
      return {};
    });
    const client = await clientWith(credential);
    await client.update(id, { displayName: "first" });
    await client.update(id, { displayName: "second (refresh started, not awaited)" });
    await client.update(id, { displayName: "third (refresh still in flight: not started twice)" });
    expect(credential.calls).toHaveLength(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await client.update(id, { displayName: "fourth" });
    expect(sentTokens()).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2"]);
  });

  it("a failed refresh while the old token is still valid keeps using it; an expired one is AuthenticationFailed with the cause", async () => {
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

  it("getToken is asked for the scope as an array, with the cache's own abort signal (so that a getToken nobody waits for can be abandoned)", async () => {
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
  it.each([
    ["null", null, /credential.getToken gave no token for http:\/\/127.0.0.1:\d+\/.default/],
    ["a token with a line break", { token: "abc\ndef" }, /credential.getToken gave a token that cannot be sent in a header: a line feed \(U\+000A\) at position 3/],
    ["an empty token", { token: "" }, /credential.getToken must give a non-empty string token, got an empty string/],
    ["no expiry", { expiresOnTimestamp: undefined }, /without a numeric expiresOnTimestamp/],
    ["an expiry in seconds, not milliseconds", { expiresOnTimestamp: 1_796_000_000 }, /a token that has already expired \(expiresOnTimestamp 1796000000, in milliseconds since 1970\)/],
  ])("getToken giving %s is AuthenticationFailed and nothing is sent", async (_name, given, message) => {
    const client = await clientWith(countingCredential(() => given as Partial<AccessToken> | null));
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toMatchObject({ name: "GraphError", code: "AuthenticationFailed" });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("abc");
    expect(server!.seen).toHaveLength(0);
  });

  it("the caller's signal bounds the wait and reaches getToken as abortSignal; the call rejects with the caller's reason", async () => {
    const credential = countingCredential(() => new Promise(() => undefined));
    const client = await clientWith(credential);
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    setTimeout(() => controller.abort(reason), 20);
    await expect(client.update(id, { displayName: "x" }, { signal: controller.signal })).rejects.toBe(reason);
    expect(credential.calls[0]!.abortSignal?.aborted).toBe(true);
    expect(server!.seen).toHaveLength(0);
  });

  it("timeoutMs bounds a getToken that never answers: Timeout", async () => {
    const client = await clientWith(countingCredential(() => new Promise(() => undefined)), undefined, { timeoutMs: 50 });
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toMatchObject({ name: "GraphError", code: "Timeout", status: 0 });
  });

  it("one caller's abort does not fail the others waiting for the same getToken: it goes on for them", async () => {
    const credential = countingCredential(
      (n) => new Promise((resolve, reject) => {
        const signal = credential.calls[n - 1]!.abortSignal;
        signal?.addEventListener("abort", () => reject(signal.reason));
        setTimeout(() => resolve({}), 40);
      }),
    );
    // No retries: the second call must get its token from the cache's own second ask, not from a retry.
    const client = await clientWith(credential, undefined, { retry: false });
    const controller = new AbortController();
    const first = client.update(id, { displayName: "gives up" }, { signal: controller.signal });
    const second = client.update(id, { displayName: "waits" });
    setTimeout(() => controller.abort(new Error("first gave up")), 10);
    await expect(first).rejects.toThrow("first gave up");
    await expect(second).resolves.toBeUndefined();
    expect(credential.calls).toHaveLength(1);
    expect(sentTokens()).toEqual(["Bearer token-1"]);
  });
});

describe("credential: a 401 invalid_token", () => {
  const invalidToken = (res: Parameters<Handler>[1]) =>
    json(res, 401, { error: { code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." } }, {
      "www-authenticate": 'Bearer realm="", error="invalid_token", error_description="The access token expired"',
    });

  it("drops the cached token and resends once with a fresh one", async () => {
    const credential = countingCredential();
    const client = await clientWith(credential, (req, res) => (req.headers.authorization === "Bearer token-1" ? invalidToken(res) : noContent(res)));
    await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
    expect(credential.calls).toHaveLength(2);
    expect(sentTokens()).toEqual(["Bearer token-1", "Bearer token-2"]);
    // The same client-request-id on both: one call, as the service's logs should show it.
    expect(server!.seen[0]!.headers["client-request-id"]).toBe(server!.seen[1]!.headers["client-request-id"]);
  });

  it("a second 401 is thrown, after one refresh only", async () => {
    const credential = countingCredential();
    const client = await clientWith(credential, (_req, res) => invalidToken(res));
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toMatchObject({ name: "GraphError", status: 401, code: "InvalidAuthenticationToken" });
    expect(credential.calls).toHaveLength(2);
    expect(server!.seen).toHaveLength(2);
  });

  it("a 401 that does not say invalid_token (insufficient scope, say) is thrown without a refresh", async () => {
    const credential = countingCredential();
    const client = await clientWith(credential, (_req, res) =>
      json(res, 401, { error: { code: "Unauthorized", message: "no" } }, { "www-authenticate": 'Bearer error="insufficient_scope"' }),
    );
    await expect(client.update(id, { displayName: "x" })).rejects.toMatchObject({ status: 401 });
    expect(credential.calls).toHaveLength(1);
    expect(server!.seen).toHaveLength(1);
  });

  it("with getAccessToken (no cache to drop), a 401 invalid_token is thrown as it is", async () => {
    server = await startGraphServer((_req, res) => invalidToken(res));
    let asked = 0;
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => `t${++asked}` });
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

  it("a scope given is the one asked for", async () => {
    const counting = countingCredential();
    const client = await clientWith(counting, undefined, { scope: "https://graph.microsoft.com/.default" });
    await client.update(id, { displayName: "x" });
    expect(counting.calls[0]!.scopes).toEqual(["https://graph.microsoft.com/.default"]);
  });

  it("raw shares the cache: its calls and the client's cost one getToken", async () => {
    const counting = countingCredential();
    const client = await clientWith(counting, (_req, res) => json(res, 200, seedPartner));
    await client.get(id);
    const { response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: id } } });
    expect(response.status).toBe(200);
    expect(counting.calls).toHaveLength(1);
    expect(sentTokens()).toEqual(["Bearer token-1", "Bearer token-1"]);
  });
});
