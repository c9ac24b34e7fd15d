// What each failure ends in, and within what bound: retries as Graph asks, then the documented error.
import { afterEach, describe, expect, it } from "vitest";
import { ContractViolationError, createRemoteAssistanceClient, GraphError, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { json, noContent, odataError, rejection, seedPartner, startGraphServer, TOKEN, type GraphServer, type Handler } from "../helpers/graph-server.js";

let server: GraphServer;
afterEach(() => server?.close());

const id = seedPartner.id;

async function clientFor(handler: Handler, options: Partial<RemoteAssistanceClientOptions> = {}) {
  server = await startGraphServer(handler);
  return createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: { baseDelayMs: 5 }, ...options });
}

/** Answers the given responses in turn, then 204. */
function sequence(...answers: Handler[]): Handler {
  let n = 0;
  return (req, res) => (answers[n++] ?? ((_q, r) => noContent(r)))(req, res);
}

describe("retries", () => {
  it("429 with Retry-After in seconds: waits that long, resends the same client-request-id with Retry-Attempt", async () => {
    const client = await clientFor(sequence((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "1" })));
    const started = performance.now();
    await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(3000);
    const [first, second] = server.seen;
    expect(second!.headers["client-request-id"]).toBe(first!.headers["client-request-id"]);
    expect(first!.headers["retry-attempt"]).toBeUndefined();
    expect(second!.headers["retry-attempt"]).toBe("1");
    expect(second!.body).toBe(first!.body);
    expect(second!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("429 with Retry-After as an HTTP date: waits until then", async () => {
    const client = await clientFor(sequence((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": new Date(Date.now() + 2000).toUTCString() })));
    const started = performance.now();
    await client.update(id, { displayName: "x" });
    // HTTP dates have whole seconds: the wait is between 1 and 2 seconds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.seen).toHaveLength(2);
  });

  it("503 without Retry-After and 504: backs off and retries, then succeeds", async () => {
    const client = await clientFor(sequence((_q, r) => odataError(r, 503, "ServiceUnavailable"), (_q, r) => odataError(r, 504, "GatewayTimeout"), (_q, r) => json(r, 200, seedPartner)));
    await expect(client.update(id, { displayName: "x" })).resolves.toEqual(seedPartner);
    expect(server.seen.map((r) => r.headers["retry-attempt"])).toEqual([undefined, "1", "2"]);
  });

  it("gives up after maxRetries and throws the last error, with its Retry-After", async () => {
    const client = await clientFor((_q, r) => odataError(r, 503, "ServiceUnavailable", { "retry-after": "0" }), { retry: { maxRetries: 2 } });
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 503, code: "ServiceUnavailable", retryAfterMs: 0, requestId: "req-ServiceUnavailable" });
    expect(server.seen).toHaveLength(3);
  });

  it("does not retry other statuses (400, 404, 500)", async () => {
    for (const status of [400, 404, 500]) {
      const client = await clientFor((_q, r) => odataError(r, status, `E${status}`));
      const error = await rejection(client.update(id, { displayName: "x" }));
      expect(error).toMatchObject({ name: "GraphError", status, code: `E${status}` });
      expect(server.seen).toHaveLength(1);
      await server.close();
    }
  });

  it("does not wait for a Retry-After beyond maxDelayMs: the caller gets the 429 at once, with retryAfterMs", async () => {
    const client = await clientFor((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "120" }), { retry: { maxDelayMs: 1000 } });
    const started = performance.now();
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(server.seen).toHaveLength(1);
  });

  it("create (POST) is not retried on 503 unless the caller opts in; it is on 429", async () => {
    let client = await clientFor((_q, r) => odataError(r, 503, "ServiceUnavailable"));
    await expect(client.create({ displayName: "x" })).rejects.toMatchObject({ status: 503 });
    expect(server.seen).toHaveLength(1);
    await server.close();

    client = await clientFor(sequence((_q, r) => odataError(r, 503, "ServiceUnavailable"), (_q, r) => json(r, 201, seedPartner)), { retry: { baseDelayMs: 5, retryNonIdempotent: true } });
    await expect(client.create({ displayName: "x" })).resolves.toEqual(seedPartner);
    expect(server.seen).toHaveLength(2);
    await server.close();

    client = await clientFor(sequence((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), (_q, r) => json(r, 201, seedPartner)));
    await expect(client.create({ displayName: "x" })).resolves.toEqual(seedPartner);
    expect(server.seen).toHaveLength(2);
  });

  it("retry: false sends once", async () => {
    const client = await clientFor((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), { retry: false });
    await expect(client.update(id, {})).rejects.toMatchObject({ status: 429 });
    expect(server.seen).toHaveLength(1);
  });

  it("stops waiting when the caller aborts, rejecting with the caller's reason", async () => {
    const client = await clientFor((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "10" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user gave up")), 100);
    const started = performance.now();
    await expect(client.update(id, {}, { signal: controller.signal })).rejects.toThrow("user gave up");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.seen).toHaveLength(1);
  });
});

describe("failures that end in an error", () => {
  it("a connection reset before any response: retried for PATCH, NetworkError once retries run out", async () => {
    const client = await clientFor((_q, r) => void r.socket!.destroy(), { retry: { baseDelayMs: 1, maxRetries: 2 } });
    const error = await rejection(client.update(id, {}));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 0, code: "NetworkError" });
    expect(error.cause).toBeDefined();
    expect(server.seen).toHaveLength(3);
    // The id every attempt carried, so that the failure can still be traced.
    expect(error.clientRequestId).toBe(server.seen[0]!.headers["client-request-id"]);
  });

  it("a connection reset mid-response: NetworkError, with the cause kept", async () => {
    const client = await clientFor((_q, r) => {
      r.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      r.write('{"id":"7443c8b9-');
      setTimeout(() => r.socket!.destroy(), 10);
    });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ name: "GraphError", status: 0, code: "NetworkError" });
    expect(error.cause).toBeDefined();
  });

  it("a hung server: Timeout after timeoutMs, retries and waits included", async () => {
    const client = await clientFor(() => undefined, { timeoutMs: 300 });
    const started = performance.now();
    const error = await rejection(client.update(id, {}));
    const took = performance.now() - started;
    expect(error).toMatchObject({ name: "GraphError", status: 0, code: "Timeout" });
    expect(took).toBeGreaterThanOrEqual(280);
    expect(took).toBeLessThan(2000);
  });

  it("timeoutMs bounds a retry loop too", async () => {
    const client = await clientFor((_q, r) => odataError(r, 503, "ServiceUnavailable", { "retry-after": "5" }), { timeoutMs: 300 });
    const started = performance.now();
    await expect(client.update(id, {})).rejects.toMatchObject({ code: "Timeout" });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a non-JSON error body: the status and a useful message", async () => {
    const client = await clientFor((_q, r) => {
      r.writeHead(502, { "content-type": "text/html" });
      r.end("<html><body>Bad gateway from the proxy</body></html>");
    });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 502, code: "UnknownError" });
    expect(error.message).toMatch(/^HTTP 502 Bad Gateway: <html><body>Bad gateway from the proxy/);
    expect(error.body).toContain("Bad gateway");
  });

  it("an empty error body: the status and a useful message", async () => {
    const client = await clientFor((_q, r) => {
      r.writeHead(403);
      r.end();
    });
    const error = await rejection(client.update(id, {}));
    expect(error).toMatchObject({ status: 403, code: "UnknownError", message: "HTTP 403 Forbidden: (empty body)" });
    expect(error.clientRequestId).toBe(server.seen[0]!.headers["client-request-id"]);
  });

  it("an OData error: Graph's code, message, request ids and date", async () => {
    const client = await clientFor((_q, r) => odataError(r, 404, "ResourceNotFound"));
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({
      name: "GraphError", status: 404, code: "ResourceNotFound", message: "ResourceNotFound from the test server",
      requestId: "req-ResourceNotFound", clientRequestId: "echoed", date: "2026-11-28T10:00:00",
    });
    expect(error.body.error.code).toBe("ResourceNotFound");
    expect(error).toBeInstanceOf(Error);
  });

  it("an invalid JSON success body: InvalidResponse with the real status", async () => {
    const client = await clientFor((_q, r) => {
      r.writeHead(200, { "content-type": "application/json" });
      r.end('{"id": "7443c8b9-');
    });
    const error = await rejection(client.update(id, {}));
    expect(error).toMatchObject({ name: "GraphError", status: 200, code: "InvalidResponse" });
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.clientRequestId).toBe(server.seen[0]!.headers["client-request-id"]);
  });

  it("a count that is not a number: InvalidResponse", async () => {
    const client = await clientFor((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end("many");
    });
    await expect(client.count()).rejects.toMatchObject({ code: "InvalidResponse", status: 200 });
    await server.close();
    const empty = await clientFor((_q, r) => void r.writeHead(200, { "content-type": "application/json" }).end());
    await expect(empty.get(id)).rejects.toMatchObject({ code: "InvalidResponse", message: "HTTP 200 with a partner with no body" });
  });

  it("a token provider that throws: AuthenticationFailed, nothing sent", async () => {
    const client = await clientFor((_q, r) => noContent(r), {
      getAccessToken: () => {
        throw new Error("no credentials");
      },
    });
    await expect(client.update(id, {})).rejects.toMatchObject({ name: "GraphError", code: "AuthenticationFailed", message: "getAccessToken failed: no credentials" });
    expect(server.seen).toHaveLength(0);
  });

  it("a connection refused: NetworkError", async () => {
    // A port that was just free: nothing listens there now.
    const closed = await startGraphServer(() => undefined);
    await closed.close();
    const client = createRemoteAssistanceClient({ baseUrl: closed.baseUrl, getAccessToken: () => TOKEN, retry: false });
    await expect(client.get(id)).rejects.toMatchObject({ name: "GraphError", status: 0, code: "NetworkError", message: "The connection failed: ECONNREFUSED" });
  });
});

