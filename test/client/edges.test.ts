// The client at the edges: broken tokens, hostile servers and odd input. Each case failed before the pipeline was
// rebuilt (leaked a token, hung, grew without bound, sent something else than it checked); each must hold now.
import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ContractViolationError, createRemoteAssistanceClient, GraphError, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { endlessBody, json, noContent, odataError, rejection, seedPartner, startGraphServer, TOKEN, type GraphServer, type Handler } from "../helpers/graph-server.js";

let server: GraphServer;
afterEach(() => server?.close());

const id = seedPartner.id;

async function clientFor(handler: Handler, options: Partial<RemoteAssistanceClientOptions> = {}) {
  server = await startGraphServer(handler);
  return createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: { baseDelayMs: 1 }, ...options });
}

/** Every way an error can be printed or sent to a log. */
const renderings = (error: any) => [String(error), error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { depth: 10 }), String(error.cause ?? ""), JSON.stringify(error.body ?? null)];

describe("the token", () => {
  it.each([
    ["a line feed", "SECRET\nX: y", "a line feed (U+000A) at position 6"],
    ["a carriage return", "SECRET\rX: y", "a carriage return (U+000D) at position 6"],
    ["a NUL", "SECRET\0", "a NUL (U+0000) at position 6"],
    ["a space", "SECRET token", "a space (U+0020) at position 6"],
    ["a non-ASCII character", "SECRETé", "a character outside Latin-1 (U+00E9) at position 6"],
  ])("with %s: AuthenticationFailed naming the problem, never the value; nothing sent, no retry", async (_what, token, problem) => {
    const client = await clientFor((_q, r) => noContent(r), { getAccessToken: () => token });
    const error = await rejection(client.update(id, { displayName: "x" }));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 0, code: "AuthenticationFailed" });
    expect(error.message).toContain(problem);
    for (const text of renderings(error)) expect(text).not.toContain("SECRET");
    expect(server.seen).toHaveLength(0);
    // raw refuses it the same way
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners")).rejects.toMatchObject({ code: "AuthenticationFailed" });
    expect(server.seen).toHaveLength(0);
  });

  it("echoed by the server (in a 401 body) is redacted from every error the client builds", async () => {
    const client = await clientFor((req, r) =>
      json(r, 401, { error: { code: "InvalidAuthenticationToken", message: `Token ${TOKEN} is expired; header was ${req.headers.authorization}` } }),
    );
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 401, code: "InvalidAuthenticationToken" });
    expect(error.message).toBe("Token [redacted] is expired; header was Bearer [redacted]");
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
  });

  it("echoed in a text error body is redacted too, message and body", async () => {
    const client = await clientFor((_q, r) => {
      r.writeHead(403, { "content-type": "text/plain" });
      r.end(`denied for ${TOKEN}`);
    });
    const error = await rejection(client.get(id));
    expect(error.body).toBe("denied for [redacted]");
    expect(error.message).toBe("HTTP 403 Forbidden: denied for [redacted]");
  });

  it("a token provider that never resolves: timeoutMs ends the call (Timeout), nothing sent", async () => {
    const client = await clientFor((_q, r) => noContent(r), { getAccessToken: () => new Promise<string>(() => undefined), timeoutMs: 300 });
    const started = performance.now();
    await expect(client.update(id, {})).rejects.toMatchObject({ name: "GraphError", code: "Timeout" });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(server.seen).toHaveLength(0);
  });

  it("a token provider that never resolves: the caller's abort ends the call with the caller's reason (raw too)", async () => {
    const client = await clientFor((_q, r) => noContent(r), { getAccessToken: () => new Promise<string>(() => undefined) });
    const reason = new Error("user gave up");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 50);
    await expect(client.get(id, undefined, { signal: controller.signal })).rejects.toBe(reason);
    const rawController = new AbortController();
    setTimeout(() => rawController.abort(reason), 50);
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners", { signal: rawController.signal })).rejects.toBe(reason);
    expect(server.seen).toHaveLength(0);
  });

  it("raw honours timeoutMs while waiting for the token", async () => {
    const client = await clientFor((_q, r) => noContent(r), { getAccessToken: () => new Promise<string>(() => undefined), timeoutMs: 200 });
    const error = await rejection(client.raw.GET("/deviceManagement/remoteAssistancePartners"));
    expect(error).toMatchObject({ name: "GraphError", code: "Timeout" });
    expect(server.seen).toHaveLength(0);
  });
});

