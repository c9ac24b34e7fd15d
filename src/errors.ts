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
  | "InvalidResponse" // a success whose body is not what it must be (invalid JSON, not an object, a bad count, a nextLink cycle)
  | "AuthenticationFailed" // getAccessToken threw, gave no token or one that cannot be sent; nothing was sent
  | "ResponseTooLarge" // the body went past maxResponseBytes; reading stopped
  | "RedirectRefused"; // a redirect to another origin (or too many); nothing was sent there

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
  /** The parsed OData envelope; otherwise the body as text (at most ERROR_BODY_BYTES of it), secrets redacted. */
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

/** The most of an error body kept in GraphError.body (and read at all): OData errors are a few hundred bytes. */
export const ERROR_BODY_BYTES = 64 * 1024;
/** The most of a non-OData error body quoted in the message. */
const QUOTED_CHARS = 200;

/**
 * Builds the GraphError for an HTTP error response from its body text, already bounded (`truncated` when reading
 * stopped at ERROR_BODY_BYTES) and cleared of secrets. An OData envelope gives Graph's code and message; anything
 * else (HTML, plain text, JSON of another shape) is quoted at the start of the message and kept as text in `body`.
 */
export function graphErrorFromResponse(response: Response, text: string, clientRequestId: string, truncated: boolean): GraphError {
  let parsed: unknown;
  if (!truncated && /\bjson\b/i.test(response.headers.get("content-type") ?? "")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON after all: the error keeps the text.
    }
  }
  const envelope = isODataError(parsed) ? parsed : undefined;
  const inner = envelope?.error.innerError;
  const quoted = text.trim();
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  const quote = quoted.length > QUOTED_CHARS || truncated ? `${quoted.slice(0, QUOTED_CHARS)}…` : quoted;
  return new GraphError({
    status: response.status,
    code: envelope?.error.code ?? "UnknownError",
    message: envelope?.error.message ?? `${status}: ${quoted ? quote : "(empty body)"}`,
    requestId: inner?.["request-id"] ?? response.headers.get("request-id") ?? undefined,
    clientRequestId: inner?.["client-request-id"] ?? response.headers.get("client-request-id") ?? clientRequestId,
    date: inner?.date ?? response.headers.get("date") ?? undefined,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    body: envelope ?? (quoted || undefined),
  });
}

function isODataError(value: unknown): value is ODataError {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error === "object" && error !== null && typeof error.code === "string" && typeof error.message === "string";
}

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d{2}:\\d{2}:\\d{2}";
/** RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept. */
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds from now: delta-seconds (digits only) or an HTTP-date. Anything
 * else (`-1`, `1.5`, `soon`, an ISO date) is treated as absent, so that the caller falls back to its own backoff;
 * Date.parse alone would read `-1` as a date in 2001, a wait of zero.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const at = Date.parse(/GMT$/.test(trimmed) ? trimmed : `${trimmed} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