describe("validation", () => {
  it("validate: request refuses an invalid body before sending, naming each path", async () => {
    const client = await clientFor((_q, r) => noContent(r), { validate: "request" });
    const bad = { displayName: "x", onboardingStatus: "Onboarded" } as never;
    const error = await rejection(client.update(id, bad));
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.direction).toBe("request");
    expect(error.errors).toEqual([{ path: "/onboardingStatus", message: 'must be one of "notOnboarded", "onboarding", "onboarded"' }]);
    expect(error.message).toMatch(/\/onboardingStatus/);
    await expect(client.create({ id: "x" } as never)).rejects.toMatchObject({ errors: [{ path: "/id" }] });
    expect(server.seen).toHaveLength(0);
  });

  it("validate: response turns a contract-breaking response into an error naming the path", async () => {
    const client = await clientFor((_q, r) => json(r, 200, { ...seedPartner, onboardingStatus: "done" }), { validate: "response" });
    const error = await rejection(client.get(id));
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error).toMatchObject({ direction: "response", status: 200, errors: [{ path: "/onboardingStatus" }] });
  });

  it("validate: off (the default) passes the service's answer through, and still refuses a non-object body", async () => {
    const client = await clientFor((_q, r) => json(r, 200, { ...seedPartner, onboardingStatus: "done" }));
    await expect(client.get(id)).resolves.toMatchObject({ onboardingStatus: "done" });
    await expect(client.update(id, null as never)).rejects.toThrow(new TypeError("The update body must be a plain object, got null"));
    await expect(client.update(id, [] as never)).rejects.toThrow(/got an array/);
    expect(server.seen).toHaveLength(1);
  });

  it("refuses bad options when the client is made", () => {
    const getAccessToken = () => TOKEN;
    expect(() => createRemoteAssistanceClient({ getAccessToken, validate: "all" as never })).toThrow(/validate must be/);
    expect(() => createRemoteAssistanceClient({ getAccessToken, timeoutMs: 0 })).toThrow(/timeoutMs must be a number of milliseconds above 0/);
    expect(() => createRemoteAssistanceClient({ getAccessToken, baseUrl: "not a url" })).toThrow(TypeError);
    expect(() => createRemoteAssistanceClient({ getAccessToken, retry: { maxRetries: -1 } })).toThrow(/maxRetries must be a whole number/);
    expect(() => createRemoteAssistanceClient({ getAccessToken: undefined as never })).toThrow(/credential or getAccessToken is required/);
    expect(() => createRemoteAssistanceClient({ getAccessToken: "token" as never })).toThrow(/getAccessToken must be a function/);
  });
});

