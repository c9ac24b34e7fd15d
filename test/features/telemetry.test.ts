// Telemetry: onCallEnd reports, OpenTelemetry spans with Graph's ids, and hooks that throw or reject.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect } from "vitest";
import { withoutQueryValues } from "../../src/core/redact.js";
import { type CallReport, type CallSpan, createRemoteAssistanceClient, type RemoteAssistanceClientOptions, type Tracing } from "../../src/entries/index.js";
import { seedPartner } from "../fixtures/seed-examples.js";
import { type Handler, json, noContent, odataError, PARTNER, rejection, TOKEN } from "../helpers/graph-server.js";
import { clientOf, it, type ClientOptions, type Graph } from "../helpers/fixtures.js";


const id = seedPartner.id;
const GRAPH_HEADERS = { "request-id": "a1b2c3d4-0000-4000-8000-000000000001", date: "Sun, 29 Nov 2026 09:00:00 GMT", "x-ms-ags-diagnostic": '{"ServerInfo":{"DataCenter":"West Europe"}}' };

/** A client on `graph` answering with `handler`, and the reports its onCallEnd was given. */
function reporting(graph: Graph, handler: Handler, options: ClientOptions = {}) {
  const reports: CallReport[] = [];
  const client = graph.client(handler, { onCallEnd: (r) => void reports.push(r), ...options });
  return { client, reports };
}

