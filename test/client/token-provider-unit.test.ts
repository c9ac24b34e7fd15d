// getAccessToken's side of the token rules on their own: what the provider is given, what its failures and odd
// answers become, and untilAborted, which bounds every token wait without leaving listeners behind.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { untilAborted } from "../../src/core/abort.js";
import { requestToken } from "../../src/transport/token-provider.js";

const URL_ = "https://graph.example/v1.0/deviceManagement/remoteAssistancePartners";

describe("requestToken", () => {
  it("gives the provider the URL and a signal: the caller's, or one that never aborts", async () => {
    const seen: { url: string; signal: AbortSignal }[] = [];
    const provider = (request: { url: string; signal: AbortSignal }) => (seen.push(request), "t");
    const controller = new AbortController();
    expect(await requestToken(provider, URL_, undefined)).toBe("t");
    expect(await requestToken(provider, URL_, controller.signal)).toBe("t");
    expect(seen.map((s) => s.url)).toEqual([URL_, URL_]);
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(seen[0]!.signal.aborted).toBe(false);
    expect(seen[1]!.signal).toBe(controller.signal);
  });

  it.each([
    ["an empty string", "", "getAccessToken must give a non-empty string token, got an empty string"],
    ["null", null, "getAccessToken must give a non-empty string token, got null"],
    ["a number", 42, "getAccessToken must give a non-empty string token, got number"],
  ])("a provider giving %s: AuthenticationFailed naming what it gave", async (_what, token, message) => {
    await expect(requestToken(() => token as string, URL_, undefined)).rejects.toMatchObject({ name: "GraphError", code: "AuthenticationFailed", message });
  });

  it.each([
    ["null", null, "getAccessToken failed: null"],
    ["an Error", new Error("expired refresh token"), "getAccessToken failed: expired refresh token"],
  ])("a provider rejecting with %s: AuthenticationFailed carrying it", async (_what, thrown, message) => {
    const error = await requestToken(() => Promise.reject(thrown), URL_, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AuthenticationFailed", message });
    expect((error as Error).cause).toBe(thrown);
  });

  it("a signal already aborted: its reason at once, even from a provider that never answers", async () => {
    const reason = new Error("stopped before");
    await expect(requestToken(() => new Promise<string>(() => undefined), URL_, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});

describe("untilAborted", () => {
  it("settles as the promise does, and leaves no listener on the signal either way", async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve(1), controller.signal)).resolves.toBe(1);
    const failure = new Error("no");
    await expect(untilAborted(Promise.reject(failure), controller.signal)).rejects.toBe(failure);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("an abort first: the reason, and the listener gone with it though the promise never settles", async () => {
    const controller = new AbortController();
    const waiting = untilAborted(new Promise(() => undefined), controller.signal);
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