describe("what comes back", () => {
  it("an endless 200 body stops at maxResponseBytes with ResponseTooLarge, no timeout needed", async () => {
    const client = await clientFor((_q, r) => endlessBody(r, Buffer.alloc(64 * 1024, "a")), { maxResponseBytes: 1024 * 1024 });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ name: "GraphError", status: 200, code: "ResponseTooLarge" });
    expect(error.message).toContain("1048576 bytes");
  });

  it("an endless body with the default limit (16 MiB) ends too, and the heap comes back down", async () => {
    const client = await clientFor((_q, r) => endlessBody(r, Buffer.alloc(256 * 1024, "a")));
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    await expect(client.list()).rejects.toMatchObject({ code: "ResponseTooLarge", message: expect.stringContaining("16777216 bytes") });
    expect(performance.now() - started).toBeLessThan(15_000);
    // What was read is let go: at most the 16 MiB text (UTF-16, so up to 32 MiB) while reading, none of it after.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 2 ** 20);
  });

  it("a declared Content-Length above the limit is refused before reading", async () => {
    const client = await clientFor((_q, r) => {
      r.writeHead(200, { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) });
      r.write("{");
    }, { maxResponseBytes: 1024 });
    await expect(client.get(id)).rejects.toMatchObject({ code: "ResponseTooLarge", message: expect.stringContaining("declares 52428800 bytes") });
  });

  it("a 300 MB error body: the error keeps a bounded prefix, and the rest is not read", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "x");
    let sent = 0;
    const client = await clientFor((_q, r) => {
      r.writeHead(500, { "content-type": "text/plain" });
      const pump = () => {
        while (!r.destroyed && sent < 300 && r.write(chunk)) sent++;
        if (sent >= 300) r.end();
        else if (!r.destroyed) r.once("drain", pump);
      };
      pump();
    });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 500, code: "UnknownError" });
    expect(typeof error.body).toBe("string");
    expect(error.body.length).toBeLessThanOrEqual(64 * 1024);
    expect(error.message.length).toBeLessThan(300);
    expect(sent).toBeLessThan(300);
  });

  it.each([
    ["null", "application/json", "null", "a partner that is not a JSON object (null)"],
    ["a number", "application/json", "123", "a partner that is not a JSON object (number)"],
    ["an array", "application/json", "[]", "a partner that is not a JSON object (an array)"],
    ["HTML", "text/html", "<html>hi</html>", "a partner that is not JSON (text/html)"],
  ])("validate off: get() refuses %s as a partner (InvalidResponse)", async (_what, type, body, message) => {
    const client = await clientFor((_q, r) => void r.writeHead(200, { "content-type": type }).end(body));
    await expect(client.get(id)).rejects.toMatchObject({ name: "GraphError", status: 200, code: "InvalidResponse", message: `HTTP 200 with ${message}` });
  });

  it("validate off: a page whose value is not an array is InvalidResponse, in list and listAll", async () => {
    const client = await clientFor((_q, r) => json(r, 200, { value: "abc" }));
    await expect(client.list()).rejects.toMatchObject({ code: "InvalidResponse", message: 'HTTP 200 with a list page whose "value" is not an array' });
    const yielded: unknown[] = [];
    await expect(async () => {
      for await (const p of client.listAll()) yielded.push(p);
    }).rejects.toMatchObject({ code: "InvalidResponse" });
    expect(yielded).toEqual([]);
  });

  it("validate off: an update's 200 body must be a partner object too", async () => {
    const client = await clientFor((_q, r) => json(r, 200, "done"));
    await expect(client.update(id, {})).rejects.toMatchObject({ code: "InvalidResponse" });
  });

  it("an error with a JSON body that is not an OData error quotes it and keeps it", async () => {
    const client = await clientFor((_q, r) => json(r, 500, { oops: true, detail: "database on fire" }));
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 500, code: "UnknownError" });
    expect(error.message).toBe('HTTP 500 Internal Server Error: {"oops":true,"detail":"database on fire"}');
    expect(error.body).toBe('{"oops":true,"detail":"database on fire"}');
  });

  it("a long HTML error body is quoted by its start only", async () => {
    const client = await clientFor((_q, r) => void r.writeHead(502, { "content-type": "text/html" }).end(`<html>${"x".repeat(5000)}</html>`));
    const error = await rejection(client.get(id));
    expect(error.message).toMatch(/^HTTP 502 Bad Gateway: <html>x+…$/);
    expect(error.message.length).toBeLessThan(260);
  });
});