const macrotasks = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe("onCallEnd", () => {
  it("a success: operation, method, URL, status, attempts, duration and the ids and date support asks for", async ({ graph }) => {
    const { client, reports } = reporting(graph, (_req, res) => noContent(res, GRAPH_HEADERS));
    await client.update(id, { displayName: "x" }, { headers: { "client-request-id": "my-correlation-id" } });
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toEqual({
      operationId: "updateRemoteAssistancePartner",
      method: "PATCH",
      url: `${graph.baseUrl}/deviceManagement/remoteAssistancePartners/${id}`,
      status: 204,
      attempts: 1,
      durationMs: expect.any(Number),
      requestId: GRAPH_HEADERS["request-id"],
      clientRequestId: "my-correlation-id",
      date: GRAPH_HEADERS.date,
      diagnostic: GRAPH_HEADERS["x-ms-ags-diagnostic"],
    });
    expect(report!.durationMs).toBeGreaterThan(0);
    expect("errorCode" in report!).toBe(false);
  });

  it("a failure after retries: every attempt counted, the last status, Graph's error code and request-id", async ({ graph }) => {
    const { client, reports } = reporting(graph, (_req, res) => odataError(res, 503, "ServiceUnavailable"));
    await expect(client.get(id)).rejects.toMatchObject({ status: 503 });
    expect(reports).toEqual([
      expect.objectContaining({ operationId: "getRemoteAssistancePartner", method: "GET", status: 503, attempts: 4, errorCode: "ServiceUnavailable", requestId: "req-ServiceUnavailable" }),
    ]);
    expect(reports[0]!.clientRequestId).toBe(graph.seen[0]!.headers["client-request-id"]);
  });

  it.for([
    ["a DOMException", undefined, "AbortError"],
    ["a string", "stop", "Error"],
    ["null", null, "Error"],
    ["an object whose name is not a string", { name: 42 }, "Error"],
  ])("the caller's abort before any response, its reason %s: status 0, the reason's name or Error, and the call rejects with the reason", async ([_what, reason, errorCode], { graph }) => {
    const { client, reports } = reporting(graph, () => undefined);
    const controller = new AbortController();
    const call = client.get(id, undefined, { signal: controller.signal });
    controller.abort(reason);
    const thrown = await call.catch((e: unknown) => e);
    expect(thrown).toBe(controller.signal.reason);
    expect(reports).toEqual([expect.objectContaining({ operationId: "getRemoteAssistancePartner", status: 0, errorCode, requestId: undefined, date: undefined })]);
  });

  it("no response at all: status 0, the client's code (NetworkError, Timeout)", async ({ graph }) => {
    const { client, reports } = reporting(graph, () => undefined, { timeoutMs: 50, retry: false });
    await rejection(client.delete(id));
    expect(reports).toEqual([expect.objectContaining({ operationId: "deleteRemoteAssistancePartner", status: 0, attempts: 1, errorCode: "Timeout", requestId: undefined })]);
  });

  it("a 200 whose body is not a partner: the call failed, and the report says so (InvalidResponse, status 200)", async ({ graph }) => {
    const { client, reports } = reporting(graph, (_req, res) => json(res, 200, [1, 2]));
    await expect(client.get(id)).rejects.toMatchObject({ code: "InvalidResponse" });
    expect(reports).toEqual([expect.objectContaining({ status: 200, errorCode: "InvalidResponse" })]);
  });

  it("durationMs covers the whole call; a response refused by validation is reported with the error's name", async ({ graph }) => {
    const { client, reports } = reporting(graph, async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      json(res, 200, { ...seedPartner, onboardingStatus: "on" });
    }, { validate: "response" });
    const before = performance.now();
    await rejection(client.get(id));
    expect(reports[0]!.durationMs).toBeGreaterThanOrEqual(55);
    expect(reports[0]!.durationMs).toBeLessThanOrEqual(performance.now() - before);
    expect(reports[0]).toMatchObject({ status: 200, errorCode: "ContractViolationError", attempts: 1 });
  });

  it("query values are replaced by REDACTED (a $filter can hold personal data); the names stay", async ({ graph }) => {
    const { client, reports } = reporting(graph, (_req, res) => json(res, 200, { value: [] }));
    await client.list({ $filter: "displayName eq 'Alice Example'", $top: 5 });
    expect(reports[0]!.url).toBe(`${graph.baseUrl}/deviceManagement/remoteAssistancePartners?$filter=REDACTED&$top=REDACTED`);
    expect(JSON.stringify(reports)).not.toContain("Alice");
  });

  it("listAll: one report per page", async ({ graph }) => {
    const { client, reports } = reporting(graph, (req, res) =>
      json(res, 200, req.url.includes("skiptoken") ? { value: [seedPartner] } : { value: [seedPartner], "@odata.nextLink": `${graph.baseUrl}/deviceManagement/remoteAssistancePartners?$skiptoken=2` }),
    );
    for await (const _ of client.listAll()) void _;
    expect(reports.map((r) => [r.operationId, r.status])).toEqual([
      ["listRemoteAssistancePartners", 200],
      ["listRemoteAssistancePartners", 200],
    ]);
  });

  it("a hook that throws changes nothing: the call's own result or error stands", async ({ graph }) => {
    graph.answer((_req, res) => noContent(res));
    const client = clientOf(graph.baseUrl, { onCallEnd: () => {
      throw new Error("logging is broken");
    } });
    await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
  });

  it("an async hook that rejects: no unhandled rejection, the call stands", async ({ graph }) => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      graph.answer((_req, res) => noContent(res));
      const client = clientOf(graph.baseUrl, { onCallEnd: async () => {
        throw new Error("the log sink is down");
      } });
      await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("a tracing that throws, starting or ending its span, changes nothing either", async ({ graph }) => {
    graph.answer((_req, res) => noContent(res));
    const reports: CallReport[] = [];
    const failingStart = clientOf(graph.baseUrl, { onCallEnd: (r) => void reports.push(r), tracing: () => {
      throw new Error("no tracer");
    } });
    await expect(failingStart.update(id, {})).resolves.toBeUndefined();
    const failingEnd = clientOf(graph.baseUrl, { tracing: () => ({
      run: (work) => work(),
      end: () => {
        throw new Error("exporter down");
      },
    }) });
    await expect(failingEnd.update(id, {})).resolves.toBeUndefined();
    expect(reports).toHaveLength(1);
  });

  it('a raw request to a path outside the contract is reported as the call "raw"', async ({ graph }) => {
    const { client, reports } = reporting(graph, (_req, res) => json(res, 200, { value: [] }));
    await client.raw.GET("/deviceManagement/somethingElse" as never);
    expect(reports).toEqual([expect.objectContaining({ operationId: "raw", method: "GET", url: `${graph.baseUrl}/deviceManagement/somethingElse`, status: 200 })]);
  });

  it("a tracing of the caller's own: its span is ended with the report, the error and the error's message, cleared", async ({ graph }) => {
    const ended: { report: CallReport; error: unknown; message: string | undefined }[] = [];
    const tracing: Tracing = () => ({ run: (work) => work(), end: (report, error, message) => void ended.push({ report, error, message }) });
    const client = clientOf(graph.baseUrl, { tracing, validate: "response" });
    graph.answer((_req, res) => json(res, 200, { ...seedPartner, onboardingStatus: "on" }));
    const refused = await rejection(client.get(id));
    graph.answer((_req, res) => noContent(res));
    await client.update(id, {});
    expect(ended).toEqual([
      { report: expect.objectContaining({ errorCode: "ContractViolationError" }), error: refused, message: refused.message },
      { report: expect.objectContaining({ status: 204 }), error: undefined, message: undefined },
    ]);
  });

  it("bad input refused before sending is not a call: no report", async ({ graph }) => {
    const { client, reports } = reporting(graph, (_req, res) => noContent(res));
    await expect(client.update("..", { displayName: "x" })).rejects.toThrow(TypeError);
    expect(reports).toEqual([]);
  });

  it("onCallEnd must be a function", () => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", onCallEnd: "log" as never })).toThrow(/onCallEnd must be a function/);
  });
});

