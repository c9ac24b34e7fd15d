// The boundary step: everything a call throws leaves through here, as what the client documents. A thrown fetch,
// token wait or body read becomes a GraphError (NetworkError, Timeout); the caller's own abort gives the caller its
// reason back, untouched. Every GraphError and ContractViolationError is told which call it came from, and is cleared
// of the call's tokens and free-text query values in every field a server could have filled (message, code, ids,
// date, body, cause, stack), with control and bidi characters neutralised.
import { failedCall, GraphError, isContractViolationError, isGraphError } from "../core/errors.js";
import { callCleaner } from "../core/redact.js";
import { neutralise, serverString } from "../core/server-text.js";
import type { Exchange, Step } from "../core/shapes.js";
import { InterpretFailure } from "./interpret.js";

export const boundaryStep: Step = {
  async send(exchange, next) {
    try {
      return await next(exchange);
    } catch (cause) {
      // The caller's own abort: their reason, as they gave it.
      if (exchange.callerSignal?.aborted) throw exchange.callerSignal.reason;
      throw cleaned(cause instanceof InterpretFailure ? cause.error : asDocumented(cause, exchange), exchange);
    }
  },
};

/** A failure of sending or reading (anything but a GraphError or ContractViolationError) as a GraphError. */
function asDocumented(cause: unknown, exchange: Exchange): unknown {
  if (isGraphError(cause) || isContractViolationError(cause)) return cause;
  const clientRequestId = exchange.clientRequestId;
  if ((cause as { name?: unknown } | null)?.name === "TimeoutError") {
    return new GraphError({ status: 0, code: "Timeout", message: "The request timed out (timeoutMs elapsed, retries included)", clientRequestId, cause });
  }
  // undici says "fetch failed" and puts the reason (ECONNRESET, ECONNREFUSED, …) in its cause.
  const detail = (cause as { cause?: { code?: string; message?: string } } | null)?.cause;
  const reason = detail?.code ?? detail?.message ?? (cause as Error | null)?.message ?? String(cause);
  return new GraphError({ status: 0, code: "NetworkError", message: `The connection failed: ${reason}`, clientRequestId, cause });
}

/** The error with the call named and every field cleared: a new error where anything had to change. */
export function cleaned(error: unknown, exchange: Exchange): unknown {
  if (!isGraphError(error) && !isContractViolationError(error)) return error;
  const clean = callCleaner(exchange.tokens, exchange.url);
  const call = failedCall(exchange.operation?.operationId ?? "raw", exchange.method, exchange.url);
  if (isContractViolationError(error)) {
    error.call ??= call;
    return error;
  }
  const field = (value: unknown, max?: number) => {
    const text = serverString(value, max);
    return text === undefined ? undefined : clean(text);
  };
  const rebuilt = new GraphError({
    status: error.status,
    code: clean(neutralise(error.code, 200)),
    message: clean(neutralise(error.message)),
    requestId: field(error.requestId, 200),
    clientRequestId: field(error.clientRequestId, 200),
    date: field(error.date, 200),
    retryAfterMs: error.retryAfterMs,
    body: cleanDeep(error.body, clean),
    cause: cleanCause(error.cause, clean),
    call: error.call ?? call,
  });
  // The frames of where it was thrown, under the cleared first line (the original's repeats the message).
  const frames = error.stack?.split("\n").filter((line) => line.startsWith("    at ")) ?? [];
  rebuilt.stack = [`GraphError: ${rebuilt.message}`, ...frames].join("\n");
  return rebuilt;
}

/** Strings of a parsed body cleared, its shape kept. */
function cleanDeep(value: unknown, clean: (text: string) => string): unknown {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, clean));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v, clean)]));
}

/** The cause as it was, unless its message held a secret: then an Error of the same name with the message cleared. */
function cleanCause(cause: unknown, clean: (text: string) => string): unknown {
  const message = (cause as { message?: unknown } | null)?.message;
  if (typeof message !== "string" || clean(message) === message) return cause;
  const copy = new Error(clean(message));
  copy.name = (cause as Error).name;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

