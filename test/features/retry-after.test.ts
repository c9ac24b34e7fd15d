// Retry-After as the client reads it (RFC 9110 §10.2.3 and Graph's decimal seconds): a unit with a contract of its
// own (src/core/retry-after.ts), and the retry policy's step (src/transport/retry-policy.ts) on its own.
import { afterEach, describe, expect, vi } from "vitest";
import { parseRetryAfter } from "../../src/core/retry-after.js";
import { GraphError } from "../../src/entries/index.js";
import { type Handler, json, noContent, odataError, rejection, seedPartner } from "../helpers/graph-server.js";
import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import { MAX_TIMER_MS, type Outcome, retryPolicy } from "../../src/transport/retry-policy.js";
import { it } from "../helpers/fixtures.js";

afterEach(() => {
  vi.restoreAllMocks();
});

const id = seedPartner.id;


/** Fails the first `times` requests with `fail`, then answers with `then`. */
const failing = (times: number, fail: Handler, then: Handler = (_q, r) => noContent(r)): Handler => {
  let n = 0;
  return (req, res) => (n++ < times ? fail(req, res) : then(req, res));
};
const reset: Handler = (_q, r) => void r.socket!.destroy();


const respond = (status: number, headers: Record<string, string> = {}) => ({ response: new Response(null, { status, headers }) }) as Outcome;

