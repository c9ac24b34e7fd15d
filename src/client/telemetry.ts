// What a finished call leaves behind for logs and traces: the `onCallEnd` report, and an OpenTelemetry CLIENT span
// when an OpenTelemetry tracer provider is registered. OpenTelemetry is found through its API's global registry
// (the symbol every `@opentelemetry/api` 1.x shares), never imported: a program without it loads and bundles nothing
// of it, and one with it needs no wiring here.
import { GraphError } from "../errors.js";
import type { Operation } from "./operations.js";

/** One finished call, as `onCallEnd` gets it: what Microsoft support asks for when a call goes wrong, and timings. */
export interface CallReport {
  /** The spec's operationId, such as `updateRemoteAssistancePartner`. */
  operationId: string;
  method: string;
  /** The URL called, every query value replaced by `REDACTED` (a `$filter` can hold names and addresses). */
  url: string;
  /** The last response's HTTP status; 0 when none arrived (network failure, timeout, no token). */
  status: number;
  /** Requests sent: 1, plus retries and a resend after an expired token. 0 when nothing was sent. */
  attempts: number;
  /** From the start of the call to its end: token, retries, waits and reading the body included. */
  durationMs: number;
  /** Graph's `request-id` of the last response: the first thing Microsoft support asks for. */
  requestId: string | undefined;
  /** The `client-request-id` sent with every attempt. */
  clientRequestId: string | undefined;
  /** The last response's `Date`: the time support needs with the ids. */
  date: string | undefined;
  /** The last response's `x-ms-ags-diagnostic` (the data centre and server that answered). */
  diagnostic: string | undefined;
  /** Set when the call failed: the GraphError's code (`ServiceUnavailable`, `Timeout`…) or the error's name. */
  errorCode?: string;
}

export type CallEndHook = (report: CallReport) => void;

/** What the pipeline tells telemetry as it goes. */
export interface Progress {
  attempts: number;
  response?: Response;
  clientRequestId?: string;
}

/** One call being watched: run the work inside it (its span active), then end it with the error, if any. */
export interface WatchedCall {
  progress: Progress;
  run<T>(work: () => Promise<T>): Promise<T>;
  end(error?: unknown): void;
}

const OTEL_API = Symbol.for("opentelemetry.js.api.1");
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");
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

/** Nothing to do (no hook, no tracer provider): undefined, and the call goes untouched. */
export function watchCall(onCallEnd: CallEndHook | undefined, operation: Operation, url: string, basePath: string): WatchedCall | undefined {
  const otel = (globalThis as { [OTEL_API]?: OpenTelemetryGlobal })[OTEL_API];
  if (!onCallEnd && !otel?.trace) return undefined;
  const started = performance.now();
  const shownUrl = withoutQueryValues(url);
  const progress: Progress = { attempts: 0 };
  const span = otel?.trace && startSpan(otel, operation, shownUrl, basePath);
  return {
    progress,
    run: (work) => (span && otel.context ? otel.context.with(otel.context.active().setValue(SPAN_KEY, span), work) : work()),
    end(error) {
      const response = progress.response;
      const header = (name: string) => response?.headers.get(name) ?? undefined;
      const status = error instanceof GraphError ? error.status : (response?.status ?? 0);
      const errorCode = error === undefined ? undefined : error instanceof GraphError ? error.code : ((error as Error)?.name ?? "Error");
      const report: CallReport = {
        operationId: operation.operationId,
        method: operation.method,
        url: shownUrl,
        status,
        attempts: progress.attempts,
        durationMs: performance.now() - started,
        requestId: (error instanceof GraphError ? error.requestId : undefined) ?? header("request-id"),
        clientRequestId: progress.clientRequestId,
        date: header("date"),
        diagnostic: header("x-ms-ags-diagnostic"),
        ...(errorCode === undefined ? {} : { errorCode }),
      };
      if (span) endSpan(span, report, error);
      try {
        onCallEnd?.(report);
      } catch {
        // Telemetry never fails a call that succeeded, nor replaces the error of one that did not.
      }
    },
  };
}

/** The URL with each query value replaced by `REDACTED`, as OpenTelemetry's HTTP conventions recommend. */
export function withoutQueryValues(url: string): string {
  const at = url.indexOf("?");
  return at < 0 ? url : url.slice(0, at + 1) + url.slice(at + 1).replace(/=[^&]*/g, "=REDACTED");
}

function startSpan(otel: OpenTelemetryGlobal, operation: Operation, url: string, basePath: string): Span {
  const { hostname, port, protocol } = new URL(url);
  // HTTP client span conventions: "{method} {url.template}", low-cardinality, with the template as an attribute.
  const template = `${basePath.replace(/\/+$/, "")}${operation.template}`;
  return otel.trace!.getTracer("remote-assistance-contract").startSpan(`${operation.method} ${template}`, {
    kind: SPAN_KIND_CLIENT,
    attributes: {
      "http.request.method": operation.method,
      "server.address": hostname,
      "server.port": Number(port) || (protocol === "http:" ? 80 : 443),
      "url.full": url,
      "url.template": template,
      "microsoft.graph.operation_id": operation.operationId,
    },
  });
}

function endSpan(span: Span, report: CallReport, error: unknown): void {
  if (report.status) span.setAttribute("http.response.status_code", report.status);
  if (report.attempts > 1) span.setAttribute("http.request.resend_count", report.attempts - 1);
  if (report.requestId) span.setAttribute("microsoft.graph.request_id", report.requestId);
  if (report.clientRequestId) span.setAttribute("microsoft.graph.client_request_id", report.clientRequestId);
  if (error !== undefined) {
    // An HTTP error is typed by its status; anything else by the client's code for it (Timeout, NetworkError…).
    span.setAttribute("error.type", report.status >= 400 ? String(report.status) : report.errorCode!);
    span.setStatus({ code: STATUS_ERROR, message: (error as Error)?.message });
  }
  span.end();
}
