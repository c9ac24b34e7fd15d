// Errors: what each failure ends in (GraphError with Graph's code, message and ids; NetworkError, InvalidResponse,
// UnknownError), how an error body is quoted, and what a caller reads off a GraphError.
import { describe, expect } from "vitest";
import { ContractViolationError, createRemoteAssistanceClient, GraphError } from "../../src/entries/index.js";
import { json, noContent, odataError, rejection, seedPartner, startGraphServer, TOKEN } from "../helpers/graph-server.js";
import { it } from "../helpers/fixtures.js";
import { clientAnswering } from "../helpers/stub-client.js";

const id = seedPartner.id;

describe("failures that end in an error", () => {
  it("a connection reset before any response: retried for PATCH, NetworkError once retries run out", async ({ graph }) => {
    const client = graph.client((_q, r) => void r.socket!.destroy(), { retry: { baseDelayMs: 1, maxRetries: 2 } });
    const error = await rejection(client.update(id, {}));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 0, code: "NetworkError" });
    expect(error.cause).toBeDefined();
    expect(graph.seen).toHaveLength(3);
    // The id every attempt carried, so that the failure can still be traced.
    expect(error.clientRequestId).toBe(graph.seen[0]!.headers["client-request-id"]);
  });

  it("a connection reset mid-response: NetworkError, with the cause kept", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      r.write('{"id":"7443c8b9-');
      setTimeout(() => r.socket!.destroy(), 10);
    });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ name: "GraphError", status: 0, code: "NetworkError" });
    expect(error.cause).toBeDefined();
  });

  it("a hung server: Timeout after timeoutMs, retries and waits included", async ({ graph }) => {
    const client = graph.client(() => undefined, { timeoutMs: 300 });
    const started = performance.now();
    const error = await rejection(client.update(id, {}));
    const took = performance.now() - started;
    expect(error).toMatchObject({ name: "GraphError", status: 0, code: "Timeout" });
    expect(took).toBeGreaterThanOrEqual(280);
  });

  it("timeoutMs bounds a retry loop too", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 503, "ServiceUnavailable", { "retry-after": "5" }), { timeoutMs: 300 });
    await expect(client.update(id, {})).rejects.toMatchObject({ code: "Timeout" });
  });

  it("a non-JSON error body: the status and a useful message", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(502, { "content-type": "text/html" });
      r.end("<html><body>Bad gateway from the proxy</body></html>");
    });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 502, code: "UnknownError" });
    expect(error.message).toMatch(/^HTTP 502 Bad Gateway: <html><body>Bad gateway from the proxy/);
    expect(error.body).toContain("Bad gateway");
  });

  it("an empty error body: the status and a useful message", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(403);
      r.end();
    });
    const error = await rejection(client.update(id, {}));
    expect(error).toMatchObject({ status: 403, code: "UnknownError", message: "HTTP 403 Forbidden: (empty body)" });
    expect(error.clientRequestId).toBe(graph.seen[0]!.headers["client-request-id"]);
  });

  it("an OData error: Graph's code, message, request ids and date", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 404, "ResourceNotFound"));
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({
      name: "GraphError", status: 404, code: "ResourceNotFound", message: "ResourceNotFound from the test server",
      requestId: "req-ResourceNotFound", clientRequestId: "echoed", date: "2026-11-28T10:00:00",
    });
    expect(error.body.error.code).toBe("ResourceNotFound");
    expect(error).toBeInstanceOf(Error);
  });

  it("an invalid JSON success body: InvalidResponse with the real status", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(200, { "content-type": "application/json" });
      r.end('{"id": "7443c8b9-');
    });
    const error = await rejection(client.update(id, {}));
    expect(error).toMatchObject({ name: "GraphError", status: 200, code: "InvalidResponse" });
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.clientRequestId).toBe(graph.seen[0]!.headers["client-request-id"]);
  });

  it("a count that is not a number: InvalidResponse", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end("many");
    });
    await expect(client.count()).rejects.toMatchObject({ code: "InvalidResponse", status: 200 });
    const empty = graph.client((_q, r) => void r.writeHead(200, { "content-type": "application/json" }).end());
    await expect(empty.get(id)).rejects.toMatchObject({ code: "InvalidResponse", message: "HTTP 200 with a partner with no body" });
  });

  it("a token provider that throws: AuthenticationFailed, nothing sent", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r), {
      getAccessToken: () => {
        throw new Error("no credentials");
      },
    });
    await expect(client.update(id, {})).rejects.toMatchObject({ name: "GraphError", code: "AuthenticationFailed", message: "getAccessToken failed: no credentials" });
    expect(graph.seen).toHaveLength(0);
  });

  it("a connection refused: NetworkError", async () => {
    // A port that was just free: nothing listens there now.
    const closed = await startGraphServer(() => undefined);
    await closed.close();
    const client = createRemoteAssistanceClient({ baseUrl: closed.baseUrl, getAccessToken: () => TOKEN, retry: false });
    await expect(client.get(id)).rejects.toMatchObject({ name: "GraphError", status: 0, code: "NetworkError", message: "The connection failed: ECONNREFUSED" });
  });
});

