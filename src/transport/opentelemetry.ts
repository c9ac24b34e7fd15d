// OpenTelemetry for the client: one CLIENT span per call, by OpenTelemetry's HTTP client conventions, whenever a
// tracer provider is registered. OpenTelemetry is found through its API's global registry (the symbol every
// `@opentelemetry/api` 1.x shares), never imported: a program without it loads and bundles nothing of it, and one
// with it needs no wiring here. The root and beta entries' clients use it by default; the `/client` entry's takes it
// as `tracing: openTelemetry`, so that a program without OpenTelemetry does not carry this file (bundlers drop it
// when unused: nothing here runs at import, the symbols are looked up when a call is made).
import type { CallReport, CallSpan, Tracing } from "../core/shapes.js";

// Looked up once, not per call; marked pure so that a bundle that never uses the adapter drops them with it.
const OTEL_API = /* @__PURE__ */ Symbol.for("opentelemetry.js.api.1");
const SPAN_KEY = /* @__PURE__ */ Symbol.for("OpenTelemetry Context Key SPAN");
const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;

interface Span {
  setAttribute(key: string, value: string | number): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}
interface OpenTelemetryGlobal {
  trace?: { getTracer(name: string): { startSpan(name: string, options: object): Span } };
  context?: { active(): { setValue(key: symbol, value: unknown): unknown }; with<T>(context: unknown, work: () => T): T };
}

/** Spans through the registered OpenTelemetry tracer provider; none while there is none. */
export const openTelemetry: Tracing = ({ operationId, method, url, template }) => {
  const otel = (globalThis as Record<symbol, OpenTelemetryGlobal | undefined>)[OTEL_API];
  if (!otel?.trace) return undefined;
  const { hostname, port, protocol } = new URL(url);
  // HTTP client span conventions: "{method} {url.template}", low-cardinality, with the template as an attribute.
  const span = otel.trace.getTracer("remote-assistance-contract").startSpan(`${method} ${template}`, {
    kind: SPAN_KIND_CLIENT,
    attributes: {
      "http.request.method": method,
      "server.address": hostname,
      "server.port": Number(port) || (protocol === "http:" ? 80 : 443),
      "url.full": url,
      "url.template": template,
      "microsoft.graph.operation_id": operationId,
    },
  });
  const { context } = otel;
  return {
    // Active while the call runs: spans of fetch instrumentation below it become its children.
    run: (work) => (context ? context.with(context.active().setValue(SPAN_KEY, span), work) : work()),
    end: (report, error, message) => endSpan(span, report, error, message),
  } satisfies CallSpan;
};

function endSpan(span: Span, report: CallReport, error: unknown, message: string | undefined): void {
  if (report.status) span.setAttribute("http.response.status_code", report.status);
  if (report.attempts > 1) span.setAttribute("http.request.resend_count", report.attempts - 1);
  if (report.requestId) span.setAttribute("microsoft.graph.request_id", report.requestId);
  if (report.clientRequestId) span.setAttribute("microsoft.graph.client_request_id", report.clientRequestId);
  if (error !== undefined) {
    // An HTTP error is typed by its status; anything else by the client's code for it (Timeout, NetworkError…).
    span.setAttribute("error.type", report.status >= 400 ? String(report.status) : report.errorCode!);
    // The message as the boundary cleared it: no token, no query value.
    span.setStatus({ code: STATUS_ERROR, ...(message === undefined ? {} : { message }) });
  }
  span.end();
}
