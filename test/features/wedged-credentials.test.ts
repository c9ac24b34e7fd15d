// Wedged credentials: a getToken that hangs, a shared refresh that is abandoned, a background refresh that never
// ends; the call is bounded and the next one recovers.
import { afterEach, describe, expect, vi } from "vitest";
import { type AccessToken, createRemoteAssistanceClient, DEFAULT_TIMEOUT_MS, type FetchLike, type TokenCredential } from "../../src/entries/index.js";
import { BACKGROUND_REFRESH_MS, REFRESH_BEFORE_EXPIRY_MS } from "../../src/transport/token-cache.js";
import { PARTNER, rejection, json } from "../helpers/graph-server.js";
import { it } from "../helpers/fixtures.js";

const HOUR = 3_600_000;
const never = <T>() => new Promise<T>(() => undefined);

/**
 * A credential answering from a script: each getToken takes the next entry, given getToken's options (an entry may
 * heed the abort signal or not); `signals` has one entry per getToken.
 */
function scriptedCredential(script: ((options?: { abortSignal?: AbortSignal }) => Promise<AccessToken>)[]) {
  const signals: (AbortSignal | undefined)[] = [];
  const credential: TokenCredential = {
    getToken: (_scopes, options) => {
      signals.push(options?.abortSignal);
      const next = script.shift() ?? script.at(-1);
      return next ? next(options) : never();
    },
  };
  return { credential, signals };
}
const tokenFor = (token: string, extra: Partial<AccessToken> = {}) => async (): Promise<AccessToken> => ({ token, expiresOnTimestamp: Date.now() + HOUR, ...extra });

describe("wedged credentials, on a loopback server", () => {

  it("a getAccessToken that never resolves ends the call with Timeout after timeoutMs; nothing is sent", async ({ graph }) => {
    graph.answer((_q, res) => json(res, 200, PARTNER));
    const client = createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: never, timeoutMs: 50, tracing: false });
    await expect(client.get("p1")).rejects.toMatchObject({ name: "GraphError", status: 0, code: "Timeout" });
    expect(graph.seen).toHaveLength(0);
  });

  it("a credential whose getToken hangs (deaf to its abort signal) does not wedge the client: the next call asks again and succeeds", async ({ graph }) => {
    graph.answer((_q, res) => json(res, 200, PARTNER));
    const { credential, signals } = scriptedCredential([never, tokenFor("second-token")]);
    // timeoutMs ends the first call; it must also leave the second, on a loaded machine, ample time for its round trip.
    const client = createRemoteAssistanceClient({ baseUrl: graph.baseUrl, credential, timeoutMs: 1_000, tracing: false });
    await expect(client.get("p1")).rejects.toMatchObject({ code: "Timeout" });
    expect(signals[0]?.aborted).toBe(true); // abandoned, and told so

    await expect(client.get("p1")).resolves.toMatchObject({ id: "p1" });
    expect(signals).toHaveLength(2);
    expect(graph.seen.map((r) => r.authorization)).toEqual(["Bearer second-token"]);
  });

  it("a shared getToken is not abandoned while another call still waits for it", async ({ graph }) => {
    graph.answer((_q, res) => json(res, 200, PARTNER));
    let answer!: (token: AccessToken) => void;
    const slow = () => new Promise<AccessToken>((resolve) => (answer = resolve));
    const { credential, signals } = scriptedCredential([slow]);
    const client = createRemoteAssistanceClient({ baseUrl: graph.baseUrl, credential, tracing: false });
    const gaveUp = new AbortController();
    const first = client.get("p1", undefined, { signal: gaveUp.signal });
    const second = client.get("p1");
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    gaveUp.abort(new Error("the caller gave up"));
    await expect(first).rejects.toThrow("the caller gave up");
    expect(signals[0]?.aborted).toBe(false);
    answer({ token: "shared-token", expiresOnTimestamp: Date.now() + HOUR });
    await expect(second).resolves.toMatchObject({ id: "p1" });
    expect(signals).toHaveLength(1);
  });
});

