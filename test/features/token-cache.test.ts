// The token cache and the token step on their own (src/transport/token-cache.ts, token-provider.ts): transport
// steps with a contract of their own, driven by an injected clock.
import { describe, expect } from "vitest";
import { type AccessToken } from "../../src/entries/index.js";
import { cachedCredential, REFRESH_BEFORE_EXPIRY_MS } from "../../src/transport/token-cache.js";
import { getEventListeners } from "node:events";
import { requestToken } from "../../src/transport/token-provider.js";
import { it } from "../helpers/fixtures.js";

const URL_ = "https://graph.example/v1.0/x";

/** A credential answering with `answers` in turn (a function may throw or hang); every call recorded. */
function credentialOf(...answers: (() => Promise<AccessToken | null>)[]) {
  const calls: number[] = [];
  return {
    calls,
    getToken: () => {
      calls.push(calls.length + 1);
      return answers.shift()!();
    },
  };
}
const token = (name: string, expiresOnTimestamp: number, refreshAfterTimestamp?: number) => async () => ({ token: name, expiresOnTimestamp, refreshAfterTimestamp });

const PARTNERS_URL = "https://graph.example/v1.0/deviceManagement/remoteAssistancePartners";

describe("the token cache, by the clock", () => {
  it("a token that has expired when it arrives is refused, at its very millisecond", async () => {
    const cache = cachedCredential(credentialOf(token("t", 1_000)), "s", () => 1_000);
    await expect(cache.get(URL_, undefined)).rejects.toMatchObject({
      code: "AuthenticationFailed",
      message: "credential.getToken gave a token that has already expired (expiresOnTimestamp 1000, in milliseconds since 1970)",
    });
  });

  it("when a refresh fails, the old token serves until its very expiry, not at it", async () => {
    let clock = 0;
    const expiry = REFRESH_BEFORE_EXPIRY_MS + 10_000;
    const failing = () => Promise.reject(new Error("Entra ID down"));
    const cache = cachedCredential(credentialOf(token("old", expiry), failing, failing), "s", () => clock);
    expect(await cache.get(URL_, undefined)).toBe("old");
    clock = expiry - 1;
    expect(await cache.get(URL_, undefined)).toBe("old");
    clock = expiry;
    await expect(cache.get(URL_, undefined)).rejects.toMatchObject({ code: "AuthenticationFailed", message: "credential.getToken failed: Entra ID down" });
  });

  it("a background refresh in flight is not started again by the calls that come meanwhile", async () => {
    let clock = 0;
    let finish!: (value: AccessToken) => void;
    const credential = credentialOf(token("first", 3_600_000, 1_000), () => new Promise<AccessToken>((resolve) => (finish = resolve)));
    const cache = cachedCredential(credential, "s", () => clock);
    await cache.get(URL_, undefined);
    clock = 2_000;
    expect(await cache.get(URL_, undefined)).toBe("first");
    expect(await cache.get(URL_, undefined)).toBe("first");
    expect(credential.calls).toEqual([1, 2]);
    finish({ token: "second", expiresOnTimestamp: 7_200_000 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get(URL_, undefined)).toBe("second");
  });

  it("dropping a token before any was cached is nothing", () => {
    expect(() => cachedCredential(credentialOf(), "s").drop!("t")).not.toThrow();
  });
});

describe("the token cache, when getToken fails", () => {
  it.each([
    ["null", null, "credential.getToken failed: null"],
    ["undefined", undefined, "credential.getToken failed: undefined"],
    ["a string", "no network", "credential.getToken failed: no network"],
  ])("rejecting with %s: AuthenticationFailed saying it, carrying it", async (_what, thrown, message) => {
    const cache = cachedCredential(credentialOf(() => Promise.reject(thrown)), "s");
    const error = await cache.get(URL_, undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AuthenticationFailed", message });
    expect((error as Error).cause).toBe(thrown);
  });

  it("a call with a signal sharing a getToken started without one: one getToken, both told it failed", async () => {
    let fail!: (error: Error) => void;
    const credential = credentialOf(() => new Promise<AccessToken>((_resolve, reject) => (fail = reject)));
    const cache = cachedCredential(credential, "s");
    const first = cache.get(URL_, undefined).catch((e: unknown) => e);
    const second = cache.get(URL_, new AbortController().signal).catch((e: unknown) => e);
    fail(new Error("denied"));
    expect(await first).toMatchObject({ code: "AuthenticationFailed" });
    expect(await second).toMatchObject({ code: "AuthenticationFailed" });
    expect(credential.calls).toEqual([1]);
  });
});

describe("an abandoned getToken", () => {
  /** A getToken the test settles by hand (deaf to its abort signal, as a wedged credential is). */
  const deferred = () => {
    const control: { resolve: (token: AccessToken) => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
    const answer = () => new Promise<AccessToken>((resolve, reject) => Object.assign(control, { resolve, reject }));
    return { control, answer };
  };

  it.for(["answers", "fails"] as const)("that %s late does not unseat the getToken started after it: later calls join that one", async (outcome) => {
    const clock = 1_000_000;
    const [late, current] = [deferred(), deferred()];
    const credential = credentialOf(late.answer, current.answer, () => Promise.resolve({ token: "third", expiresOnTimestamp: clock + 3_600_000 }));
    const cache = cachedCredential(credential, "s", () => clock);
    const gaveUp = new AbortController();
    const abandoning = cache.get(URL_, gaveUp.signal).catch((e: unknown) => e);
    gaveUp.abort(new Error("the caller gave up"));
    await abandoning; // its only waiter gone, the first getToken is abandoned
    const second = cache.get(URL_, undefined); // starts the second getToken
    // The abandoned one settles now: with a token too near its expiry to use, or with an error.
    if (outcome === "answers") late.control.resolve({ token: "late", expiresOnTimestamp: clock + 1_000 });
    else late.control.reject(new Error("late failure"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const third = cache.get(URL_, undefined); // must join the second getToken, not start a third
    current.control.resolve({ token: "second", expiresOnTimestamp: clock + 3_600_000 });
    expect([await second, await third]).toEqual(["second", "second"]);
    expect(credential.calls).toEqual([1, 2]);
  });
});

describe("requestToken", () => {
  it("gives the provider the URL and a signal: the caller's, or one that never aborts", async () => {
    const seen: { url: string; signal: AbortSignal }[] = [];
    const provider = (request: { url: string; signal: AbortSignal }) => (seen.push(request), "t");
    const controller = new AbortController();
    expect(await requestToken(provider, PARTNERS_URL, undefined)).toBe("t");
    expect(await requestToken(provider, PARTNERS_URL, controller.signal)).toBe("t");
    expect(seen.map((s) => s.url)).toEqual([PARTNERS_URL, PARTNERS_URL]);
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(seen[0]!.signal.aborted).toBe(false);
    expect(seen[1]!.signal).toBe(controller.signal);
  });

  it.each([
    ["an empty string", "", "getAccessToken must give a non-empty string token, got an empty string"],
    ["null", null, "getAccessToken must give a non-empty string token, got null"],
    ["a number", 42, "getAccessToken must give a non-empty string token, got number"],
  ])("a provider giving %s: AuthenticationFailed naming what it gave", async (_what, token, message) => {
    await expect(requestToken(() => token as string, PARTNERS_URL, undefined)).rejects.toMatchObject({ name: "GraphError", code: "AuthenticationFailed", message });
  });

  it.each([
    ["null", null, "getAccessToken failed: null"],
    ["an Error", new Error("expired refresh token"), "getAccessToken failed: expired refresh token"],
  ])("a provider rejecting with %s: AuthenticationFailed carrying it", async (_what, thrown, message) => {
    const error = await requestToken(() => Promise.reject(thrown), PARTNERS_URL, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AuthenticationFailed", message });
    expect((error as Error).cause).toBe(thrown);
  });

  it("a signal already aborted: its reason at once, even from a provider that never answers", async () => {
    const reason = new Error("stopped before");
    await expect(requestToken(() => new Promise<string>(() => undefined), PARTNERS_URL, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});

// How requestToken waits on a provider that does not listen to the signal: the wait ends at the abort, and the
// listener it put on the caller's signal goes whichever comes first (a long-lived signal must not collect them).
describe("the wait for a token, against the call's signal", () => {
  it("settles as the provider does, and leaves no listener on the signal either way", async () => {
    const controller = new AbortController();
    await expect(requestToken(() => Promise.resolve("t"), PARTNERS_URL, controller.signal)).resolves.toBe("t");
    const failure = new Error("no");
    const error = await requestToken(() => Promise.reject(failure), PARTNERS_URL, controller.signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AuthenticationFailed", message: "getAccessToken failed: no" });
    expect((error as Error).cause).toBe(failure);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("an abort first: the reason, and the listener gone with it though the provider never answers", async () => {
    const controller = new AbortController();
    const waiting = requestToken(() => new Promise<string>(() => undefined), PARTNERS_URL, controller.signal);
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