describe("what goes out", () => {
  class Hijack {
    toJSON() {
      return { id: "hijacked", onboardingStatus: "BOGUS" };
    }
  }
  it.each([
    ["a class instance with toJSON", new Hijack(), "must be a plain object, got an instance of Hijack"],
    ["a Date", new Date(0), "must be a plain object, got an instance of Date"],
    ["a boxed boolean", Object(true), "must be a plain object, got an instance of Boolean"],
    ["a plain object whose toJSON gives a string", { toJSON: () => "x" }, "must serialise to a JSON object, got a JSON value"],
    ["a plain object with a BigInt", { displayName: 1n }, "cannot be serialised as JSON"],
    ["a string", "x", "must be a plain object, got string"],
  ])("%s is a TypeError in every validation mode, nothing sent", async (_what, body, message) => {
    for (const validate of ["off", "request", "response", "both"] as const) {
      const client = await clientFor((_q, r) => noContent(r), { validate });
      const error = await rejection(client.update(id, body as never));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(message);
      await expect(client.create(body as never)).rejects.toThrow(TypeError);
      expect(server.seen).toHaveLength(0);
      await server.close();
    }
  });

  it("a getter that answers differently on each read: what is validated is exactly what is sent", async () => {
    let reads = 0;
    const shifty = {
      get onboardingStatus() {
        return reads++ === 0 ? "onboarding" : "BOGUS";
      },
    };
    const client = await clientFor((_q, r) => noContent(r), { validate: "request" });
    await client.update(id, shifty as never);
    expect(reads).toBe(1);
    expect(server.seen[0]!.body).toBe('{"onboardingStatus":"onboarding"}');

    const refused = { get onboardingStatus() { return reads++ === 1 ? "BOGUS" : "onboarding"; } };
    await expect(client.update(id, refused as never)).rejects.toBeInstanceOf(ContractViolationError);
    expect(server.seen).toHaveLength(1);
  });

  it.each([
    ["a line feed in a custom header", { headers: { "x-note": "a\nb" } }, "headers: header x-note cannot be sent: a line feed (U+000A) at position 1"],
    ["a CR in client-request-id", { headers: { "client-request-id": "id\r\nX: y" } }, "header client-request-id cannot be sent"],
    ["an invalid header name", { headers: { "bad name": "v" } }, 'headers: "bad name" is not a valid header name'],
    ["a non-string value", { headers: { "x-n": 5 } }, "header x-n must be a string, got number"],
    ["Authorization per call", { headers: { authorization: "Bearer mine" } }, "authorization is not allowed"],
  ])("%s is the caller's TypeError, nothing sent", async (_what, callOptions, message) => {
    const client = await clientFor((_q, r) => noContent(r));
    const error = await rejection(client.update(id, {}, callOptions as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(message);
    expect(server.seen).toHaveLength(0);
  });

  it("an ifMatch with a line break is the caller's TypeError naming If-Match", async () => {
    const client = await clientFor((_q, r) => noContent(r));
    await expect(client.delete(id, { ifMatch: 'W/"1"\r\nX: y' })).rejects.toThrow(/header If-Match cannot be sent/);
    expect(server.seen).toHaveLength(0);
  });

  it("an Authorization value is never quoted, even when it cannot be sent", () => {
    const error = (() => {
      try {
        createRemoteAssistanceClient({ getAccessToken: () => TOKEN, headers: { "x-auth": "SECRET\n" } });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain("SECRET");
  });

  it.each(["Authorization", "authorization", "AUTHORIZATION"])("%s in the client's headers is refused when the client is made", (name) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => TOKEN, headers: { [name]: "Bearer x" } })).toThrow(
      new TypeError(`headers: ${name} is not allowed; the client sends the token itself`),
    );
  });
});

describe("options that cannot work are refused when the client is made", () => {
  const getAccessToken = () => TOKEN;
  it.each([
    ["timeoutMs 3e9 (Node would fire it after 1 ms)", { timeoutMs: 3e9 }, /timeoutMs must be a number of milliseconds above 0 and at most 2147483647, got 3000000000/],
    ["timeoutMs NaN", { timeoutMs: Number.NaN }, /timeoutMs .* got NaN/],
    ["timeoutMs Infinity", { timeoutMs: Number.POSITIVE_INFINITY }, /timeoutMs .* got Infinity/],
    ["maxDelayMs above 2³¹−1", { retry: { maxDelayMs: 2 ** 31 } }, /maxDelayMs must be a number of milliseconds from 0 to 2147483647/],
    ["baseDelayMs NaN", { retry: { baseDelayMs: Number.NaN } }, /baseDelayMs must be/],
    ["baseDelayMs Infinity", { retry: { baseDelayMs: Number.POSITIVE_INFINITY } }, /baseDelayMs must be/],
    ["maxRetries 1.5", { retry: { maxRetries: 1.5 } }, /maxRetries must be a whole number/],
    ["a baseUrl with a query", { baseUrl: "https://graph.microsoft.com/v1.0?tenant=x" }, /baseUrl must not have a query or fragment/],
    ["a baseUrl with a fragment", { baseUrl: "https://graph.microsoft.com/v1.0#x" }, /baseUrl must not have a query or fragment/],
    ["a baseUrl with credentials", { baseUrl: "https://u:p@graph.microsoft.com/v1.0" }, /must not carry credentials/],
    ["a baseUrl that is not http(s)", { baseUrl: "file:///etc" }, /must be an http\(s\) URL/],
    ["maxResponseBytes 0", { maxResponseBytes: 0 }, /maxResponseBytes must be a whole number of bytes above 0/],
  ])("%s", (_what, options, message) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken, ...(options as object) })).toThrow(message);
  });

  it("maxRetries 0 is allowed: one attempt, no retry", async () => {
    const client = await clientFor((_q, r) => odataError(r, 503, "ServiceUnavailable"), { retry: { maxRetries: 0 } });
    await expect(client.get(id)).rejects.toMatchObject({ status: 503 });
    expect(server.seen).toHaveLength(1);
  });

  it("an id with a lone surrogate is a TypeError like other bad ids, not a URIError", async () => {
    const client = await clientFor((_q, r) => noContent(r));
    await expect(client.get("a\uD800b")).rejects.toThrow(new TypeError("id must be well-formed Unicode: it has a lone surrogate, which cannot be sent in a URL"));
    expect(server.seen).toHaveLength(0);
  });

  it("a query option the operation does not take is a TypeError, never sent unencoded", async () => {
    const client = await clientFor((_q, r) => json(r, 200, { value: [] }));
    await expect(client.list({ "a&b=1": "v" } as never)).rejects.toThrow(new TypeError('listRemoteAssistancePartners: unknown query option "a&b=1"; it takes $select, $filter, $orderby, $top, $skip, $count, $search, $expand'));
    await expect(client.get(id, { $top: 1 } as never)).rejects.toThrow(/getRemoteAssistancePartner: unknown query option "\$top"/);
    await expect(client.list({ $filter: "displayName eq '\uDC00'" })).rejects.toThrow(/a query value cannot be encoded/);
    expect(server.seen).toHaveLength(0);
  });
});

