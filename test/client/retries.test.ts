// The retry policy, pinned exactly: which methods and failures are retried, how long each wait is when the service
// gives no Retry-After, what onRetry is told, and which Retry-After forms are read (RFC 9110's three HTTP-date forms).
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseRetryAfter } from "../../src/core/retry-after.js";
import { createRemoteAssistanceClient, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { json, noContent, odataError, rejection, seedPartner, startGraphServer, TOKEN, type GraphServer, type Handler } from "../helpers/graph-server.js";

let server: GraphServer;
afterEach(() => {
  vi.restoreAllMocks();
  return server?.close();
});

const id = seedPartner.id;

async function clientFor(handler: Handler, options: Partial<RemoteAssistanceClientOptions> = {}) {
  server = await startGraphServer(handler);
  return createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, ...options });
}

/** Fails the first `times` requests with `fail`, then answers with `then`. */
const failing = (times: number, fail: Handler, then: Handler = (_q, r) => noContent(r)): Handler => {
  let n = 0;
  return (req, res) => (n++ < times ? fail(req, res) : then(req, res));
};
const reset: Handler = (_q, r) => void r.socket!.destroy();

describe("what is retried", () => {
  it.each([
    ["503", (_q, r) => odataError(r, 503, "ServiceUnavailable")],
    ["504", (_q, r) => odataError(r, 504, "GatewayTimeout")],
    ["a connection reset", reset],
  ] as [string, Handler][])("delete is retried on %s (DELETE is idempotent)", async (_name, fail) => {
    const client = await clientFor(failing(2, fail), { retry: { baseDelayMs: 1 } });
    await expect(client.delete(id)).resolves.toBeUndefined();
    expect(server.seen.map((r) => r.method)).toEqual(["DELETE", "DELETE", "DELETE"]);
  });

  it.each(["beginOnboarding", "disconnect"] as const)("%s (POST) is not retried on 503; it is on 429", async (action) => {
    const client = await clientFor(failing(1, (_q, r) => odataError(r, 503, "ServiceUnavailable")), { retry: { baseDelayMs: 1 } });
    await expect(client[action](id)).rejects.toMatchObject({ status: 503 });
    expect(server.seen).toHaveLength(1);
    await server.close();
    const again = await clientFor(failing(1, (_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" })));
    await expect(again[action](id)).resolves.toBeUndefined();
    expect(server.seen).toHaveLength(2);
  });

  it("maxRetries: 0 is allowed and means one attempt", async () => {
    const client = await clientFor((_q, r) => odataError(r, 503, "ServiceUnavailable"), { retry: { maxRetries: 0 } });
    await expect(client.get(id)).rejects.toMatchObject({ status: 503 });
    expect(server.seen).toHaveLength(1);
  });

  it.each([-1, 1.5, Number.NaN])("maxRetries %s is a RangeError at creation", (maxRetries) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", retry: { maxRetries } })).toThrow(new RangeError(`retry: maxRetries must be a whole number ≥ 0, got ${maxRetries}`));
  });

  it.each([
    ["baseDelayMs", -1],
    ["maxDelayMs", 2 ** 31],
    ["baseDelayMs", Number.NaN],
  ])("%s %s is a RangeError at creation", (name, value) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", retry: { [name]: value } })).toThrow(
      new RangeError(`retry: ${name} must be a number of milliseconds from 0 to ${2 ** 31 - 1}, got ${value}`),
    );
  });

  it("onRetry must be a function", () => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", retry: { onRetry: "log" as never } })).toThrow(new TypeError("retry: onRetry must be a function"));
  });
});

