// The high-level client: one method per operation, each resolving to the typed result or throwing GraphError.
// Its methods send through ./transport.ts (fetch with a plain init, cheap to replay); `raw` is the openapi-fetch
// client of the generated `paths`, with the same auth and retry policy as middleware.
import createClient, { createQuerySerializer, type Client } from "openapi-fetch";
import { ContractViolationError, GraphError, graphErrorFromResponse } from "./errors.js";
import { bearerAuth, type AccessTokenProvider } from "./middleware/bearer-auth.js";
import { retry as retryMiddleware } from "./middleware/retry.js";
import { retryPolicy, type RetryOptions } from "./retry-policy.js";
import { createTransport, type FetchLike, type Send } from "./transport.js";
import { assertPartnerId } from "./partner-id.js";
import type {
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  operations,
  paths,
} from "./types.js";
import type { ValidationResult } from "./validation.js";

export const DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";

export type ValidationMode = "off" | "request" | "response" | "both";

export interface RemoteAssistanceClientOptions {
  /** Default `https://graph.microsoft.com/v1.0`. */
  baseUrl?: string;
  /** Called for every request (retries included); cache tokens inside it. The token only goes to baseUrl's origin. */
  getAccessToken: AccessTokenProvider;
  /** Default `globalThis.fetch`, looked up at each call. */
  fetch?: FetchLike;
  /** Retry options, or `false` for none. Default: 3 retries of 429, 503 and 504. */
  retry?: RetryOptions | false;
  /** The longest a call may take, retries and waits included, in milliseconds. Default: no limit. */
  timeoutMs?: number;
  /** Validate bodies against the contract: before sending (`request`), on receipt (`response`), or `both`. Default `off`. */
  validate?: ValidationMode;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export interface CallOptions {
  /** Aborts the call, retries and waits included; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export type ListQuery = NonNullable<operations["listRemoteAssistancePartners"]["parameters"]["query"]>;
export type CountQuery = NonNullable<operations["countRemoteAssistancePartners"]["parameters"]["query"]>;
export type GetQuery = NonNullable<operations["getRemoteAssistancePartner"]["parameters"]["query"]>;

export interface ListAllOptions extends CallOptions {
  /** Stop with an error rather than follow more than this many pages. Default 1000. */
  maxPages?: number;
}

export interface RemoteAssistanceClient {
  /** One page; follow `@odata.nextLink` yourself, or use listAll. */
  list(query?: ListQuery, options?: CallOptions): Promise<RemoteAssistancePartnerCollection>;
  /** Every partner, page after page, following `@odata.nextLink` (same origin and base path only). */
  listAll(query?: ListQuery, options?: ListAllOptions): AsyncIterableIterator<RemoteAssistancePartner>;
  count(query?: CountQuery, options?: CallOptions): Promise<number>;
  get(id: string, query?: GetQuery, options?: CallOptions): Promise<RemoteAssistancePartner>;
  create(partner: RemoteAssistancePartnerCreate, options?: CallOptions): Promise<RemoteAssistancePartner>;
  /** Resolves to the updated partner on 200, to `undefined` on 204 (both are success). */
  update(id: string, patch: RemoteAssistancePartnerUpdate, options?: CallOptions): Promise<RemoteAssistancePartner | undefined>;
  delete(id: string, options?: CallOptions & { ifMatch?: string }): Promise<void>;
  beginOnboarding(id: string, options?: CallOptions): Promise<void>;
  disconnect(id: string, options?: CallOptions): Promise<void>;
  /** The typed openapi-fetch client with the same auth and retry: `{ data, error, response }`, no throwing. */
  raw: Client<paths>;
}

const COLLECTION = "/deviceManagement/remoteAssistancePartners";

/** What one call received: the parsed body, the response, and the client-request-id it was sent with. */
interface Received<T> {
  data: T | undefined;
  response: Response;
  clientRequestId: string;
}

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const base = new URL(baseUrl); // throws on a malformed baseUrl, before anything else
  const validate = options.validate ?? "off";
  if (!["off", "request", "response", "both"].includes(validate)) {
    throw new TypeError(`validate must be "off", "request", "response" or "both", got ${JSON.stringify(validate)}`);
  }
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${options.timeoutMs}`);
  }
  const checkRequests = validate === "request" || validate === "both";
  const checkResponses = validate === "response" || validate === "both";
  // Loaded only when asked for, so a client without validation does not carry the validators.
  let validators: Promise<typeof import("./validation.js")> | undefined;
  const loadValidators = () => (validators ??= import("./validation.js"));

  // Graph takes `$select=a,b`, as the spec's `style: form, explode: false` says; openapi-fetch does not read it.
  const querySerializer = { array: { style: "form", explode: false } } as const;
  const raw = createClient<paths>({
    baseUrl,
    // Looked up per call, not captured now: test tools (msw, nock) patch globalThis.fetch after clients are made.
    fetch: (request: Request) => (options.fetch ?? globalThis.fetch)(request),
    ...(options.headers ? { headers: options.headers } : {}),
    querySerializer,
  });
  raw.use(bearerAuth(options.getAccessToken, { origins: [base.origin] }));
  if (options.retry !== false) raw.use(retryMiddleware(options.retry ?? {}));

  const transport = createTransport({
    fetch: options.fetch,
    getAccessToken: options.getAccessToken,
    retry: options.retry === false ? undefined : retryPolicy(options.retry ?? {}),
    headers: options.headers,
  });
  const serializeQuery = createQuerySerializer(querySerializer);
  const url = (path: string, query?: Record<string, unknown>) => {
    const search = query ? serializeQuery(query) : "";
    return `${baseUrl}${path}${search ? `?${search}` : ""}`;
  };
  const itemPath = (id: string) => `${COLLECTION}/${encodeURIComponent(id)}`;

  /** Sends one request under the client's timeout, turning every failure into a thrown error; parses JSON. */
  async function call<T>(callOptions: CallOptions | undefined, request: Omit<Send, "signal" | "headers">): Promise<Received<T>> {
    const deadline = withDeadline(callOptions?.signal, options.timeoutMs);
    // Chosen here, not in the transport, so that every error can quote it, a network failure's included.
    const given = headerValue(callOptions?.headers, "client-request-id");
    const clientRequestId = given ?? crypto.randomUUID();
    const headers = given === undefined ? { ...callOptions?.headers, "client-request-id": clientRequestId } : callOptions?.headers;
    let response: Response;
    let text: string;
    try {
      response = await transport({ ...request, signal: deadline.signal, headers });
      text = await response.text();
    } catch (cause) {
      throw transportError(cause, callOptions?.signal, clientRequestId);
    } finally {
      deadline.release();
    }
    const json = text !== "" && /\bjson\b/i.test(response.headers.get("content-type") ?? "");
    if (!response.ok) {
      let body: unknown = text;
      if (json) {
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON after all: the error keeps the text.
        }
      }
      throw graphErrorFromResponse(response, body, clientRequestId);
    }
    if (!json) return { data: (text === "" ? undefined : text) as T | undefined, response, clientRequestId };
    try {
      return { data: JSON.parse(text) as T, response, clientRequestId };
    } catch (cause) {
      throw invalidResponse({ response, clientRequestId }, `a body that is not valid JSON (${(cause as Error).message})`, cause);
    }
  }

  async function checked<T>(kind: "remoteAssistancePartner" | "remoteAssistancePartnerCollection", value: unknown, status: number): Promise<T> {
    if (!checkResponses) return value as T;
    const v = await loadValidators();
    const result: ValidationResult<unknown> =
      kind === "remoteAssistancePartner" ? v.validateRemoteAssistancePartner(value) : v.validateRemoteAssistancePartnerCollection(value);
    if (!result.valid) throw new ContractViolationError("response", result.errors, `The ${status} response body`, status);
    return value as T;
  }

  async function checkBody(kind: "update" | "create", body: unknown): Promise<void> {
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      // Always refused, validation on or off: nothing but an object can be a partial partner.
      throw new TypeError(`The ${kind} body must be an object, got ${body === null ? "null" : Array.isArray(body) ? "an array" : typeof body}`);
    }
    if (!checkRequests) return;
    const v = await loadValidators();
    const result = kind === "update" ? v.validateRemoteAssistancePartnerUpdate(body) : v.validateRemoteAssistancePartnerCreate(body);
    if (!result.valid) throw new ContractViolationError("request", result.errors, `The ${kind} body`);
  }

  /** The body a success must carry, checked against the contract when responses are validated. */
  function required<T>(kind: "remoteAssistancePartner" | "remoteAssistancePartnerCollection", received: Received<unknown>, what: string): Promise<T> {
    if (received.data === undefined) throw invalidResponse(received, `${what} with no body`);
    return checked<T>(kind, received.data, received.response.status);
  }

  async function list(query?: ListQuery, callOptions?: CallOptions) {
    const received = await call<unknown>(callOptions, { method: "GET", url: url(COLLECTION, query) });
    return required<RemoteAssistancePartnerCollection>("remoteAssistancePartnerCollection", received, "a list page");
  }

  async function* listAll(query?: ListQuery, listOptions?: ListAllOptions): AsyncIterableIterator<RemoteAssistancePartner> {
    const maxPages = listOptions?.maxPages ?? 1000;
    let page = await list(query, listOptions);
    for (let pages = 1; ; pages++) {
      yield* page.value;
      const next = page["@odata.nextLink"];
      if (!next) return;
      if (pages >= maxPages) throw new RangeError(`listAll: stopped after maxPages (${maxPages}) pages; more remain`);
      const received = await call<unknown>(listOptions, { method: "GET", url: checkedNextLink(next, base) });
      page = await required<RemoteAssistancePartnerCollection>("remoteAssistancePartnerCollection", received, "a list page");
    }
  }

  return {
    list,
    listAll,
    async count(query, callOptions) {
      const received = await call<string>(callOptions, { method: "GET", url: url(`${COLLECTION}/$count`, query) });
      const text = String(received.data ?? "").trim();
      if (!/^\d+$/.test(text)) throw invalidResponse(received, `a count that is not a whole number (${JSON.stringify(text.slice(0, 40))})`);
      return Number(text);
    },
    async get(id, query, callOptions) {
      assertPartnerId(id, "id");
      const received = await call<unknown>(callOptions, { method: "GET", url: url(itemPath(id), query) });
      return required<RemoteAssistancePartner>("remoteAssistancePartner", received, "a partner");
    },
    async create(partner, callOptions) {
      await checkBody("create", partner);
      const received = await call<unknown>(callOptions, { method: "POST", url: url(COLLECTION), body: JSON.stringify(partner) });
      return required<RemoteAssistancePartner>("remoteAssistancePartner", received, "a created partner");
    },
    async update(id, patch, callOptions) {
      assertPartnerId(id, "id");
      await checkBody("update", patch);
      const received = await call<unknown>(callOptions, { method: "PATCH", url: url(itemPath(id)), body: JSON.stringify(patch) });
      // 204, or a 200 with an empty body: success without the partner, as the official SDKs report it.
      if (received.data === undefined) return undefined;
      return checked<RemoteAssistancePartner>("remoteAssistancePartner", received.data, received.response.status);
    },
    async delete(id, callOptions) {
      assertPartnerId(id, "id");
      const headers = callOptions?.ifMatch === undefined ? callOptions?.headers : { ...callOptions.headers, "If-Match": callOptions.ifMatch };
      await call({ ...callOptions, headers }, { method: "DELETE", url: url(itemPath(id)) });
    },
    async beginOnboarding(id, callOptions) {
      assertPartnerId(id, "id");
      await call(callOptions, { method: "POST", url: url(`${itemPath(id)}/beginOnboarding`) });
    },
    async disconnect(id, callOptions) {
      assertPartnerId(id, "id");
      await call(callOptions, { method: "POST", url: url(`${itemPath(id)}/disconnect`) });
    },
    raw,
  };
}

/**
 * One signal for the caller's abort and the client's timeout. Built by hand rather than with AbortSignal.timeout and
 * AbortSignal.any, whose timers and listeners outlive a finished call until the timeout would have fired: under load
 * that held megabytes per thousand calls.
 */
function withDeadline(callerSignal: AbortSignal | undefined, timeoutMs: number | undefined) {
  if (!timeoutMs) return { signal: callerSignal, release() {} };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("The request timed out", "TimeoutError")), timeoutMs);
  const forward = () => controller.abort(callerSignal!.reason);
  if (callerSignal?.aborted) forward();
  else callerSignal?.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", forward);
    },
  };
}

/** A next link, refused when it leaves the client's origin and collection path (the token would follow it). */
function checkedNextLink(nextLink: string, base: URL): string {
  let url: URL;
  try {
    url = new URL(nextLink);
  } catch {
    throw new ContractViolationError("response", [{ path: "/@odata.nextLink", message: "must be an absolute URL" }], "The list page");
  }
  const expectedPath = `${base.pathname.replace(/\/+$/, "")}${COLLECTION}`;
  if (url.origin !== base.origin || url.pathname !== expectedPath) {
    throw new ContractViolationError(
      "response",
      [{ path: "/@odata.nextLink", message: `must stay on ${base.origin}${expectedPath}; refusing to send the token to ${url.origin}${url.pathname}` }],
      "The list page",
    );
  }
  return url.href;
}

function invalidResponse({ response, clientRequestId }: { response: Response; clientRequestId: string }, what: string, cause?: unknown): GraphError {
  return new GraphError({
    status: response.status,
    code: "InvalidResponse",
    message: `HTTP ${response.status} with ${what}`,
    requestId: response.headers.get("request-id") ?? undefined,
    clientRequestId,
    date: response.headers.get("date") ?? undefined,
    cause,
  });
}

/** A thrown fetch (or body read) turned into what the client documents. */
function transportError(cause: unknown, callerSignal: AbortSignal | undefined, clientRequestId: string): unknown {
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

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  for (const key in headers) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}
