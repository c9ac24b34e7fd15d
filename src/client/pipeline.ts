// How the high-level client makes one call, every step in one place: headers checked, one deadline (the caller's
// signal and timeoutMs) over the token wait, the sending, the retries and the reading of the body; a token per
// attempt (and one resend with a new token after a 401 invalid_token); redirects only within the origin; the body
// read within maxResponseBytes; every failure a documented error that carries the client-request-id and never the
// token; what happened told to telemetry as it goes.
//
// It sends straight to fetch(url, init) with a string body: openapi-fetch's Request per call and the retry
// middleware's clones cost about a third of a PATCH on loopback, and a plain init can be replayed as it is. `raw`
// keeps openapi-fetch and its middleware, with the same retry policy and token rules.
import { ContractViolationError, ERROR_BODY_BYTES, GraphError, graphErrorFromResponse } from "../errors.js";
import type { Outcome } from "../retry-policy.js";
import { readBody } from "./body.js";
import { withDeadline } from "./deadline.js";
import { assertHeaders, isAuthorization } from "./headers.js";
import type { FetchLike, ResolvedOptions } from "./options.js";
import { sendFollowingSameOrigin } from "./redirects.js";
import type { Progress } from "./telemetry.js";

export interface CallRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  /** Already serialised JSON. */
  body?: string;
  /** The caller's per-call headers, not yet checked. */
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  /** Filled in for telemetry: attempts, the last response, the client-request-id. */
  progress?: Progress | undefined;
}

/** What a successful call received: the body's text, the response, the client-request-id. */
export interface Received {
  text: string;
  /** Whether the content-type says JSON (the text may still be empty, or not JSON at all). */
  json: boolean;
  response: Response;
  clientRequestId: string;
}

export type Pipeline = (request: CallRequest) => Promise<Received>;

export function createPipeline(options: ResolvedOptions): Pipeline {
  // globalThis.fetch is looked up at each send, not captured now: test tools (msw, nock) patch it after clients are made.
  const send: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async ({ method, url, body, headers: callHeaders, signal: callerSignal, progress = { attempts: 0 } }) => {
    const { headers, clientRequestId } = requestHeaders(options.headers, callHeaders, body !== undefined);
    progress.clientRequestId = clientRequestId;
    const tokens = new Set<string>(); // every token this call sent, to redact from what the server says
    const deadline = withDeadline(callerSignal, options.timeoutMs);
    const signal = deadline.signal;
    let resentForToken = false;
    const attempt = async (n: number): Promise<Response> => {
      // A token per attempt: a long Retry-After can outlive the first one. The headers object is this call's own and
      // fetch copies it when called, so each attempt can set its token and count in place.
      const token = await options.tokens.get(url, signal);
      tokens.add(token);
      headers.Authorization = `Bearer ${token}`;
      if (n > 0) headers["Retry-Attempt"] = String(n);
      progress.attempts++;
      const response = (progress.response = await sendFollowingSameOrigin(send, url, { method, headers, body, signal }, clientRequestId));
      // The service says the cached token is no good (revoked, or the clock was wrong): once, drop it and resend.
      if (response.status === 401 && options.tokens.drop && !resentForToken && /invalid_token/i.test(response.headers.get("www-authenticate") ?? "")) {
        resentForToken = true;
        options.tokens.drop(token);
        await response.body?.cancel().catch(() => undefined);
        return attempt(n);
      }
      return response;
    };
    let response: Response;
    let read: { text: string; truncated: boolean };
    try {
      let outcome: Outcome;
      try {
        outcome = { response: await attempt(0) };
      } catch (error) {
        outcome = { error }; // a GraphError (no token, a redirect refused) is not retryable: the policy says so
      }
      if (options.retry?.isRetryable(outcome)) outcome = await options.retry.settle({ method, url, signal }, outcome, attempt);
      // Tested by the response, not the error: fetch may reject with undefined itself.
      if (!outcome.response) throw outcome.error;
      response = outcome.response;
      read = await readBody(response, {
        // An error body is only quoted: its first ERROR_BODY_BYTES are plenty, the rest is not read.
        limit: response.ok ? options.maxResponseBytes : Math.min(options.maxResponseBytes, ERROR_BODY_BYTES),
        truncate: !response.ok,
        clientRequestId,
      });
    } catch (cause) {
      throw failure(cause, callerSignal, clientRequestId);
    } finally {
      deadline.release();
    }
    // A server may echo the token (in a 401 body, say): no error the client builds repeats it.
    if (!response.ok) throw graphErrorFromResponse(response, redact(read.text, tokens), clientRequestId, read.truncated);
    const json = /\bjson\b/i.test(response.headers.get("content-type") ?? "");
    return { text: read.text, json, response, clientRequestId };
  };
}

/** The headers of every attempt, and the client-request-id they carry (the caller's, in any case, or a new UUID). */
function requestHeaders(clientHeaders: Record<string, string> | undefined, callHeaders: unknown, hasBody: boolean) {
  assertHeaders(callHeaders, "headers");
  let given: string | undefined;
  for (const name in callHeaders) {
    if (isAuthorization(name)) throw new TypeError(`headers: ${name} is not allowed; the client sends the token itself`);
    if (name.toLowerCase() === "client-request-id") given = callHeaders[name];
  }
  const clientRequestId = given ?? crypto.randomUUID();
  const headers: Record<string, string> = { ...clientHeaders, ...callHeaders };
  if (given === undefined) headers["client-request-id"] = clientRequestId;
  if (hasBody) headers["Content-Type"] = "application/json";
  return { headers, clientRequestId };
}

/** A thrown fetch, token wait or body read, turned into what the client documents. */
function failure(cause: unknown, callerSignal: AbortSignal | undefined, clientRequestId: string): unknown {
  if (callerSignal?.aborted) return callerSignal.reason; // the caller's own abort: give them their reason back
  if (cause instanceof GraphError || cause instanceof ContractViolationError) return cause;
  if ((cause as { name?: unknown } | null)?.name === "TimeoutError") {
    return new GraphError({ status: 0, code: "Timeout", message: "The request timed out (timeoutMs elapsed, retries included)", clientRequestId, cause });
  }
  // undici says "fetch failed" and puts the reason (ECONNRESET, ECONNREFUSED, …) in its cause.
  const detail = (cause as { cause?: { code?: string; message?: string } })?.cause;
  const reason = detail?.code ?? detail?.message ?? (cause as Error)?.message ?? String(cause);
  return new GraphError({ status: 0, code: "NetworkError", message: `The connection failed: ${reason}`, clientRequestId, cause });
}

/** `text` with every token (as sent, and as JSON would escape it) replaced by `[redacted]`. */
export function redact(text: string, tokens: Iterable<string>): string {
  let clean = text;
  for (const token of tokens) {
    clean = clean.replaceAll(token, "[redacted]");
    const escaped = JSON.stringify(token).slice(1, -1);
    if (escaped !== token) clean = clean.replaceAll(escaped, "[redacted]");
  }
  return clean;
}