describe("withoutQueryValues", () => {
  it.each([
    ["https://g.example/v1.0/x", "https://g.example/v1.0/x"],
    ["https://g.example/v1.0/x?", "https://g.example/v1.0/x?"],
    ["https://g.example/v1.0/x?$top=5", "https://g.example/v1.0/x?$top=REDACTED"],
    ["https://g.example/v1.0/x?$filter=a%20eq%20'b=c'&$count=true", "https://g.example/v1.0/x?$filter=REDACTED&$count=REDACTED"],
    ["https://g.example/v1.0/x?$skiptoken=abc&flag", "https://g.example/v1.0/x?$skiptoken=REDACTED&flag"],
  ])("%s → %s", (url, shown) => {
    expect(withoutQueryValues(url)).toBe(shown);
  });
});

describe("OpenTelemetry", () => {
  const exporter = new InMemorySpanExporter();
  beforeEach(() => {
    exporter.reset();
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterEach(() => {
    trace.disable();
    context.disable();
  });

  it("one CLIENT span per call, by the HTTP client conventions, with Graph's request-id", async ({ graph }) => {
    const { client } = reporting(graph, (_req, res) => noContent(res, GRAPH_HEADERS));
    await client.update(id, { displayName: "x" });
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span!.name).toBe("PATCH /v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}");
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.instrumentationScope.name).toBe("remote-assistance-contract");
    expect(span!.attributes).toEqual({
      "http.request.method": "PATCH",
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(graph.origin).port),
      "url.full": `${graph.baseUrl}/deviceManagement/remoteAssistancePartners/${id}`,
      "url.template": "/v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}",
      "http.response.status_code": 204,
      "microsoft.graph.operation_id": "updateRemoteAssistancePartner",
      "microsoft.graph.request_id": GRAPH_HEADERS["request-id"],
      "microsoft.graph.client_request_id": graph.seen[0]!.headers["client-request-id"],
    });
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("a failed call: error.type is the status, http.request.resend_count the retries, the span status ERROR", async ({ graph }) => {
    const { client } = reporting(graph, (_req, res) => odataError(res, 429, "TooManyRequests", { "retry-after": "0" }));
    await rejection(client.get(id, { $select: ["displayName"] }));
    const [span] = exporter.getFinishedSpans();
    expect(span!.attributes).toMatchObject({ "error.type": "429", "http.response.status_code": 429, "http.request.resend_count": 3, "url.full": expect.stringMatching(/\?\$select=REDACTED$/) });
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: "TooManyRequests from the test server" });
  });

  it("no response: error.type is the client's code", async ({ graph }) => {
    const { client } = reporting(graph, () => undefined, { timeoutMs: 30, retry: false });
    await rejection(client.get(id));
    const [span] = exporter.getFinishedSpans();
    expect(span!.attributes["error.type"]).toBe("Timeout");
    expect(span!.attributes["http.response.status_code"]).toBeUndefined();
  });

  it("the span is a child of the caller's active span, and active while fetch runs (for fetch instrumentation below it)", async ({ graph }) => {
    graph.answer((_req, res) => noContent(res));
    const activeInFetch: (string | undefined)[] = [];
    const client = createRemoteAssistanceClient({
      baseUrl: graph.baseUrl,
      getAccessToken: () => TOKEN,
      fetch: (input, init) => {
        activeInFetch.push(trace.getActiveSpan()?.spanContext().spanId);
        return globalThis.fetch(input, init);
      },
    });
    const tracer = trace.getTracer("the caller");
    await tracer.startActiveSpan("caller's work", async (parent) => {
      await client.update(id, { displayName: "x" });
      parent.end();
    });
    const spans = exporter.getFinishedSpans();
    const ours = spans.find((s) => s.instrumentationScope.name === "remote-assistance-contract")!;
    const parent = spans.find((s) => s.name === "caller's work")!;
    expect(ours.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(ours.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(activeInFetch).toEqual([ours.spanContext().spanId]);
  });

  it("server.port: the URL's, or 443 for https and 80 for http when the URL has none; url.template keeps one slash", async ({ graph }) => {
    const fetch = async () => new Response(null, { status: 204 });
    for (const baseUrl of ["https://graph.example/v1.0//", "http://graph.example/v1.0", "https://graph.example:8443/v1.0", "https://graph.example"]) {
      await createRemoteAssistanceClient({ baseUrl, getAccessToken: () => TOKEN, fetch }).delete(id);
    }
    expect(exporter.getFinishedSpans().map((s) => [s.attributes["server.port"], s.attributes["url.template"]])).toEqual([
      [443, "/v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"],
      [80, "/v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"],
      [8443, "/v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"],
      [443, "/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"],
    ]);
  });

  it("a 400 is typed by its status; no request-id header, no request-id attribute; a connection failure is typed NetworkError", async ({ graph }) => {
    let answer: () => Promise<Response> = async () => Response.json({ error: { code: "BadRequest", message: "no" } }, { status: 400 });
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => TOKEN, retry: false, fetch: () => answer() });
    await rejection(client.get(id, undefined, { headers: { "client-request-id": "mine" } }));
    answer = () => Promise.reject("socket closed");
    await rejection(client.get(id));
    const [bad, failed] = exporter.getFinishedSpans();
    expect(bad!.attributes["error.type"]).toBe("400");
    expect(bad!.attributes["microsoft.graph.request_id"]).toBeUndefined();
    expect(bad!.attributes["microsoft.graph.client_request_id"]).toBe("mine");
    expect(failed!.attributes["error.type"]).toBe("NetworkError");
    expect(failed!.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("a call aborted with a null reason still ends its span, as an error without a message", async ({ graph }) => {
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => TOKEN, fetch: () => new Promise<Response>(() => undefined) });
    const controller = new AbortController();
    const call = client.get(id, undefined, { signal: controller.signal });
    controller.abort(null);
    await expect(call).rejects.toBeNull();
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span!.attributes["error.type"]).toBe("Error");
  });

  it("no tracer provider registered: no span, and the call is not wrapped", async ({ graph }) => {
    trace.disable();
    const { client } = reporting(graph, (_req, res) => noContent(res));
    await client.update(id, { displayName: "x" });
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe("hooks that fail", () => {
  let unhandled: unknown[];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
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
  const busyOnce = (graph: Graph) => graph.answer((_q, res) => (graph.seen.length === 1 ? void res.writeHead(503, { "retry-after": "0" }).end() : json(res, 200, PARTNER)));
  const client = (graph: Graph, options: Partial<RemoteAssistanceClientOptions>) => createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => "token-of-the-test", tracing: false, ...options });
  const thrown = new Error("the hook broke");

  it.for([
    ["throws", () => {
      throw thrown;
    }],
    ["returns a rejected promise", () => Promise.reject(thrown)],
    ["is an async function that throws", async () => {
      throw thrown;
    }],
  ])("an onRetry that %s: the retry happens and the call succeeds", async ([_what, onRetry], { graph }) => {
    busyOnce(graph);
    let calls = 0;
    const hook = (...args: []) => {
      calls++;
      return (onRetry as (...a: []) => unknown)(...args);
    };
    await expect(client(graph, { retry: { onRetry: hook as never } }).get("p1")).resolves.toMatchObject({ id: "p1" });
    expect(calls).toBe(1);
    expect(graph.seen).toHaveLength(2);
  });

  it.for([
    ["throws", () => {
      throw thrown;
    }],
    ["returns a rejected promise", () => Promise.reject(thrown)],
  ])("an onCallEnd that %s: a success still resolves, a failure keeps its own error", async ([_what, onCallEnd], { graph }) => {
    graph.answer((_q, res) => json(res, 200, PARTNER));
    await expect(client(graph, { onCallEnd: onCallEnd as never }).get("p1")).resolves.toMatchObject({ id: "p1" });
    graph.answer((_q, res) => json(res, 404, { error: { code: "NotFound", message: "no such partner" } }));
    const error = await rejection(client(graph, { onCallEnd: onCallEnd as never }).get("p1"));
    expect(error).toMatchObject({ name: "GraphError", status: 404, code: "NotFound" });
  });

  const span = (overrides: Partial<CallSpan>): CallSpan => ({ run: (work) => work(), end: () => undefined, ...overrides });
  it.for([
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
  ])("a tracing that %s: the call is made and succeeds", async ([_what, tracing], { graph }) => {
    graph.answer((_q, res) => json(res, 200, PARTNER));
    await expect(client(graph, { tracing: tracing as never }).get("p1")).resolves.toMatchObject({ id: "p1" });
    expect(graph.seen).toHaveLength(1);
  });
});
