// What a finished call leaves behind for logs and traces: the `onCallEnd` report, and a span from `tracing` (the
// OpenTelemetry adapter in ./opentelemetry.ts, given by default by the root and beta entries). Nothing of either
// runs when neither is there.
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

/** A span for one call, from a `Tracing`: `run` makes it the active one around the work, `end` finishes it. */
export interface CallSpan {
  run<T>(work: () => Promise<T>): Promise<T>;
  end(report: CallReport, error: unknown): void;
}

/**
 * Starts a span for a call about to be made (`url` as called, `basePath` the path of the client's base URL without a
 * trailing slash), or gives undefined when there is nowhere to send it; that answer must be cheap, it comes before
 * every call.
 */
export type Tracing = (operation: Operation, url: string, basePath: string) => CallSpan | undefined;

/** One call being watched: run the work inside it (its span active), then end it with the error, if any. */
export interface WatchedCall {
  progress: Progress;
  run<T>(work: () => Promise<T>): Promise<T>;
  end(error?: unknown): void;
}

/** Nothing to do (no hook, no span): undefined, and the call goes untouched. */
export function watchCall(onCallEnd: CallEndHook | undefined, tracing: Tracing | undefined, operation: Operation, url: string, basePath: string): WatchedCall | undefined {
  const span = quietly(() => tracing?.(operation, url, basePath));
  if (!onCallEnd && !span) return undefined;
  const started = performance.now();
  const shownUrl = withoutQueryValues(url);
  const progress: Progress = { attempts: 0 };
  return {
    progress,
    run: (work) => (span ? span.run(work) : work()),
    end(error) {
      const response = progress.response;
      const header = (name: string) => response?.headers.get(name) ?? undefined;
      const graphError = error instanceof GraphError ? error : undefined;
      const errorCode = error === undefined ? undefined : (graphError?.code ?? (error as Error)?.name ?? "Error");
      const report: CallReport = {
        operationId: operation.operationId,
        method: operation.method,
        url: shownUrl,
        status: graphError ? graphError.status : (response?.status ?? 0),
        attempts: progress.attempts,
        durationMs: performance.now() - started,
        requestId: graphError?.requestId ?? header("request-id"),
        clientRequestId: progress.clientRequestId,
        date: header("date"),
        diagnostic: header("x-ms-ags-diagnostic"),
        ...(errorCode === undefined ? {} : { errorCode }),
      };
      quietly(() => span?.end(report, error));
      // An async hook's rejection is caught too: unhandled, it would end a Node process.
      const pending = quietly(() => onCallEnd?.(report)) as unknown;
      if (pending instanceof Promise) pending.catch(() => undefined);
    },
  };
}

/** Telemetry never fails a call that succeeded, nor replaces the error of one that did not: what it throws is dropped. */
function quietly<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    // dropped: undefined
  }
}

/** The URL with each query value replaced by `REDACTED`, as OpenTelemetry's HTTP conventions recommend. */
export function withoutQueryValues(url: string): string {
  const at = url.indexOf("?");
  return at < 0 ? url : url.slice(0, at + 1) + url.slice(at + 1).replace(/=[^&]*/g, "=REDACTED");
}
