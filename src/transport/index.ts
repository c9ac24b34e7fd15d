// One transport for every call a client makes, its own methods' and raw's alike: an ordered chain of small named
// steps, composed once when the client is made. Outermost first:
//
//   telemetry → boundary → client-request-id → deadline → interpret → body → retry → token → (redirects, fetch)
//
// so that telemetry sees the outcome the caller gets; the boundary documents and clears every failure; the deadline
// bounds everything inside it; the body is read once, for the final response only; retries replay the token and the
// send; and redirects are judged before anything is sent where they point.
import { mergeHeaders } from "../core/headers.js";
import type { CallEndHook, Exchange, FetchLike, OperationEntry, Received, Step, TokenSource, Tracing } from "../core/shapes.js";
import { bodyStep } from "./body.js";
import { boundaryStep } from "./boundary.js";
import { composeSteps } from "./chain.js";
import { clientRequestIdStep } from "./client-request-id.js";
import { deadlineStep } from "./deadline.js";
import { interpretStep } from "./interpret.js";
import { redirectingSender } from "./redirects.js";
import { retryStep } from "./retry.js";
import type { RetryPolicy } from "./retry-policy.js";
import { telemetryStep } from "./telemetry.js";
import { tokenStep } from "./token.js";

export interface TransportOptions {
  origin: string;
  /** The base URL's path without a trailing slash ("" for a bare origin). */
  basePath: string;
  tokens: TokenSource;
  fetch: FetchLike | undefined;
  retry: RetryPolicy | undefined;
  /** The whole-call bound: the caller's timeoutMs or the default (always one: see ../client/options.ts). */
  timeoutMs: number;
  /** False for the default bound: see ./deadline.ts for why fetch is then not given the signal. */
  timeoutGiven: boolean;
  maxResponseBytes: number;
  /** Headers sent with every request (already checked). */
  headers: Record<string, string> | undefined;
  onCallEnd: CallEndHook | undefined;
  tracing: Tracing | undefined;
}

/** One request as a caller of the transport gives it: already checked (URL built, body serialised, headers valid). */
export interface TransportRequest<T> {
  operation: OperationEntry | undefined;
  method: string;
  url: string;
  body: string | undefined;
  /** Per-call headers; they win over the client's, whatever the case of their names. */
  headers: Record<string, string> | undefined;
  signal: AbortSignal | undefined;
  interpret: (received: Received) => T | Promise<T>;
}

export type Transport = <T>(request: TransportRequest<T>) => Promise<T>;

export function createTransport(options: TransportOptions): Transport {
  const steps = [
    telemetryStep(options.onCallEnd, options.tracing, options.basePath),
    boundaryStep,
    clientRequestIdStep,
    deadlineStep(options.timeoutMs, options.timeoutGiven),
    interpretStep,
    bodyStep(options.maxResponseBytes),
    options.retry && retryStep(options.retry),
    tokenStep(options.tokens),
  ].filter((step): step is Step => step !== undefined);
  const run = composeSteps(steps, redirectingSender(options.fetch, options.origin, options.basePath));
  const clientHeaders = options.headers;
  return <T>({ operation, method, url, body, headers, signal, interpret }: TransportRequest<T>) => {
    const exchange: Exchange<T> = {
      operation,
      method,
      url,
      headers: mergeHeaders(clientHeaders, headers, body === undefined ? undefined : { "Content-Type": "application/json" }),
      body,
      callerSignal: signal,
      signal,
      fetchSignal: signal,
      lazySignal: undefined,
      expired: false,
      clientRequestId: "",
      tokens: new Set(),
      attempts: 0,
      lastResponse: undefined,
      interpret,
    };
    return run(exchange as Exchange) as Promise<T>;
  };
}