describe("the retry middleware, on raw and on any openapi-fetch client", () => {
  it("retries a 429 with the same client-request-id and Retry-Attempt, like the client does", async () => {
    const client = await clientFor(sequence((_q, r) => odataError(r, 429, "TooManyRequests", { "retry-after": "0" }), (_q, r) => json(r, 200, seedPartner)));
    const { data, response } = await client.raw.PATCH("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", {
      params: { path: { remoteAssistancePartnerId: id } },
      body: { displayName: "x" },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(seedPartner);
    const [first, second] = server.seen;
    expect(second!.headers["client-request-id"]).toBe(first!.headers["client-request-id"]);
    expect(second!.headers["retry-attempt"]).toBe("1");
    expect(second!.body).toBe(first!.body);
    expect(second!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("does not retry a POST on 503, and gives up after maxRetries on GET", async () => {
    const client = await clientFor((_q, r) => odataError(r, 503, "ServiceUnavailable", { "retry-after": "0" }), { retry: { maxRetries: 2 } });
    const post = await client.raw.POST("/deviceManagement/remoteAssistancePartners", { body: { displayName: "x" } });
    expect(post.response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
    const get = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(get.response.status).toBe(503);
    expect(server.seen).toHaveLength(4);
  });

  it("retries a connection reset on GET", async () => {
    let n = 0;
    const client = await clientFor((_q, r) => (n++ === 0 ? void r.socket!.destroy() : json(r, 200, { value: [] })));
    const { data } = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(data).toEqual({ value: [] });
    expect(server.seen).toHaveLength(2);
  });
});