// How an HTTP error response becomes a GraphError, seen as a caller sees it: a get() answered by a stub fetch, so
// that the status line (an empty reason phrase, which node:http would fill in), the content-type and the absence of
// request-id and date headers are exactly as given.
describe("an error response, as the call's GraphError", () => {
  interface Answer {
    type?: string;
    statusText?: string;
    /** Cuts the body the client reads at this many bytes (an error body past maxResponseBytes is truncated). */
    maxResponseBytes?: number;
  }
  const error = (status: number, body: string, { type = "application/json", statusText = "", maxResponseBytes }: Answer = {}) => {
    const answer = () => new Response(body, { status, statusText, headers: { "content-type": type } });
    const { client } = clientAnswering(answer, maxResponseBytes === undefined ? {} : { maxResponseBytes });
    return rejection(client.get(id, undefined, { headers: { "client-request-id": "c-1" } }));
  };

  it.each([
    ["code without message", { error: { code: "X" } }],
    ["message without code", { error: { message: "m" } }],
    ["a numeric code", { error: { code: 1, message: "m" } }],
    ["error null", { error: null }],
    ["error a string", { error: "bad" }],
    ["no error", { message: "m" }],
    ["JSON null", null],
    ["a JSON string", "error"],
  ])("%s is not an OData error: UnknownError, the text kept", async (_name, body) => {
    const text = JSON.stringify(body);
    expect(await error(400, text)).toMatchObject({ name: "GraphError", status: 400, code: "UnknownError", body: text, message: `HTTP 400: ${text}` });
  });

  it("an OData error body: its code, message and envelope", async () => {
    const body = { error: { code: "BadRequest", message: "no" } };
    expect(await error(400, JSON.stringify(body), { statusText: "Bad Request" })).toMatchObject({ code: "BadRequest", message: "no", body });
  });

  it("a truncated body is quoted, never parsed, even when it reads as an OData error", async () => {
    // Cut exactly after the envelope: what was read parses as an OData error, yet it is only the start of the body.
    const text = JSON.stringify({ error: { code: "BadRequest", message: "no" } });
    const cut = await error(400, `${text}${" ".repeat(20)}`, { maxResponseBytes: text.length });
    expect(cut).toMatchObject({ code: "UnknownError", message: `HTTP 400: ${text}…`, body: text });
  });

  it("an OData body sent as text/plain is not taken for one", async () => {
    expect((await error(400, JSON.stringify({ error: { code: "X", message: "m" } }), { type: "text/plain" })).code).toBe("UnknownError");
  });

  it("200 characters are quoted whole; 201 get an ellipsis", async () => {
    expect((await error(500, "x".repeat(200), { type: "text/plain" })).message).toBe(`HTTP 500: ${"x".repeat(200)}`);
    expect((await error(500, "x".repeat(201), { type: "text/plain" })).message).toBe(`HTTP 500: ${"x".repeat(200)}…`);
  });

  it("the client-request-id given is kept when the response echoes none", async () => {
    expect(await error(500, "", { type: "text/plain" })).toMatchObject({ clientRequestId: "c-1", message: "HTTP 500: (empty body)", requestId: undefined, date: undefined });
  });
});

