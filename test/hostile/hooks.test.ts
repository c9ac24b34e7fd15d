// Issue 23, class 6: hooks (onRetry, onCallEnd, tracing) never fail a call, never change its error, and never leave
// an unhandled rejection, whether they throw or return a rejected promise.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, type CallSpan, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { PARTNER, rejection, sendJson, startLoopback, type Loopback } from "./loopback.js";

const macrotasks = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe("hooks that fail", () => {
  let server: Loopback;
  let unhandled: unknown[];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(async () => {
    server = await startLoopback();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    unhandled = [];
    process.on("unhandledRejection", onUnhandled);
  });
  afterEach(async () => {
    await macrotasks();
    process.off("unhandledRejection", onUnhandled);
    expect(unhandled).toEqual([]);
  });

  /** 503 (Retry-After: 0) to the first request, the partner to the next. */
  const busyOnce = () => server.answer((_q, res) => (server.seen.length === 1 ? void res.writeHead(503, { "retry-after": "0" }).end() : sendJson(res, 200, PARTNER)));
  const client = (options: Partial<RemoteAssistanceClientOptions>) => createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => "token-of-the-test", tracing: false, ...options });
  const thrown = new Error("the hook broke");

  it.each([
    ["throws", () => {
      throw thrown;
    }],
    ["returns a rejected promise", () => Promise.reject(thrown)],
    ["is an async function that throws", async () => {
      throw thrown;
    }],
  ])("an onRetry that %s: the retry happens and the call succeeds", async (_what, onRetry) => {
    busyOnce();
    let calls = 0;
    const hook = (...args: []) => {
      calls++;
      return (onRetry as (...a: []) => unknown)(...args);
    };
    await expect(client({ retry: { onRetry: hook as never } }).get("p1")).resolves.toMatchObject({ id: "p1" });
    expect(calls).toBe(1);
    expect(server.seen).toHaveLength(2);
  });

  it.each([
    ["throws", () => {
      throw thrown;
    }],
    ["returns a rejected promise", () => Promise.reject(thrown)],
  ])("an onCallEnd that %s: a success still resolves, a failure keeps its own error", async (_what, onCallEnd) => {
    server.answer((_q, res) => sendJson(res, 200, PARTNER));
    await expect(client({ onCallEnd: onCallEnd as never }).get("p1")).resolves.toMatchObject({ id: "p1" });
    server.answer((_q, res) => sendJson(res, 404, { error: { code: "NotFound", message: "no such partner" } }));
    const error = await rejection(client({ onCallEnd: onCallEnd as never }).get("p1"));
    expect(error).toMatchObject({ name: "GraphError", status: 404, code: "NotFound" });
  });

  const span = (overrides: Partial<CallSpan>): CallSpan => ({ run: (work) => work(), end: () => undefined, ...overrides });
  it.each([
    ["throws when asked for a span", () => {
      throw thrown;
    }],
    ["gives a span whose end throws", () => span({ end: () => {
      throw thrown;
    } })],
    ["gives a span whose run throws before the work", () => span({ run: () => {
      throw thrown;
    } })],
    ["gives a span whose run rejects without the work", () => span({ run: () => Promise.reject(thrown) })],
  ])("a tracing that %s: the call is made and succeeds", async (_what, tracing) => {
    server.answer((_q, res) => sendJson(res, 200, PARTNER));
    await expect(client({ tracing: tracing as never }).get("p1")).resolves.toMatchObject({ id: "p1" });
    expect(server.seen).toHaveLength(1);
  });
});
