// The shapes every part of a call shares: the operation being made, the exchange the transport's steps pass along,
// what comes back, the credentials and the hooks. A leaf: it imports nothing, so every floor above can use it
// without an import circle (the way Azure's core-rest-pipeline keeps its interfaces.ts).

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One operation of a contract, as its generated manifest describes it to a client (generated/operations.js `clientOperations`). */
export interface OperationEntry {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The path template under the service root, such as `/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  /** The query options it takes, by their wire names (`$select`…). */
  readonly query: readonly string[];
  /** Its request body's precompiled validator; null when it takes none. */
  readonly body: { readonly validator: string } | null;
  readonly success: { readonly kind: "entity" | "page" | "count" | "none"; readonly statuses: readonly number[]; readonly validator: string | null };
}

/** A contract's manifest: its operations by operationId. */
export type OperationManifest = Readonly<Record<string, OperationEntry>>;

export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** What the transport read: the final response and its body, bounded and decoded. */
export interface Received {
  response: Response;
  /** The body as text: at most maxResponseBytes of a success; at most ERROR_BODY_BYTES of an error, secrets redacted. */
  text: string;
  /** Whether reading stopped at the limit (error bodies only: a success past it fails instead). */
  truncated: boolean;
  clientRequestId: string;
}

/**
 * One call on its way through the transport. Built once per call and passed to every step, which may read and set
 * what is its own: the headers of the next attempt, the signal, the tokens sent (to redact), the attempts counted.
 */
export interface Exchange<T = unknown> {
  readonly operation: OperationEntry | undefined;
  method: string;
  url: string;
  /** The headers of every attempt, by the names they are sent with (one entry per name, whatever its case). */
  headers: Record<string, string>;
  /** Serialised JSON, or undefined. */
  body: string | undefined;
  /** The caller's own signal: its abort gives the caller its reason back. */
  readonly callerSignal: AbortSignal | undefined;
  /** What fetch and the waits listen to: the caller's signal joined with the deadline (set by the deadline step). */
  signal: AbortSignal | undefined;
  /** What fetch itself is given: the same, except under the default bound alone (see transport/deadline.ts). */
  fetchSignal: AbortSignal | undefined;
  /** Under the default bound alone: the deadline's signal, made only when something must wait (a token, a retry). */
  lazySignal: (() => AbortSignal) | undefined;
  /** Set when the default bound ran out: nothing more is sent for this call. */
  expired: boolean;
  clientRequestId: string;
  /** Every token sent in this call, to redact from whatever the server says. */
  readonly tokens: Set<string>;
  attempts: number;
  /** The last response received, for telemetry. */
  lastResponse: Response | undefined;
  /** What the caller makes of the final response: the client's checks, or raw's Response. Runs inside the deadline. */
  readonly interpret: (received: Received) => T | Promise<T>;
}

/** The next steps of the chain, as a step sees them. */
export type Next = (exchange: Exchange) => Promise<unknown>;

/** A step of the transport: it does its one job around the rest of the chain (its module and factory name it). */
export interface Step {
  send(exchange: Exchange, next: Next): Promise<unknown>;
}

/** The innermost sends, below the token step: one HTTP request, redirects followed or refused. */
export type Sender = (exchange: Exchange) => Promise<Response>;

/** An access token as `@azure/core-auth` gives it. */
export interface AccessToken {
  token: string;
  /** When the token expires, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
  /** When the issuer suggests getting a new one (managed identity sets it), in milliseconds since the epoch. */
  refreshAfterTimestamp?: number;
}

/**
 * The `@azure/core-auth` credential shape, taken structurally so that this package does not depend on
 * `@azure/identity`: `DefaultAzureCredential`, `ClientSecretCredential`, `ManagedIdentityCredential`… all fit.
 */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

/** Returns an access token for Microsoft Graph; called once per request, so a cache belongs in here. */
export type AccessTokenProvider = (context: { url: string; signal: AbortSignal }) => string | Promise<string>;

/** A signal, or a function that makes one when it is needed (so that a call that never waits makes none). */
export type SignalSource = AbortSignal | (() => AbortSignal) | undefined;

export interface TokenSource {
  /** A token to send to `url`; rejects with the signal's reason once it aborts, with AuthenticationFailed otherwise. */
  get(url: string, signal: SignalSource): Promise<string>;
  /** Forget `token` after the service called it invalid (401 invalid_token); only a cache can do anything about that. */
  drop?(token: string): void;
}

/** One finished call, as `onCallEnd` gets it: what Microsoft support asks for when a call goes wrong, and timings. */
export interface CallReport {
  /** The spec's operationId, such as `updateRemoteAssistancePartner` (`raw` when raw's path is not an operation). */
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

/** A span for one call, from a `Tracing`: `run` makes it the active one around the work, `end` finishes it. */
export interface CallSpan {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** `message` is the failure's message, redacted like everything else that leaves the client. */
  end(report: CallReport, error: unknown, message: string | undefined): void;
}

/** What a span is told of the call it traces, before it starts. */
export interface TracedCall {
  operationId: string;
  method: string;
  /** The URL with query values redacted. */
  url: string;
  /** The route: the base path and the operation's path template, such as `/v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}`. */
  template: string;
}

/** Starts a span for a call about to be made, or gives undefined when there is nowhere to send it (cheaply: it runs before every call). */
export type Tracing = (call: TracedCall) => CallSpan | undefined;
