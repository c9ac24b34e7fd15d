// Retries: which methods and failures are retried, how long each wait is (Retry-After, or full jitter), what
// onRetry is told, what every attempt carries, and when the client gives up. Through the root entry, on the wire.
import { afterEach, describe, expect, vi } from "vitest";
import { createRemoteAssistanceClient, GraphError } from "../../src/entries/index.js";
import { type Handler, json, noContent, odataError, rejection, seedPartner, TOKEN } from "../helpers/graph-server.js";
import { clientOf, it, type Graph } from "../helpers/fixtures.js";

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




/** Answers the given responses in turn, then 204. */
function sequence(...answers: Handler[]): Handler {
  let n = 0;
  return (req, res) => (answers[n++] ?? ((_q, r) => noContent(r)))(req, res);
}

describe("what is retried", () => {
  it.for([
    ["503", (_q, r) => odataError(r, 503, "ServiceUnavailable")],
    ["504", (_q, r) => odataError(r, 504, "GatewayTimeout")],
    ["a connection reset", reset],
  ] as [string, Handler][])("delete is retried on %s (DELETE is idempotent)", async ([_name, fail], { graph }) => {
    const client = graph.client(failing(2, fail), { retry: { baseDelayMs: 1 } });
    await expect(client.delete(id)).resolves.toBeUndefined();
    expect(graph.seen.map((r) => r.method)).toEqual(["DELETE", "DELETE", "DELETE"]);
  });

  it.for(["create", "beginOnboarding", "disconnect"] as const)("%s (POST) is not retried on 503; it is on 429", async (action, { graph }) => {
    const client = graph.client(failing(1, (_q, r) => odataError(r, 503, "ServiceUnavailable")), { retry: { baseDelayMs: 1 } });
    const call = (c: typeof client) => (action === "create" ? c.create({ displayName: "x" }).then(() => undefined) : c[action](id));
    await expect(call(client)).rejects.toMatchObject({ status: 503 });
    expect(graph.seen).toHaveLength(1);
    const again = graph.client(failing(1, (_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), (_q, r) => (action === "create" ? json(r, 201, seedPartner) : noContent(r))));
    await expect(call(again)).resolves.toBeUndefined();
    expect(graph.seen).toHaveLength(2);
  });

  it("maxRetries: 0 is allowed and means one attempt", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 503, "ServiceUnavailable"), { retry: { maxRetries: 0 } });
    await expect(client.get(id)).rejects.toMatchObject({ status: 503 });
    expect(graph.seen).toHaveLength(1);
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
  it("without Retry-After: full jitter over baseDelayMs × 2ⁿ, capped at maxDelayMs; onRetry told each wait", async ({ graph }) => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const events: unknown[] = [];
    const client = graph.client(failing(3, (_q, r) => odataError(r, 503, "ServiceUnavailable")), {
      retry: { baseDelayMs: 4, maxDelayMs: 12, onRetry: (event) => void events.push(event) },
    });
    await client.update(id, { displayName: "x" });
    const url = `${graph.baseUrl}/deviceManagement/remoteAssistancePartners/${id}`;
    expect(events).toEqual([
      { attempt: 1, delayMs: 2, status: 503, error: undefined, url, method: "PATCH" },
      { attempt: 2, delayMs: 4, status: 503, error: undefined, url, method: "PATCH" },
      { attempt: 3, delayMs: 6, status: 503, error: undefined, url, method: "PATCH" }, // 0.5 × min(12, 16)
    ]);
    expect(graph.seen.map((r) => r.headers["retry-attempt"])).toEqual([undefined, "1", "2", "3"]);
  });

  it("a connection failure: onRetry gets the error and no status", async ({ graph }) => {
    const events: { status?: number; error?: unknown }[] = [];
    const client = graph.client(failing(1, reset), { retry: { baseDelayMs: 1, onRetry: (event) => void events.push(event) } });
    await client.get(id).catch(() => undefined);
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBeUndefined();
    expect(events[0]!.error).toBeInstanceOf(TypeError);
  });

  it("Retry-After in seconds is the wait, to the millisecond", async ({ graph }) => {
    const delays: number[] = [];
    const client = graph.client(failing(1, (_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" })), {
      retry: { onRetry: ({ delayMs }) => void delays.push(delayMs) },
    });
    await client.update(id, {});
    expect(delays).toEqual([0]);
  });

  it("a Retry-After over maxDelayMs is not waited: the 429 comes back at once with retryAfterMs", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "31" }));
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 31_000 });
    expect(graph.seen).toHaveLength(1);
  });
});