describe("Retry-After forms (RFC 9110 §10.2.3)", () => {
  const now = Date.parse("Sun, 29 Nov 2026 09:00:00 GMT");
  it.each([
    ["delta-seconds", "120", 120_000],
    ["delta-seconds with spaces around", " 7 ", 7_000],
    ["decimal seconds, as Graph's throttling page shows them", "2.128", 2_128],
    ["decimal seconds rounded up to the millisecond", "0.0001", 1],
    ["IMF-fixdate", "Sun, 29 Nov 2026 09:00:30 GMT", 30_000],
    ["obsolete RFC 850", "Sunday, 29-Nov-26 09:01:00 GMT", 60_000],
    ["obsolete asctime", "Sun Nov 29 09:00:05 2026", 5_000],
    ["asctime with a one-digit day", "Sun Nov  1 09:00:00 2026", 0],
    ["a date in the past", "Sun, 29 Nov 2026 08:00:00 GMT", 0],
  ])("%s: %j → %s ms", (_name, value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each(["-1", "-0.5", "-1.5", "1.", ".5", "1e3", "soon", "2026-11-29T10:00:00Z", "", "Sun, 29 Nov 2026 09:00:30", "Sun, 29 Foo 2026 09:00:30 GMT", "Sun, 32 Nov 2026 25:00:00 GMT"])(
    "%j is no Retry-After",
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );

  it("no header is no Retry-After", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("Retry-After read by RFC 9110 and as Graph sends it", () => {
  it("decimal seconds, as Microsoft's throttling page shows (Retry-After: 2.128), are honoured to the millisecond", async ({ graph }) => {
    const delays: number[] = [];
    let calls = 0;
    const client = graph.client((_q, r) => (calls++ === 0 ? odataError(r, 429, "TooManyRequests", { "retry-after": "0.128" }) : json(r, 200, { id })), {
      retry: { maxRetries: 1, onRetry: ({ delayMs }) => void delays.push(delayMs) },
    });
    await client.get(id);
    expect(delays).toEqual([128]);
    expect(graph.seen).toHaveLength(2);
  });

  it.for(["-1.5", "2026-11-29T10:00:00Z"])("%j (one of the table above) is treated as absent: the client backs off on its own", async (value, { graph }) => {
    const delays: number[] = [];
    const client = graph.client((_q, r) => odataError(r, 503, "ServiceUnavailable", { "retry-after": value }), {
      retry: { maxRetries: 2, baseDelayMs: 40, onRetry: ({ delayMs }) => void delays.push(delayMs) },
    });
    const error = await rejection(client.get(id));
    expect(error.retryAfterMs).toBeUndefined();
    // Full-jitter backoff: random within 40 ms, then within 80 ms (a parsed "date in 2001" gave 0 and 0).
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThanOrEqual(40);
    expect(delays[1]).toBeLessThanOrEqual(80);
    expect(graph.seen).toHaveLength(3);
  });
});

describe("retryPolicy", () => {
  it("allows the bounds themselves: baseDelayMs 0, maxDelayMs 2³¹−1", () => {
    expect(() => retryPolicy({ baseDelayMs: 0, maxDelayMs: MAX_TIMER_MS })).not.toThrow();
  });

  it("retries 429, 503, 504 and connection failures; not other statuses, an abort, a timeout or a GraphError", () => {
    const policy = retryPolicy();
    expect([429, 503, 504, 500, 502, 404].map((status) => policy.isRetryable(respond(status)))).toEqual([true, true, true, false, false, false]);
    expect(policy.isRetryable({ error: new TypeError("fetch failed") })).toBe(true);
    expect(policy.isRetryable({ error: "socket closed" })).toBe(true);
    expect(policy.isRetryable({ error: null })).toBe(true);
    expect(policy.isRetryable({ error: new DOMException("gave up", "AbortError") })).toBe(false);
    expect(policy.isRetryable({ error: new DOMException("too slow", "TimeoutError") })).toBe(false);
    expect(policy.isRetryable({ error: new GraphError({ status: 0, code: "AuthenticationFailed", message: "m" }) })).toBe(false);
  });

  it.each(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"])("%s is retried on 503", async (method) => {
    let attempts = 0;
    const outcome = await retryPolicy({ baseDelayMs: 0 }).settle({ method, url: "u" }, respond(503), async () => (attempts++, new Response(null, { status: 204 })));
    expect(attempts).toBe(1);
    expect(outcome.response?.status).toBe(204);
  });

  it("a Retry-After equal to maxDelayMs is waited; one above it is not", async () => {
    const waits: number[] = [];
    const policy = retryPolicy({ maxDelayMs: 1000, onRetry: ({ delayMs }) => void waits.push(delayMs) });
    const again = async () => new Response(null, { status: 204 });
    await policy.settle({ method: "GET", url: "u" }, respond(429, { "retry-after": "1" }), again);
    const tooLong = await policy.settle({ method: "GET", url: "u" }, respond(429, { "retry-after": "2" }), again);
    expect(waits).toEqual([1000]);
    expect(tooLong.response?.status).toBe(429);
  });

  it("an attempt that throws becomes the outcome, and is retried in turn", async () => {
    const results: (() => Promise<Response>)[] = [() => Promise.reject(new TypeError("reset")), async () => new Response(null, { status: 204 })];
    const outcome = await retryPolicy({ baseDelayMs: 0 }).settle({ method: "GET", url: "u" }, respond(503), () => results.shift()!());
    expect(outcome.response?.status).toBe(204);
    expect(results).toEqual([]);
  });

  it("a signal already aborted: no retry, the outcome as it was; an abort during a wait rejects with its reason", async () => {
    const reason = new Error("stop");
    const policy = retryPolicy({ baseDelayMs: 60_000 });
    const again = async () => new Response(null, { status: 204 });
    await expect(policy.settle({ method: "GET", url: "u", signal: AbortSignal.abort(reason) }, respond(503), again)).resolves.toMatchObject({ response: { status: 503 } });
    const controller = new AbortController();
    const waiting = policy.settle({ method: "GET", url: "u", signal: controller.signal }, respond(503, { "retry-after": "30" }), again);
    setTimeout(() => controller.abort(reason), 10);
    await expect(waiting).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0); // the wait's listener went with the abort
  });

  it("an abort while the retry is being announced ends the wait at once, without waiting it out", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const policy = retryPolicy({ onRetry: () => controller.abort(reason) });
    // On a clock that never moves: a wait that was not ended by the abort would never end.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      await expect(policy.settle({ method: "GET", url: "u", signal: controller.signal }, respond(503, { "retry-after": "20" }), async () => new Response(null, { status: 204 }))).rejects.toBe(reason);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a wait that runs out leaves no listener on the signal", async () => {
    const controller = new AbortController();
    const outcome = await retryPolicy({ baseDelayMs: 1 }).settle({ method: "GET", url: "u", signal: controller.signal }, respond(503), async () => new Response(null, { status: 204 }));
    expect(outcome.response?.status).toBe(204);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("attempts that all throw: the last thrown is the outcome, not the response before them", async () => {
    let n = 0;
    const outcome = await retryPolicy({ baseDelayMs: 0, maxRetries: 2 }).settle({ method: "GET", url: "u" }, respond(503), () => Promise.reject(new TypeError(`reset ${++n}`)));
    expect(outcome).toEqual({ error: new TypeError("reset 2") });
    expect(outcome.response).toBeUndefined();
  });

  it.each([["a numeric string", "5"], ["NaN", Number.NaN], ["a negative", -1], ["over 2³¹−1", MAX_TIMER_MS + 1]])("baseDelayMs %s is refused", (_what, value) => {
    expect(() => retryPolicy({ baseDelayMs: value as number })).toThrow(new RangeError(`retry: baseDelayMs must be a number of milliseconds from 0 to ${MAX_TIMER_MS}, got ${value}`));
  });
});
