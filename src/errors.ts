// The errors the high-level client throws. GraphError covers everything that went wrong talking to the service
// (HTTP errors, network failures, timeouts, unreadable bodies); ContractViolationError covers a body that breaks the
// contract, caught by the optional validation before sending or after receiving.
import type { ODataError } from "./types.js";
import type { ValidationError } from "./validation.js";

/**
 * `code` is Graph's own error code for an OData error body; for failures without one it is one of these.
 */
export type GraphErrorLocalCode =
  | "UnknownError" // an HTTP error whose body is not an OData error (text/plain, HTML, empty)
  | "NetworkError" // the connection failed or was reset; status is 0, `cause` has the original error
  | "Timeout" // the client's timeoutMs elapsed, retries included; status is 0
  | "InvalidResponse" // a success whose body is not what its content type says (invalid JSON, a bad count)
  | "AuthenticationFailed"; // getAccessToken threw or gave no token; nothing was sent

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | undefined;
  clientRequestId?: string | undefined;
  date?: string | undefined;
  retryAfterMs?: number | undefined;
  body?: unknown;
  cause?: unknown;
}

export class GraphError extends Error {
  override readonly name = "GraphError";
  /** The HTTP status, or 0 when no response arrived (network failure, timeout). */
  readonly status: number;
  readonly code: string;
  /** Graph's `request-id` (from innerError or the response header): quote it to Microsoft support. */
  readonly requestId: string | undefined;
  /** The `client-request-id` sent (kept across retries) or echoed by the service. */
  readonly clientRequestId: string | undefined;
  readonly date: string | undefined;
  /** The wait the service asked for with `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The whole parsed error body: the OData envelope, or the text when it was not JSON. */
  readonly body: ODataError | string | undefined;

  constructor(init: GraphErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body as ODataError | string | undefined;
  }

  toJSON() {
    const { name, status, code, message, requestId, clientRequestId, date, retryAfterMs, body } = this;
    return { name, status, code, message, requestId, clientRequestId, date, retryAfterMs, body };
  }
}

/** A request body refused before sending, or a response that breaks the contract. `errors` name each path. */
export class ContractViolationError extends Error {
  override readonly name = "ContractViolationError";
  constructor(
    readonly direction: "request" | "response",
    readonly errors: ValidationError[],
    what: string,
    /** For a response: its HTTP status. */
    readonly status?: number,
  ) {
    const listed = errors.map((e) => `${e.path || "(body)"} ${e.message}`).join("; ");
    super(`${what} breaks the contract: ${listed}`);
  }
}

/** Builds the GraphError for an HTTP error response whose body has already been read (and parsed if JSON). */
export function graphErrorFromResponse(response: Response, body: unknown, sentClientRequestId?: string | null): GraphError {
  const envelope = isODataError(body) ? body : undefined;
  const inner = envelope?.error.innerError;
  const text = typeof body === "string" ? body.trim() : "";
  return new GraphError({
    status: response.status,
    code: envelope?.error.code ?? "UnknownError",
    message:
      envelope?.error.message ??
      `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}: ${text ? text.slice(0, 200) : "(empty body)"}`,
    requestId: inner?.["request-id"] ?? response.headers.get("request-id") ?? undefined,
    clientRequestId: inner?.["client-request-id"] ?? response.headers.get("client-request-id") ?? sentClientRequestId ?? undefined,
    date: inner?.date ?? response.headers.get("date") ?? undefined,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    body: envelope ?? (text || undefined),
  });
}

function isODataError(value: unknown): value is ODataError {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error === "object" && error !== null && typeof error.code === "string" && typeof error.message === "string";
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