describe("wedged credentials, on a fake clock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const fakeClock = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  const sentTokens: string[] = [];
  /** A fetch that answers at once (no sockets, no timers) and records the token each request carried. */
  const answering: FetchLike = async (_input, init) => {
    sentTokens.push((init?.headers as Record<string, string>).Authorization!);
    return new Response(JSON.stringify(PARTNER), { status: 200, headers: { "content-type": "application/json" } });
  };
  const settledState = (promise: Promise<unknown>) => {
    const state = { settled: false };
    promise.then(
      () => (state.settled = true),
      () => (state.settled = true),
    );
    return state;
  };

  it("with default options a getAccessToken that never resolves ends with Timeout at DEFAULT_TIMEOUT_MS, not before", async ({ graph }) => {
    fakeClock();
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example.test/v1.0", getAccessToken: never, fetch: answering, tracing: false });
    const call = client.get("p1");
    const state = settledState(call);
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call).rejects.toMatchObject({ code: "Timeout", status: 0 });
  });

  it("with default options a server that never answers ends the call with Timeout at DEFAULT_TIMEOUT_MS", async ({ graph }) => {
    fakeClock();
    const silent: FetchLike = (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example.test/v1.0", getAccessToken: () => "t1", fetch: silent, retry: false, tracing: false });
    const call = rejection(client.get("p1"));
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS);
    expect(await call).toMatchObject({ code: "Timeout" });
  });

  it("with default options a hung credential costs one call DEFAULT_TIMEOUT_MS; the next call gets a token and succeeds", async ({ graph }) => {
    fakeClock();
    sentTokens.length = 0;
    const { credential, signals } = scriptedCredential([never, tokenFor("after-the-hang")]);
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example.test/v1.0", credential, fetch: answering, tracing: false });
    const first = rejection(client.get("p1"));
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS);
    expect(await first).toMatchObject({ code: "Timeout" });
    await expect(client.get("p1")).resolves.toMatchObject({ id: "p1" });
    expect(signals).toHaveLength(2);
    expect(sentTokens).toEqual(["Bearer after-the-hang"]);
  });

  it("a background refresh that hangs is abandoned after BACKGROUND_REFRESH_MS, and the next refresh is tried", async ({ graph }) => {
    fakeClock();
    sentTokens.length = 0;
    const start = Date.now();
    const { credential, signals } = scriptedCredential([tokenFor("first", { refreshAfterTimestamp: start + 60_000 }), never, tokenFor("second")]);
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example.test/v1.0", credential, fetch: answering, tracing: false });
    await client.get("p1");
    await vi.advanceTimersByTimeAsync(61_000);
    await client.get("p1"); // the issuer's refresh time has passed: a background refresh starts, and hangs
    expect(signals).toHaveLength(2);
    expect(signals[1]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(BACKGROUND_REFRESH_MS);
    expect(signals[1]?.aborted).toBe(true);
    expect(signals[1]?.reason).toMatchObject({ name: "TimeoutError", message: "The background token refresh timed out" });
    await client.get("p1"); // starts a new refresh, which answers
    await client.get("p1");
    expect(signals).toHaveLength(3);
    expect(sentTokens).toEqual(["Bearer first", "Bearer first", "Bearer first", "Bearer second"]);
  });

  /** A getToken that answers `token` after `ms`, or rejects as soon as its signal aborts (as @azure/identity's do). */
  const answersAfter = (ms: number, token: string) => (options?: { abortSignal?: AbortSignal }) =>
    new Promise<AccessToken>((resolve, reject) => {
      const timer = setTimeout(() => resolve({ token, expiresOnTimestamp: Date.now() + HOUR }), ms);
      options?.abortSignal?.addEventListener("abort", () => (clearTimeout(timer), reject(options.abortSignal!.reason)));
    });

  it("a background refresh that a call has come to wait for is not abandoned at BACKGROUND_REFRESH_MS: the call gets the new token", async () => {
    fakeClock();
    sentTokens.length = 0;
    const start = Date.now();
    // Usable until 80 s (five minutes before its expiry); the issuer asks for a refresh from 60 s.
    const first = { token: "first", expiresOnTimestamp: start + REFRESH_BEFORE_EXPIRY_MS + 80_000, refreshAfterTimestamp: start + 60_000 };
    const { credential, signals: asked } = scriptedCredential([async () => first, answersAfter(40_000, "second")]);
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example.test/v1.0", credential, fetch: answering, tracing: false });
    await client.get("p1");
    await vi.advanceTimersByTimeAsync(61_000);
    await client.get("p1"); // a background refresh starts; it answers at 101 s
    await vi.advanceTimersByTimeAsync(24_000);
    const waiting = settledState(client.get("p1")); // at 85 s the old token is not usable: this call waits for the refresh
    await vi.advanceTimersByTimeAsync(61_000 + BACKGROUND_REFRESH_MS - 85_000); // 91 s: the refresh's own bound passes, a call waiting
    expect(waiting.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(waiting.settled).toBe(true);
    expect(asked).toHaveLength(2);
    expect(sentTokens).toEqual(["Bearer first", "Bearer first", "Bearer second"]);
  });

  it("the bound of a background refresh already abandoned does not unseat the getToken a later call started", async () => {
    fakeClock();
    const start = Date.now();
    const first = { token: "first", expiresOnTimestamp: start + REFRESH_BEFORE_EXPIRY_MS + 80_000, refreshAfterTimestamp: start + 60_000 };
    // 1: the first token; 2: a background refresh that never answers, deaf to its signal; 3: answers after 8 s.
    const { credential, signals: asked } = scriptedCredential([async () => first, () => never<AccessToken>(), answersAfter(8_000, "third"), answersAfter(1_000, "fourth")]);
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example.test/v1.0", credential, fetch: answering, tracing: false });
    sentTokens.length = 0;
    await client.get("p1");
    await vi.advanceTimersByTimeAsync(61_000);
    await client.get("p1"); // 61 s: the background refresh (2) starts; its own bound passes at 91 s
    await vi.advanceTimersByTimeAsync(24_000);
    const gaveUp = new AbortController();
    const abandoning = client.get("p1", undefined, { signal: gaveUp.signal }).catch((e: unknown) => e); // 85 s: waits for 2
    gaveUp.abort(new Error("the caller gave up")); // its only waiter gone: 2 is abandoned
    await abandoning;
    await vi.advanceTimersByTimeAsync(2_000);
    const second = settledState(client.get("p1")); // 87 s: starts getToken 3
    await vi.advanceTimersByTimeAsync(5_000); // 92 s: 2's bound has passed
    const third = settledState(client.get("p1")); // joins 3
    await vi.advanceTimersByTimeAsync(3_000); // 95 s: 3 answers
    expect([second.settled, third.settled]).toEqual([true, true]);
    expect(asked).toHaveLength(3);
    expect(sentTokens).toEqual(["Bearer first", "Bearer first", "Bearer third", "Bearer third"]);
  });

  it("a background refresh that answers leaves no timer behind", async () => {
    fakeClock();
    const start = Date.now();
    const { credential, signals: asked } = scriptedCredential([async () => ({ token: "first", expiresOnTimestamp: start + HOUR, refreshAfterTimestamp: start + 60_000 }), answersAfter(5_000, "second")]);
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example.test/v1.0", credential, fetch: answering, tracing: false });
    await client.get("p1");
    await vi.advanceTimersByTimeAsync(61_000);
    await client.get("p1");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
