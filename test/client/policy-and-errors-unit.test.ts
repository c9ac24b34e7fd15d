// The retry policy and the building of a GraphError, unit by unit: the bounds that are allowed, which outcomes are
// retried, how a wait ends on abort, and which bodies count as Graph's OData errors.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { graphErrorFromResponse } from "../../src/client/http-error.js";
import { GraphError } from "../../src/core/errors.js";
import { MAX_TIMER_MS, retryPolicy, type Outcome } from "../../src/transport/retry-policy.js";

const respond = (status: number, headers: Record<string, string> = {}) => ({ response: new Response(null, { status, headers }) }) as Outcome;

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
    const started = performance.now();
    await expect(policy.settle({ method: "GET", url: "u", signal: controller.signal }, respond(503, { "retry-after": "20" }), async () => new Response(null, { status: 204 }))).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(5_000);
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

describe("graphErrorFromResponse", () => {
  const error = (status: number, body: string, { type = "application/json", statusText = "", truncated = false } = {}) =>
    graphErrorFromResponse({ response: new Response(body, { status, statusText, headers: { "content-type": type } }), text: body, clientRequestId: "c-1", truncated });

  it.each([
    ["code without message", { error: { code: "X" } }],
    ["message without code", { error: { message: "m" } }],
    ["a numeric code", { error: { code: 1, message: "m" } }],
    ["error null", { error: null }],
    ["error a string", { error: "bad" }],
    ["no error", { message: "m" }],
    ["JSON null", null],
    ["a JSON string", "error"],
  ])("%s is not an OData error: UnknownError, the text kept", (_name, body) => {
    const text = JSON.stringify(body);
    expect(error(400, text)).toMatchObject({ code: "UnknownError", body: text, message: `HTTP 400: ${text}` });
  });

  it("an OData error body: its code, message and envelope", () => {
    const body = { error: { code: "BadRequest", message: "no" } };
    expect(error(400, JSON.stringify(body), { statusText: "Bad Request" })).toMatchObject({ code: "BadRequest", message: "no", body });
  });

  it("a truncated body is quoted, never parsed, even when it reads as an OData error", () => {
    const text = JSON.stringify({ error: { code: "BadRequest", message: "no" } });
    expect(error(400, text, { truncated: true })).toMatchObject({ code: "UnknownError", message: `HTTP 400: ${text}…`, body: text });
  });

  it("an OData body sent as text/plain is not taken for one", () => {
    expect(error(400, JSON.stringify({ error: { code: "X", message: "m" } }), { type: "text/plain" }).code).toBe("UnknownError");
  });

  it("200 characters are quoted whole; 201 get an ellipsis", () => {
    expect(error(500, "x".repeat(200), { type: "text/plain" }).message).toBe(`HTTP 500: ${"x".repeat(200)}`);
    expect(error(500, "x".repeat(201), { type: "text/plain" }).message).toBe(`HTTP 500: ${"x".repeat(200)}…`);
  });

  it("the client-request-id given is kept when the response echoes none", () => {
    expect(error(500, "", { type: "text/plain" })).toMatchObject({ clientRequestId: "c-1", message: "HTTP 500: (empty body)", requestId: undefined, date: undefined });
  });
});

describe("GraphError", () => {
  it("has a cause only when given one (no `[cause]: undefined` in logs), and keeps a falsy one", () => {
    expect("cause" in new GraphError({ status: 500, code: "X", message: "m" })).toBe(false);
    expect(new GraphError({ status: 0, code: "NetworkError", message: "m", cause: null }).cause).toBeNull();
  });
});
