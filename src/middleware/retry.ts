import type { Middleware } from "openapi-fetch";
import { parseRetryAfter } from "../errors.js";

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** First backoff step when the service gives no Retry-After; doubles each retry, with full jitter. Default 500. */
  baseDelayMs?: number;
  /**
   * The longest single wait. A Retry-After longer than this is not retried (waiting less than the service asked only
   * earns another 429); the response goes back to the caller, whose GraphError carries retryAfterMs. Default 30 000.
   */
  maxDelayMs?: number;
  /** Also retry POST (create and the actions) on 503, 504 and network errors. Off: they may have been processed. */
  retryNonIdempotent?: boolean;
  /** Called before each wait; for logging. */
  onRetry?: (event: { attempt: number; delayMs: number; status?: number; error?: unknown; url: string; method: string }) => void;
}

const RETRYABLE_STATUS = new Set([429, 503, 504]);
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]);

type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

/**
 * openapi-fetch middleware that retries the way Graph asks: 429, 503 and 504 only; honouring Retry-After (seconds
 * or an HTTP date), else exponential backoff with jitter; stopping at the request's AbortSignal. Every attempt
 * carries the same `client-request-id` (a UUID, unless the caller set one) and retries carry `Retry-Attempt`.
 * Register it last, so that the request it replays is the one the other middleware finished.
 */
export function retry(options: RetryOptions = {}): Middleware {
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  for (const [name, value] of Object.entries({ maxRetries, baseDelayMs, maxDelayMs })) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry: ${name} must be a number ≥ 0, got ${value}`);
  }
  // The untouched copy of each request, to replay; keyed by the request itself so nothing outlives it.
  const replayable = new WeakMap<Request, Request>();

  const mayRetry = (request: Request, outcome: Outcome, attempt: number): boolean => {
    if (attempt >= maxRetries || request.signal.aborted) return false;
    const idempotent = IDEMPOTENT.has(request.method) || options.retryNonIdempotent === true;
    if (outcome.response) {
      const { status } = outcome.response;
      // A 429 was refused before any work was done, so even a POST is safe to send again.
      return status === 429 || (RETRYABLE_STATUS.has(status) && idempotent);
    }
    return idempotent && !isAbort(outcome.error);
  };

  const delayFor = (outcome: Outcome, attempt: number): number | undefined => {
    const asked = outcome.response ? parseRetryAfter(outcome.response.headers.get("retry-after")) : undefined;
    if (asked !== undefined) return asked <= maxDelayMs ? asked : undefined;
    return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  };

  async function settle(request: Request, first: Outcome, fetchAgain: (r: Request) => Promise<Response>): Promise<Outcome> {
    const original = replayable.get(request);
    let outcome = first;
    for (let attempt = 0; original && mayRetry(request, outcome, attempt); attempt++) {
      const delayMs = delayFor(outcome, attempt);
      if (delayMs === undefined) break;
      options.onRetry?.({ attempt: attempt + 1, delayMs, status: outcome.response?.status, error: outcome.error, url: request.url, method: request.method });
      // Free the connection now rather than when the body is collected.
      await outcome.response?.body?.cancel().catch(() => undefined);
      await sleep(delayMs, request.signal);
      const next = original.clone();
      next.headers.set("Retry-Attempt", String(attempt + 1));
      try {
        outcome = { response: await fetchAgain(next) };
      } catch (error) {
        outcome = { error };
      }
    }
    replayable.delete(request);
    return outcome;
  }

  return {
    onRequest({ request }) {
      if (!request.headers.has("client-request-id")) request.headers.set("client-request-id", crypto.randomUUID());
      replayable.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response, options: { fetch } }) {
      if (!RETRYABLE_STATUS.has(response.status)) {
        replayable.delete(request);
        return response;
      }
      const outcome = await settle(request, { response }, fetch);
      if (outcome.response) return outcome.response;
      throw outcome.error;
    },
    async onError({ request, error, options: { fetch } }) {
      const outcome = await settle(request, { error }, fetch);
      return outcome.response ?? (outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error), { cause: outcome.error }));
    },
  };
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "AbortError" || name === "TimeoutError";
}

/** Waits, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
