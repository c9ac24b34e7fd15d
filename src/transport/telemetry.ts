// The telemetry step, outermost: what a finished call leaves behind for logs and traces, the `onCallEnd` report and
// a span from `tracing` (./opentelemetry.ts by default in the root and beta entries). It sees the call's final
// outcome as the caller will (errors already documented and cleared by the boundary inside it), and reports headers
// the server chose only cleared of the call's tokens and neutralised. A hook or a tracer never fails a call.
import { failedCall, isGraphError, type FailedCall } from "../core/errors.js";
import { callCleaner } from "../core/redact.js";
import { serverString } from "../core/server-text.js";
import type { CallEndHook, CallReport, CallSpan, Exchange, Step, Tracing } from "../core/shapes.js";

/** The step, or undefined when there is nothing to tell (no hook, no tracing): a call then skips it entirely. */
export function telemetryStep(onCallEnd: CallEndHook | undefined, tracing: Tracing | undefined, basePath: string): Step | undefined {
  if (!onCallEnd && !tracing) return undefined;
  return {
    async send(exchange, next) {
      // What the call is, worked out once for the span and the report.
      const call = failedCall(exchange.operation?.operationId ?? "raw", exchange.method, exchange.url);
      const template = exchange.operation ? `${basePath}${exchange.operation.path}` : new URL(exchange.url).pathname;
      const span = quietly(() => tracing?.({ ...call, template }));
      if (!onCallEnd && !span) return next(exchange);
      const started = performance.now();
      try {
        const result = await (span ? runInSpan(span, () => next(exchange)) : next(exchange));
        finish(exchange, call, started, undefined, onCallEnd, span);
        return result;
      } catch (error) {
        finish(exchange, call, started, error, onCallEnd, span);
        throw error;
      }
    },
  };
}

/**
 * The work inside the span, run once whatever the span does: a span whose `run` throws or rejects without running
 * it, or after it, does not change the call's outcome.
 */
async function runInSpan(span: CallSpan, run: () => Promise<unknown>): Promise<unknown> {
  let work: Promise<unknown> | undefined;
  const once = () => (work ??= run());
  try {
    await span.run(once);
  } catch {
    // the span's own failure is dropped; the work's own failure comes from `work` below
  }
  return once();
}

function finish(exchange: Exchange, call: FailedCall, started: number, error: unknown, onCallEnd: CallEndHook | undefined, span: ReturnType<Tracing>): void {
  const clean = callCleaner(exchange.tokens, exchange.url);
  const report = reportOf(exchange, call, started, error, clean);
  // Only an error's message: an abort reason that is not an Error (a string, null) says nothing a span should keep.
  const message = isGraphError(error) || error instanceof Error ? error.message : undefined;
  quietly(() => span?.end(report, error, message === undefined ? undefined : clean(message)));
  // An async hook's rejection is caught too: unhandled, it would end a Node process.
  const pending = quietly(() => onCallEnd?.(report)) as unknown;
  if (pending instanceof Promise) pending.catch(() => undefined);
}

function reportOf(exchange: Exchange, call: FailedCall, started: number, error: unknown, clean: (text: string) => string): CallReport {
  const response = exchange.lastResponse;
  // Headers are the server's words: cleared like errors (tokens, query values), controls escaped, capped.
  const header = (name: string) => {
    const value = serverString(response?.headers.get(name) ?? undefined, 200);
    return value === undefined ? undefined : clean(value);
  };
  const graphError = isGraphError(error) ? error : undefined;
  const errorCode = error === undefined ? undefined : (graphError?.code ?? (error as Error | null)?.name ?? "Error");
  return {
    ...call,
    status: graphError ? graphError.status : (response?.status ?? 0),
    attempts: exchange.attempts,
    durationMs: performance.now() - started,
    requestId: graphError?.requestId ?? header("request-id"),
    clientRequestId: exchange.clientRequestId || undefined,
    date: header("date"),
    diagnostic: header("x-ms-ags-diagnostic"),
    ...(errorCode === undefined ? {} : { errorCode: typeof errorCode === "string" ? errorCode : "Error" }),
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