describe("the retry middleware on raw", () => {
  it("with retry: false raw sends once, and still carries the client's headers and a client-request-id", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 503, "ServiceUnavailable"), { retry: false, headers: { "x-team": "contoso" } });
    const { response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(response.status).toBe(503);
    expect(graph.seen).toHaveLength(1);
    expect(graph.seen[0]!.headers["x-team"]).toBe("contoso");
    expect(graph.seen[0]!.headers["client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("with retries, every attempt carries the client's headers and the same client-request-id", async ({ graph }) => {
    const client = graph.client(failing(1, (_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), (_q, r) => json(r, 200, { value: [] })), {
      headers: { "x-team": "contoso" },
    });
    await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(graph.seen.map((r) => r.headers["x-team"])).toEqual(["contoso", "contoso"]);
    const [first, second] = graph.seen.map((r) => r.headers["client-request-id"]);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  /** A client whose raw calls meet a fetch that always rejects with `reason`, and how often it was called. */
  const rejectingClient = (graph: Graph, reason: unknown) => {
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

  it("a fetch that rejects with something else than an Error: retried, then thrown as a NetworkError whose cause it is", async ({ graph }) => {
    const { client, counted } = rejectingClient(graph, "socket closed");
    const error = await rejection(client.raw.GET("/deviceManagement/remoteAssistancePartners"));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("The connection failed: socket closed");
    expect(error.cause).toBe("socket closed");
    expect(counted.calls).toBe(4);
  });

  it("a POST that fails to connect is not retried by raw either", async ({ graph }) => {
    const { client, counted } = rejectingClient(graph, new TypeError("fetch failed"));
    await expect(client.raw.POST("/deviceManagement/remoteAssistancePartners", { body: {} })).rejects.toThrow("fetch failed");
    expect(counted.calls).toBe(1);
  });
});

describe("retries", () => {
  it("429 with Retry-After in seconds: waits that long (not a millisecond less), resends the same client-request-id with Retry-Attempt", async ({ graph }) => {
    const delays: number[] = [];
    let announced!: () => void;
    const retrying = new Promise<void>((resolve) => (announced = resolve));
    const client = graph.client(sequence((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "1" })), {
      retry: { onRetry: ({ delayMs }) => (delays.push(delayMs), announced()) },
    });
    // The wait runs on the test's clock (setTimeout faked); the wire stays real.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const call = client.update(id, { displayName: "x" });
      await retrying;
      expect(delays).toEqual([1_000]);
      await vi.advanceTimersByTimeAsync(999);
      expect(graph.seen).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      vi.useRealTimers();
      await expect(call).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
    const [first, second] = graph.seen;
    expect(second!.headers["client-request-id"]).toBe(first!.headers["client-request-id"]);
    expect(first!.headers["retry-attempt"]).toBeUndefined();
    expect(second!.headers["retry-attempt"]).toBe("1");
    expect(second!.body).toBe(first!.body);
    expect(second!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("429 with Retry-After as an HTTP date: waits until then, on the clock the date is read by", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      vi.setSystemTime(Date.parse("Sun, 29 Nov 2026 09:00:00 GMT"));
      let sent = 0;
      const delays: number[] = [];
      const client = clientOf("https://graph.example/v1.0", {
        retry: { onRetry: ({ delayMs }) => void delays.push(delayMs) },
        fetch: async () => (++sent === 1 ? new Response(null, { status: 429, headers: { "retry-after": "Sun, 29 Nov 2026 09:00:02 GMT" } }) : new Response(null, { status: 204 })),
      });
      const call = client.update(id, { displayName: "x" });
      await vi.advanceTimersByTimeAsync(1_999);
      expect(delays).toEqual([2_000]);
      expect(sent).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(call).resolves.toBeUndefined();
      expect(sent).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("503 without Retry-After and 504: backs off and retries, then succeeds", async ({ graph }) => {
    const client = graph.client(sequence((_q, r) => odataError(r, 503, "ServiceUnavailable"), (_q, r) => odataError(r, 504, "GatewayTimeout"), (_q, r) => json(r, 200, seedPartner)));
    await expect(client.update(id, { displayName: "x" })).resolves.toEqual(seedPartner);
    expect(graph.seen.map((r) => r.headers["retry-attempt"])).toEqual([undefined, "1", "2"]);
  });

  it("gives up after maxRetries and throws the last error, with its Retry-After", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 503, "ServiceUnavailable", { "retry-after": "0" }), { retry: { maxRetries: 2 } });
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 503, code: "ServiceUnavailable", retryAfterMs: 0, requestId: "req-ServiceUnavailable" });
    expect(graph.seen).toHaveLength(3);
  });

  it("does not retry other statuses (400, 404, 500)", async ({ graph }) => {
    for (const status of [400, 404, 500]) {
      const client = graph.client((_q, r) => odataError(r, status, `E${status}`));
      const error = await rejection(client.update(id, { displayName: "x" }));
      expect(error).toMatchObject({ name: "GraphError", status, code: `E${status}` });
      expect(graph.seen).toHaveLength(1);
    }
  });

  it("does not wait for a Retry-After beyond maxDelayMs: the caller gets the 429 at once, with retryAfterMs", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "120" }), { retry: { maxDelayMs: 1000 } });
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(graph.seen).toHaveLength(1);
  });

  it("create (POST): retried on 503 when the caller opts in (retryNonIdempotent), and on 429 without; the retry's partner is returned", async ({ graph }) => {
    let client = graph.client(sequence((_q, r) => odataError(r, 503, "ServiceUnavailable"), (_q, r) => json(r, 201, seedPartner)), { retry: { baseDelayMs: 5, retryNonIdempotent: true } });
    await expect(client.create({ displayName: "x" })).resolves.toEqual(seedPartner);
    expect(graph.seen).toHaveLength(2);

    client = graph.client(sequence((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), (_q, r) => json(r, 201, seedPartner)));
    await expect(client.create({ displayName: "x" })).resolves.toEqual(seedPartner);
    expect(graph.seen).toHaveLength(2);
  });

  it("retry: false sends once", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), { retry: false });
    await expect(client.update(id, {})).rejects.toMatchObject({ status: 429 });
    expect(graph.seen).toHaveLength(1);
  });

  it("stops waiting when the caller aborts, rejecting with the caller's reason", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "10" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user gave up")), 100);
    await expect(client.update(id, {}, { signal: controller.signal })).rejects.toThrow("user gave up");
    expect(graph.seen).toHaveLength(1);
  });
});

