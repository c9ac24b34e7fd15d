// The errors every entry's client throws, defined once (each entry imports this one module, so `instanceof` works
// whichever entry the class came from), with brand-based guards that work across copies and realms too (two
// installed versions, a worker), as ky's `isHTTPError` does. GraphError covers everything that went wrong talking to
// the service; ContractViolationError a body that breaks the contract, before sending or after receiving.
import { withoutQueryValues } from "./redact.js";
import type { ValidationError } from "./validator.js";

/**
 * `code` is Graph's own error code for an OData error body; for failures without one it is one of these.
 */
export type GraphErrorLocalCode =
  | "UnknownError" // an HTTP error whose body is not an OData error (text/plain, HTML, empty)
  | "NetworkError" // the connection failed or was reset; status is 0, `cause` has the original error
  | "Timeout" // the client's timeoutMs (or the default whole-call bound) elapsed, retries included; status is 0
  | "InvalidResponse" // a success whose body is not what it must be (invalid JSON, not an object, a page item that is not one, a bad count)
  | "AuthenticationFailed" // getAccessToken or the credential failed, gave no token or one that cannot be sent; nothing was sent
  | "ResponseTooLarge" // the body went past maxResponseBytes (decoded bytes); reading stopped
  | "RedirectRefused"; // a redirect to another origin or out of the base path (or too many); nothing was sent there

/** The client's own codes, or any code Graph sends. */
export type GraphErrorCode = GraphErrorLocalCode | (string & {});

/** The call an error came from: enough to find it in logs, with nothing secret (query values are redacted). */
export interface FailedCall {
  /** The spec's operationId; `raw` for a raw call whose path is not one of the contract's operations. */
  operationId: string;
  method: string;
  /** The URL called, each query value replaced by `REDACTED`. */
  url: string;
}

/** The call an error names: its URL's query values redacted (a `$filter` can hold names and addresses). */
export const failedCall = (operationId: string, method: string, url: string): FailedCall => ({ operationId, method, url: withoutQueryValues(url) });

export interface GraphErrorInit {
  status: number;
  code: GraphErrorCode;
  message: string;
  requestId?: string | undefined;
  clientRequestId?: string | undefined;
  date?: string | undefined;
  retryAfterMs?: number | undefined;
  body?: unknown;
  cause?: unknown;
  call?: FailedCall | undefined;
}

// Symbol.for: one key for every copy of this package in a process, so the guards see errors from all of them.
const GRAPH_ERROR = Symbol.for("remote-assistance-contract.GraphError");
const CONTRACT_VIOLATION = Symbol.for("remote-assistance-contract.ContractViolationError");

export class GraphError extends Error {
  override readonly name = "GraphError";
  /** The HTTP status, or 0 when no response arrived (network failure, timeout). */
  readonly status: number;
  readonly code: GraphErrorCode;
  /** Graph's `request-id` (from innerError or the response header): quote it to Microsoft support. */
  readonly requestId: string | undefined;
  /** The `client-request-id` sent (kept across retries) or echoed by the service. */
  readonly clientRequestId: string | undefined;
  readonly date: string | undefined;
  /** The wait the service asked for with `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The parsed OData envelope; otherwise the body as text (at most ERROR_BODY_BYTES of it), secrets redacted. */
  readonly body: unknown;
  /** The call that failed: operationId, method and URL (query values redacted). Undefined only for errors built by hand. */
  call: FailedCall | undefined;

  constructor(init: GraphErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body;
    this.call = init.call;
    Object.defineProperty(this, GRAPH_ERROR, { value: true });
  }

  toJSON() {
    const { name, status, code, message, requestId, clientRequestId, date, retryAfterMs, body, call } = this;
    return { name, status, code, message, requestId, clientRequestId, date, retryAfterMs, body, call };
  }
}

/** A request body refused before sending, or a response that breaks the contract. `errors` name each path. */
export class ContractViolationError extends Error {
  override readonly name = "ContractViolationError";
  /** The call it came from, when it came from a call. */
  call: FailedCall | undefined;
  constructor(
    readonly direction: "request" | "response",
    readonly errors: ValidationError[],
    what: string,
    /** For a response: its HTTP status. */
    readonly status?: number,
  ) {
    const listed = errors.map((e) => `${e.path || "(body)"} ${e.message}`).join("; ");
    super(`${what} breaks the contract: ${listed}`);
    this.call = undefined;
    Object.defineProperty(this, CONTRACT_VIOLATION, { value: true });
  }
}

const branded = (value: unknown, brand: symbol) => typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;

/** True for a GraphError from any copy of this package, in any realm. */
export const isGraphError = (value: unknown): value is GraphError => branded(value, GRAPH_ERROR);

/** True for a ContractViolationError from any copy of this package, in any realm. */
export const isContractViolationError = (value: unknown): value is ContractViolationError => branded(value, CONTRACT_VIOLATION);

/** The most of an error body kept in GraphError.body (and read at all): OData errors are a few hundred bytes. */
export const ERROR_BODY_BYTES = 64 * 1024;