describe("Retry-After read by RFC 9110 and as Graph sends it", () => {
  it("decimal seconds, as Microsoft's throttling page shows (Retry-After: 2.128), are honoured to the millisecond", async () => {
    const delays: number[] = [];
    let calls = 0;
    const client = await clientFor((_q, r) => (calls++ === 0 ? odataError(r, 429, "TooManyRequests", { "retry-after": "0.128" }) : json(r, 200, { id })), {
      retry: { maxRetries: 1, onRetry: ({ delayMs }) => void delays.push(delayMs) },
    });
    await client.get(id);
    expect(delays).toEqual([128]);
    expect(server.seen).toHaveLength(2);
  });

  it.each(["-1", "-1.5", "1.", ".5", "1e3", "soon", "2026-11-29T10:00:00Z", ""])("%j is treated as absent: the client backs off on its own", async (value) => {
    const delays: number[] = [];
    const client = await clientFor((_q, r) => odataError(r, 503, "ServiceUnavailable", { "retry-after": value }), {
      retry: { maxRetries: 2, baseDelayMs: 40, onRetry: ({ delayMs }) => void delays.push(delayMs) },
    });
    const error = await rejection(client.get(id));
    expect(error.retryAfterMs).toBeUndefined();
    // Full-jitter backoff: random within 40 ms, then within 80 ms (a parsed "date in 2001" gave 0 and 0).
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThanOrEqual(40);
    expect(delays[1]).toBeLessThanOrEqual(80);
    expect(server.seen).toHaveLength(3);
  });
});

describe("raw, as the README says", () => {
  it("returns HTTP errors as values, and throws the methods' NetworkError on a refused connection", async () => {
    const client = await clientFor((_q, r) => odataError(r, 404, "ResourceNotFound"));
    const { error, response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ error: { code: "ResourceNotFound" } });
    await server.close();
    const refused = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: false });
    await expect(refused.raw.GET("/deviceManagement/remoteAssistancePartners")).rejects.toMatchObject({ name: "GraphError", code: "NetworkError", status: 0 });
  });
});

describe("no listener leak", () => {
  it("2000 sequential calls sharing one long-lived signal: no warning, no listener left", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const client = await clientFor((_q, r) => noContent(r));
      const controller = new AbortController();
      for (let i = 0; i < 2000; i++) await client.update(id, {}, { signal: controller.signal });
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