describe("how long it waits", () => {
  it("without Retry-After: full jitter over baseDelayMs × 2ⁿ, capped at maxDelayMs; onRetry told each wait", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const events: unknown[] = [];
    const client = await clientFor(failing(3, (_q, r) => odataError(r, 503, "ServiceUnavailable")), {
      retry: { baseDelayMs: 4, maxDelayMs: 12, onRetry: (event) => void events.push(event) },
    });
    await client.update(id, { displayName: "x" });
    const url = `${server.baseUrl}/deviceManagement/remoteAssistancePartners/${id}`;
    expect(events).toEqual([
      { attempt: 1, delayMs: 2, status: 503, error: undefined, url, method: "PATCH" },
      { attempt: 2, delayMs: 4, status: 503, error: undefined, url, method: "PATCH" },
      { attempt: 3, delayMs: 6, status: 503, error: undefined, url, method: "PATCH" }, // 0.5 × min(12, 16)
    ]);
    expect(server.seen.map((r) => r.headers["retry-attempt"])).toEqual([undefined, "1", "2", "3"]);
  });

  it("a connection failure: onRetry gets the error and no status", async () => {
    const events: { status?: number; error?: unknown }[] = [];
    const client = await clientFor(failing(1, reset), { retry: { baseDelayMs: 1, onRetry: (event) => void events.push(event) } });
    await client.get(id).catch(() => undefined);
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBeUndefined();
    expect(events[0]!.error).toBeInstanceOf(TypeError);
  });

  it("Retry-After in seconds is the wait, to the millisecond", async () => {
    const delays: number[] = [];
    const client = await clientFor(failing(1, (_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" })), {
      retry: { onRetry: ({ delayMs }) => void delays.push(delayMs) },
    });
    await client.update(id, {});
    expect(delays).toEqual([0]);
  });

  it("a Retry-After over maxDelayMs is not waited: the 429 comes back at once with retryAfterMs", async () => {
    const client = await clientFor((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "31" }));
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 31_000 });
    expect(server.seen).toHaveLength(1);
  });
});

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

  it.each(["-1", "-0.5", "1.", ".5", "1e3", "soon", "2026-11-29T10:00:00Z", "", "Sun, 29 Nov 2026 09:00:30", "Sun, 29 Foo 2026 09:00:30 GMT", "Sun, 32 Nov 2026 25:00:00 GMT"])(
    "%j is no Retry-After",
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );

  it("no header is no Retry-After", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("the retry middleware on raw", () => {
  it("with retry: false raw sends once, and still carries the client's headers and a client-request-id", async () => {
    const client = await clientFor((_q, r) => odataError(r, 503, "ServiceUnavailable"), { retry: false, headers: { "x-team": "contoso" } });
    const { response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.headers["x-team"]).toBe("contoso");
    expect(server.seen[0]!.headers["client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("with retries, every attempt carries the client's headers and the same client-request-id", async () => {
    const client = await clientFor(failing(1, (_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), (_q, r) => json(r, 200, { value: [] })), {
      headers: { "x-team": "contoso" },
    });
    await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(server.seen.map((r) => r.headers["x-team"])).toEqual(["contoso", "contoso"]);
    const [first, second] = server.seen.map((r) => r.headers["client-request-id"]);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  /** A client whose raw calls meet a fetch that always rejects with `reason`, and how often it was called. */
  const rejectingClient = (reason: unknown) => {
    const counted = { calls: 0 };
    const client = createRemoteAssistanceClient({
      baseUrl: "https://graph.example/v1.0",
      getAccessToken: () => TOKEN,
      retry: { baseDelayMs: 1 },
      fetch: () => {
        counted.calls++;
        return Promise.reject(reason);
      },
    });
    return { client, counted };
  };

  it("a fetch that rejects with something else than an Error: retried, then thrown as a NetworkError whose cause it is", async () => {
    const { client, counted } = rejectingClient("socket closed");
    const error = await rejection(client.raw.GET("/deviceManagement/remoteAssistancePartners"));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("The connection failed: socket closed");
    expect(error.cause).toBe("socket closed");
    expect(counted.calls).toBe(4);
  });

  it("a POST that fails to connect is not retried by raw either", async () => {
    const { client, counted } = rejectingClient(new TypeError("fetch failed"));
    await expect(client.raw.POST("/deviceManagement/remoteAssistancePartners", { body: {} })).rejects.toThrow("fetch failed");
    expect(counted.calls).toBe(1);
  });
});