describe("the retry middleware, on raw and on any openapi-fetch client", () => {
  it("retries a 429 with the same client-request-id and Retry-Attempt, like the client does", async ({ graph }) => {
    const client = graph.client(sequence((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), (_q, r) => json(r, 200, seedPartner)));
    const { data, response } = await client.raw.PATCH("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", {
      params: { path: { remoteAssistancePartnerId: id } },
      body: { displayName: "x" },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(seedPartner);
    const [first, second] = graph.seen;
    expect(second!.headers["client-request-id"]).toBe(first!.headers["client-request-id"]);
    expect(second!.headers["retry-attempt"]).toBe("1");
    expect(second!.body).toBe(first!.body);
    expect(second!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("does not retry a POST on 503, and gives up after maxRetries on GET", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 503, "ServiceUnavailable", { "retry-after": "0" }), { retry: { maxRetries: 2 } });
    const post = await client.raw.POST("/deviceManagement/remoteAssistancePartners", { body: { displayName: "x" } });
    expect(post.response.status).toBe(503);
    expect(graph.seen).toHaveLength(1);
    const get = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(get.response.status).toBe(503);
    expect(graph.seen).toHaveLength(4);
  });

  it("retries a connection reset on GET", async ({ graph }) => {
    let n = 0;
    const client = graph.client((_q, r) => (n++ === 0 ? void r.socket!.destroy() : json(r, 200, { value: [] })));
    const { data } = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(data).toEqual({ value: [] });
    expect(graph.seen).toHaveLength(2);
  });
});