describe("GraphError", () => {
  it("has a cause only when given one (no `[cause]: undefined` in logs), and keeps a falsy one", () => {
    expect("cause" in new GraphError({ status: 500, code: "X", message: "m" })).toBe(false);
    expect(new GraphError({ status: 0, code: "NetworkError", message: "m", cause: null }).cause).toBeNull();
  });
});

describe("the request's id", () => {
  it("a header other than client-request-id is sent, and is not taken for the id", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r));
    await client.update(id, {}, { headers: { "x-correlation": "mine" } });
    const sent = graph.seen[0]!.headers;
    expect(sent["x-correlation"]).toBe("mine");
    expect(sent["client-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("client-request-id in any case is the caller's, sent once, and in the error", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 404, { error: { code: "ResourceNotFound", message: "no" } }));
    const error = await rejection(client.get(id, undefined, { headers: { "Client-Request-Id": "mine-1" } }));
    expect(graph.seen[0]!.headers["client-request-id"]).toBe("mine-1");
    expect(error.clientRequestId).toBe("mine-1");
  });
});

describe("GraphError as a caller reads it", () => {
  it("toJSON: every field, and the message", () => {
    const error = new GraphError({
      status: 429,
      code: "TooManyRequests",
      message: "slow down",
      requestId: "r",
      clientRequestId: "c",
      date: "d",
      retryAfterMs: 1000,
      body: { error: { code: "TooManyRequests", message: "slow down" } },
      cause: new Error("not serialised"),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "GraphError",
      status: 429,
      code: "TooManyRequests",
      message: "slow down",
      requestId: "r",
      clientRequestId: "c",
      date: "d",
      retryAfterMs: 1000,
      body: { error: { code: "TooManyRequests", message: "slow down" } },
    });
    expect(error.cause).toBeInstanceOf(Error);
    expect(new GraphError({ status: 0, code: "Timeout", message: "m" }).cause).toBeUndefined();
  });

  it("a long HTML error body: the message quotes its first 200 characters and an ellipsis; body keeps it", async ({ graph }) => {
    const html = `<html><body>${"Service Unavailable ".repeat(50)}</body></html>`;
    const client = graph.client((_q, r) => {
      r.writeHead(503, "Service Unavailable", { "content-type": "text/html" });
      r.end(html);
    });
    const error = await rejection(client.get(id));
    expect(error.message).toBe(`HTTP 503 Service Unavailable: ${html.slice(0, 200)}…`);
    expect(error.body).toBe(html);
    expect(error.code).toBe("UnknownError");
  });

  it("a short text body is quoted whole, no ellipsis; an empty one says so", async ({ graph }) => {
    let body = "  down for maintenance  ";
    const client = graph.client((_q, r) => {
      r.writeHead(500, { "content-type": "text/plain" });
      r.end(body);
    });
    expect((await rejection(client.get(id))).message).toBe("HTTP 500 Internal Server Error: down for maintenance");
    body = "";
    const empty = await rejection(client.get(id));
    expect(empty.message).toBe("HTTP 500 Internal Server Error: (empty body)");
    expect(empty.body).toBeUndefined();
  });

  it("an OData error's ids come from innerError before the headers; the date too", async ({ graph }) => {
    const client = graph.client((_q, r) =>
      json(r, 403, { error: { code: "Forbidden", message: "no", innerError: { "request-id": "inner-req", "client-request-id": "inner-client", date: "2026-11-29T09:00:00" } } }, { "request-id": "header-req", date: "Sun, 29 Nov 2026 09:00:00 GMT" }),
    );
    expect(await rejection(client.get(id))).toMatchObject({ status: 403, code: "Forbidden", message: "no", requestId: "inner-req", clientRequestId: "inner-client", date: "2026-11-29T09:00:00" });
  });

  it("JSON that is not an OData error is kept as text, UnknownError", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 400, { message: "not odata" }));
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ code: "UnknownError", body: '{"message":"not odata"}' });
  });

  it("ContractViolationError: direction, errors, status and a message listing each path", () => {
    const error = new ContractViolationError("response", [{ path: "", message: "must be object" }, { path: "/id", message: "must be string" }], "The 200 response body", 200);
    expect(error).toMatchObject({ name: "ContractViolationError", direction: "response", status: 200 });
    expect(error.message).toBe("The 200 response body breaks the contract: (body) must be object; /id must be string");
  });
});
