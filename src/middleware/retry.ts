import type { Middleware } from "openapi-fetch";
import { retryPolicy, type Outcome, type RetryOptions } from "../retry-policy.js";

export type { RetryOptions } from "../retry-policy.js";

/**
 * openapi-fetch middleware that retries the way Graph asks: 429, 503 and 504 only; honouring Retry-After (seconds
 * or an HTTP date), else exponential backoff with jitter; stopping at the request's AbortSignal. Every attempt
 * carries the same `client-request-id` (a UUID, unless the caller set one) and retries carry `Retry-Attempt`.
 * Register it last, so that the request it replays is the one the other middleware finished.
 */
export function retry(options: RetryOptions = {}): Middleware {
  const policy = retryPolicy(options);
  // The untouched copy of each request, to replay; keyed by the request itself so nothing outlives it.
  const replayable = new WeakMap<Request, Request>();

  const settle = async (request: Request, first: Outcome, fetch: (r: Request) => Promise<Response>): Promise<Outcome> => {
    const original = replayable.get(request);
    replayable.delete(request);
    if (!original) return first;
    return policy.settle(request, first, (attempt) => {
      const next = original.clone();
      next.headers.set("Retry-Attempt", String(attempt));
      return fetch(next);
    });
  };

  return {
    onRequest({ request }) {
      if (!request.headers.has("client-request-id")) request.headers.set("client-request-id", crypto.randomUUID());
      replayable.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response, options: { fetch } }) {
      if (!policy.isRetryable({ response })) {
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
