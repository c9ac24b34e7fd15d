// How the high-level client sends a request: straight to fetch(url, init), with the token and retries added here
// (the caller sets client-request-id, which every attempt repeats). openapi-fetch builds a Request per call and the
// retry middleware clones it to be able to replay it; measured on loopback, those two objects cost about a third of
// a PATCH. A string body and a plain init can be replayed as they are, so this path builds neither. The `raw` client keeps openapi-fetch and its
// middleware, with the same retry policy and token handling.
import { GraphError } from "./errors.js";
import { requestToken, type AccessTokenProvider } from "./middleware/bearer-auth.js";
import type { Outcome, RetryPolicy } from "./retry-policy.js";

export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  fetch: FetchLike | undefined;
  getAccessToken: AccessTokenProvider;
  retry: RetryPolicy | undefined;
  headers: Record<string, string> | undefined;
}

export interface Send {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  /** Already serialised JSON. */
  body?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export type Transport = (send: Send) => Promise<Response>;

const NEVER_ABORTS = new AbortController().signal;

export function createTransport({ fetch, getAccessToken, retry, headers: clientHeaders }: TransportOptions): Transport {
  // globalThis.fetch is looked up at each send, not captured now: test tools (msw, nock) patch it after clients are made.
  const send: FetchLike = fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async ({ method, url, body, headers: callHeaders, signal }) => {
    const headers: Record<string, string> = { ...clientHeaders, ...callHeaders };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const attempt = async (n: number) => {
      // A token per attempt: a long Retry-After can outlive the first one.
      const token = await requestToken(getAccessToken, url, signal ?? NEVER_ABORTS);
      const attemptHeaders: Record<string, string> = { ...headers, Authorization: `Bearer ${token}` };
      if (n > 0) attemptHeaders["Retry-Attempt"] = String(n);
      return send(url, { method, headers: attemptHeaders, body, signal, redirect: "follow" });
    };
    let outcome: Outcome;
    try {
      outcome = { response: await attempt(0) };
    } catch (error) {
      if (error instanceof GraphError) throw error; // no token: nothing was sent, nothing to retry
      outcome = { error };
    }
    if (retry && retry.isRetryable(outcome)) outcome = await retry.settle({ method, url, signal }, outcome, attempt);
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.response!;
  };
}
