// The token cache on its own, with a clock of the test's: the exact moments a token stops being used, background
// refreshes that never pile up, and what a failing getToken says.
import { describe, expect, it } from "vitest";
import type { AccessToken } from "../../src/core/shapes.js";
import { cachedCredential, REFRESH_BEFORE_EXPIRY_MS } from "../../src/transport/token-cache.js";

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
