// When and how long to retry, the way Graph asks (learn.microsoft.com/graph/best-practices-concept#handling-expected-
// errors: 429, 503 and 504, honouring Retry-After), independent of how a request is sent: the retry step replays
// through the rest of the transport.
import { isGraphError } from "../core/errors.js";
import { parseRetryAfter } from "../core/retry-after.js";

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
  /** Called before each wait; for logging. What it throws (or rejects with) is dropped: it never fails the call. */
  onRetry?: (event: { attempt: number; delayMs: number; status?: number; error?: unknown; url: string; method: string }) => void;
}

export type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

export interface RetryPolicy {
  /** Whether this first outcome could be retried at all (cheap, so that most calls skip the machinery). */
  isRetryable(outcome: Outcome): boolean;
  /**
   * Sends again, through `again(attempt)` (attempt 1, 2, …), for as long as the policy allows; returns the final
   * outcome. Waits reject with the signal's reason as soon as it aborts.
   */
  settle(request: { method: string; url: string; signal?: AbortSignal | null }, first: Outcome, again: (attempt: number) => Promise<Response>): Promise<Outcome>;
}

/** The longest delay a timer in Node (and browsers) keeps: 2³¹−1 ms, about 24.8 days. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const RETRYABLE_STATUS = new Set([429, 503, 504]);
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]);

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) throw new RangeError(`retry: maxRetries must be a whole number ≥ 0, got ${maxRetries}`);
  for (const [name, value] of Object.entries({ baseDelayMs, maxDelayMs })) {
    // Node runs a timer longer than 2³¹−1 ms after 1 ms: such a "delay" would retry at once.
    if (typeof value !== "number" || !(value >= 0 && value <= MAX_TIMER_MS)) {
      throw new RangeError(`retry: ${name} must be a number of milliseconds from 0 to ${MAX_TIMER_MS}, got ${value}`);
    }
  }
  if (options.onRetry !== undefined && typeof options.onRetry !== "function") throw new TypeError("retry: onRetry must be a function");

  // A thrown GraphError (no token) means nothing was sent: not a transient failure of the service.
  const isRetryable = (outcome: Outcome) =>
    outcome.response ? RETRYABLE_STATUS.has(outcome.response.status) : !isAbort(outcome.error) && !isGraphError(outcome.error);

  const mayRetry = (method: string, signal: AbortSignal | null | undefined, outcome: Outcome, attempt: number): boolean => {
    if (attempt >= maxRetries || signal?.aborted || !isRetryable(outcome)) return false;
    const idempotent = IDEMPOTENT.has(method) || options.retryNonIdempotent === true;
    // A 429 was refused before any work was done, so even a POST is safe to send again.
    return outcome.response?.status === 429 || idempotent;
  };

  const delayFor = (outcome: Outcome, attempt: number): number | undefined => {
    const asked = outcome.response ? parseRetryAfter(outcome.response.headers.get("retry-after")) : undefined;
    if (asked !== undefined) return asked <= maxDelayMs ? asked : undefined;
    return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  };

  return {
    isRetryable,
    async settle({ method, url, signal }, first, again) {
      let outcome = first;
      for (let attempt = 0; mayRetry(method, signal, outcome, attempt); attempt++) {
        const delayMs = delayFor(outcome, attempt);
        if (delayMs === undefined) break;
        if (options.onRetry) tell(options.onRetry, { attempt: attempt + 1, delayMs, status: outcome.response?.status, error: outcome.error, url, method });
        // Free the connection now rather than when the body is collected.
        await outcome.response?.body?.cancel().catch(() => undefined);
        await sleep(delayMs, signal ?? undefined);
        try {
          outcome = { response: await again(attempt + 1) };
        } catch (error) {
          outcome = { error };
        }
      }
      return outcome;
    },
  };
}

/** A hook never fails the call: what it throws, or its promise rejects with, is dropped. */
function tell<E>(hook: (event: E) => unknown, event: E): void {
  try {
    const pending = hook(event) as unknown;
    if (pending instanceof Promise) pending.catch(() => undefined);
  } catch {
    // dropped: logging must not change the outcome of a call
  }
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "AbortError" || name === "TimeoutError";
}

/** Waits, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
