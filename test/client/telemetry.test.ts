// Telemetry: the onCallEnd report (what Microsoft support asks for when a call goes wrong) and, with OpenTelemetry's
// real SDK and its in-memory exporter, one CLIENT span per call by the HTTP client conventions.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withoutQueryValues } from "../../src/core/redact.js";
import { createRemoteAssistanceClient, type CallReport, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { seedPartner } from "../fixtures/seed-examples.js";
import { json, noContent, odataError, rejection, startGraphServer, TOKEN, type GraphServer, type Handler } from "../helpers/graph-server.js";

let server: GraphServer | undefined;
afterEach(() => server?.close());

const id = seedPartner.id;
const GRAPH_HEADERS = { "request-id": "a1b2c3d4-0000-4000-8000-000000000001", date: "Sun, 29 Nov 2026 09:00:00 GMT", "x-ms-ags-diagnostic": '{"ServerInfo":{"DataCenter":"West Europe"}}' };

async function clientFor(handler: Handler, options: Partial<RemoteAssistanceClientOptions> = {}) {
  server = await startGraphServer(handler);
  const reports: CallReport[] = [];
  const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: { baseDelayMs: 1 }, onCallEnd: (r) => reports.push(r), ...options });
  return { client, reports };
}

describe("onCallEnd", () => {
  it("a success: operation, method, URL, status, attempts, duration and the ids and date support asks for", async () => {
    const { client, reports } = await clientFor((_req, res) => noContent(res, GRAPH_HEADERS));
    await client.update(id, { displayName: "x" }, { headers: { "client-request-id": "my-correlation-id" } });
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toEqual({
      operationId: "updateRemoteAssistancePartner",
      method: "PATCH",
      url: `${server!.baseUrl}/deviceManagement/remoteAssistancePartners/${id}`,
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

  it("a failure after retries: every attempt counted, the last status, Graph's error code and request-id", async () => {
    const { client, reports } = await clientFor((_req, res) => odataError(res, 503, "ServiceUnavailable"));
    await expect(client.get(id)).rejects.toMatchObject({ status: 503 });
    expect(reports).toEqual([
      expect.objectContaining({ operationId: "getRemoteAssistancePartner", method: "GET", status: 503, attempts: 4, errorCode: "ServiceUnavailable", requestId: "req-ServiceUnavailable" }),
    ]);
    expect(reports[0]!.clientRequestId).toBe(server!.seen[0]!.headers["client-request-id"]);
  });

  it.each([
    ["a DOMException", undefined, "AbortError"],
    ["a string", "stop", "Error"],
    ["null", null, "Error"],
  ])("the caller's abort before any response, its reason %s: status 0, the reason's name or Error, and the call rejects with the reason", async (_what, reason, errorCode) => {
    const { client, reports } = await clientFor(() => undefined);
    const controller = new AbortController();
    const call = client.get(id, undefined, { signal: controller.signal });
    controller.abort(reason);
    const thrown = await call.catch((e: unknown) => e);
    expect(thrown).toBe(controller.signal.reason);
    expect(reports).toEqual([expect.objectContaining({ operationId: "getRemoteAssistancePartner", status: 0, errorCode, requestId: undefined, date: undefined })]);
  });

  it("no response at all: status 0, the client's code (NetworkError, Timeout)", async () => {
    const { client, reports } = await clientFor(() => undefined, { timeoutMs: 50, retry: false });
    await rejection(client.delete(id));
    expect(reports).toEqual([expect.objectContaining({ operationId: "deleteRemoteAssistancePartner", status: 0, attempts: 1, errorCode: "Timeout", requestId: undefined })]);
  });

  it("a 200 whose body is not a partner: the call failed, and the report says so (InvalidResponse, status 200)", async () => {
    const { client, reports } = await clientFor((_req, res) => json(res, 200, [1, 2]));
    await expect(client.get(id)).rejects.toMatchObject({ code: "InvalidResponse" });
    expect(reports).toEqual([expect.objectContaining({ status: 200, errorCode: "InvalidResponse" })]);
  });

  it("durationMs covers the whole call; a response refused by validation is reported with the error's name", async () => {
    const { client, reports } = await clientFor(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      json(res, 200, { ...seedPartner, onboardingStatus: "on" });
    }, { validate: "response" });
    await rejection(client.get(id));
    expect(reports[0]!.durationMs).toBeGreaterThanOrEqual(55);
    expect(reports[0]!.durationMs).toBeLessThan(5_000);
    expect(reports[0]).toMatchObject({ status: 200, errorCode: "ContractViolationError", attempts: 1 });
  });

  it("query values are replaced by REDACTED (a $filter can hold personal data); the names stay", async () => {
    const { client, reports } = await clientFor((_req, res) => json(res, 200, { value: [] }));
    await client.list({ $filter: "displayName eq 'Alice Example'", $top: 5 });
    expect(reports[0]!.url).toBe(`${server!.baseUrl}/deviceManagement/remoteAssistancePartners?$filter=REDACTED&$top=REDACTED`);
    expect(JSON.stringify(reports)).not.toContain("Alice");
  });

  it("listAll: one report per page", async () => {
    const { client, reports } = await clientFor((req, res) =>
      json(res, 200, req.url.includes("skiptoken") ? { value: [seedPartner] } : { value: [seedPartner], "@odata.nextLink": `${server!.baseUrl}/deviceManagement/remoteAssistancePartners?$skiptoken=2` }),
    );
    for await (const _ of client.listAll()) void _;
    expect(reports.map((r) => [r.operationId, r.status])).toEqual([
      ["listRemoteAssistancePartners", 200],
      ["listRemoteAssistancePartners", 200],
    ]);
  });

  it("a hook that throws changes nothing: the call's own result or error stands", async () => {
    server = await startGraphServer((_req, res) => noContent(res));
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, onCallEnd: () => {
      throw new Error("logging is broken");
    } });
    await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
  });

  it("an async hook that rejects: no unhandled rejection, the call stands", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      server = await startGraphServer((_req, res) => noContent(res));
      const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, onCallEnd: async () => {
        throw new Error("the log sink is down");
      } });
      await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("a tracing that throws, starting or ending its span, changes nothing either", async () => {
    server = await startGraphServer((_req, res) => noContent(res));
    const reports: CallReport[] = [];
    const failingStart = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, onCallEnd: (r) => void reports.push(r), tracing: () => {
      throw new Error("no tracer");
    } });
    await expect(failingStart.update(id, {})).resolves.toBeUndefined();
    const failingEnd = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, tracing: () => ({
      run: (work) => work(),
      end: () => {
        throw new Error("exporter down");
      },
    }) });
    await expect(failingEnd.update(id, {})).resolves.toBeUndefined();
    expect(reports).toHaveLength(1);
  });

  it("bad input refused before sending is not a call: no report", async () => {
    const { client, reports } = await clientFor((_req, res) => noContent(res));
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

  it("one CLIENT span per call, by the HTTP client conventions, with Graph's request-id", async () => {
    const { client } = await clientFor((_req, res) => noContent(res, GRAPH_HEADERS));
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
      "server.port": Number(new URL(server!.origin).port),
      "url.full": `${server!.baseUrl}/deviceManagement/remoteAssistancePartners/${id}`,
      "url.template": "/v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}",
      "http.response.status_code": 204,
      "microsoft.graph.operation_id": "updateRemoteAssistancePartner",
      "microsoft.graph.request_id": GRAPH_HEADERS["request-id"],
      "microsoft.graph.client_request_id": server!.seen[0]!.headers["client-request-id"],
    });
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("a failed call: error.type is the status, http.request.resend_count the retries, the span status ERROR", async () => {
    const { client } = await clientFor((_req, res) => odataError(res, 429, "TooManyRequests", { "retry-after": "0" }));
    await rejection(client.get(id, { $select: ["displayName"] }));
    const [span] = exporter.getFinishedSpans();
    expect(span!.attributes).toMatchObject({ "error.type": "429", "http.response.status_code": 429, "http.request.resend_count": 3, "url.full": expect.stringMatching(/\?\$select=REDACTED$/) });
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: "TooManyRequests from the test server" });
  });

  it("no response: error.type is the client's code", async () => {
    const { client } = await clientFor(() => undefined, { timeoutMs: 30, retry: false });
    await rejection(client.get(id));
    const [span] = exporter.getFinishedSpans();
    expect(span!.attributes["error.type"]).toBe("Timeout");
    expect(span!.attributes["http.response.status_code"]).toBeUndefined();
  });

  it("the span is a child of the caller's active span, and active while fetch runs (for fetch instrumentation below it)", async () => {
    server = await startGraphServer((_req, res) => noContent(res));
    const activeInFetch: (string | undefined)[] = [];
    const client = createRemoteAssistanceClient({
      baseUrl: server.baseUrl,
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

  it("server.port: the URL's, or 443 for https and 80 for http when the URL has none; url.template keeps one slash", async () => {
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

  it("a 400 is typed by its status; no request-id header, no request-id attribute; a connection failure is typed NetworkError", async () => {
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

  it("a call aborted with a null reason still ends its span, as an error without a message", async () => {
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => TOKEN, fetch: () => new Promise<Response>(() => undefined) });
    const controller = new AbortController();
    const call = client.get(id, undefined, { signal: controller.signal });
    controller.abort(null);
    await expect(call).rejects.toBeNull();
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span!.attributes["error.type"]).toBe("Error");
  });

  it("no tracer provider registered: no span, and the call is not wrapped", async () => {
    trace.disable();
    const { client } = await clientFor((_req, res) => noContent(res));
    await client.update(id, { displayName: "x" });
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
