// The client's options, checked once when the client is made: an option that cannot work is a TypeError or
// RangeError then, naming it, rather than a surprise on some later call (a timeout Node would run after 1 ms, a base
// URL whose query would swallow every path, a header fetch would refuse mid-retry).
import type { AccessTokenProvider } from "../middleware/bearer-auth.js";
import { MAX_TIMER_MS, retryPolicy, type RetryOptions, type RetryPolicy } from "../retry-policy.js";
import { assertHeaders, isAuthorization } from "./headers.js";

export const DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";
/** The beta contract's default (remote-assistance-contract/beta). */
export const DEFAULT_BETA_BASE_URL = "https://graph.microsoft.com/beta";

/**
 * The most a response body may hold, by default: 16 MiB. A full Graph page of this resource (999 partners, the most
 * `$top` allows) is well under 1 MiB; the limit is there so that a broken or hostile server cannot fill memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export type ValidationMode = "off" | "request" | "response" | "both";

export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

export interface RemoteAssistanceClientOptions {
  /** Default `https://graph.microsoft.com/v1.0`. No query or fragment. */
  baseUrl?: string;
  /** Called for every request (retries included); cache tokens inside it. The token only goes to baseUrl's origin. */
  getAccessToken: AccessTokenProvider;
  /** Default `globalThis.fetch`, looked up at each call. */
  fetch?: FetchLike;
  /** Retry options, or `false` for none. Default: 3 retries of 429, 503 and 504. */
  retry?: RetryOptions | false;
  /** The longest a call may take, token, retries, waits and reading the body included, in milliseconds. Default: no limit. */
  timeoutMs?: number;
  /** Validate bodies against the contract: before sending (`request`), on receipt (`response`), or `both`. Default `off`. */
  validate?: ValidationMode;
  /** Headers sent with every request. Not `Authorization`: the client owns authentication. */
  headers?: Record<string, string>;
  /** The most bytes a response body may hold; past it the call fails with `ResponseTooLarge`. Default 16 MiB. */
  maxResponseBytes?: number;
}

export interface ResolvedOptions {
  /** Without a trailing slash. */
  baseUrl: string;
  base: URL;
  getAccessToken: AccessTokenProvider;
  fetch: FetchLike | undefined;
  retryOptions: RetryOptions | false;
  retry: RetryPolicy | undefined;
  timeoutMs: number | undefined;
  checkRequests: boolean;
  checkResponses: boolean;
  headers: Record<string, string> | undefined;
  maxResponseBytes: number;
}

const MODES: readonly ValidationMode[] = ["off", "request", "response", "both"];

/** `defaultBaseUrl`: the contract's own (v1.0 or beta). */
export function resolveOptions(options: RemoteAssistanceClientOptions, defaultBaseUrl = DEFAULT_BASE_URL): ResolvedOptions {
  if (options === null || typeof options !== "object") throw new TypeError("createRemoteAssistanceClient needs an options object");
  if (typeof options.getAccessToken !== "function") throw new TypeError("getAccessToken must be a function");
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new TypeError("fetch must be a function");
  const { baseUrl, base } = resolveBaseUrl(options.baseUrl ?? defaultBaseUrl);
  const validate = options.validate ?? "off";
  if (!MODES.includes(validate)) throw new TypeError(`validate must be "off", "request", "response" or "both", got ${JSON.stringify(validate)}`);
  if (options.timeoutMs !== undefined && !(typeof options.timeoutMs === "number" && options.timeoutMs > 0 && options.timeoutMs <= MAX_TIMER_MS)) {
    throw new RangeError(`timeoutMs must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS}, got ${String(options.timeoutMs)}`);
  }
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes <= 0) {
    throw new RangeError(`maxResponseBytes must be a whole number of bytes above 0, got ${String(options.maxResponseBytes)}`);
  }
  assertHeaders(options.headers, "headers");
  const authorization = Object.keys(options.headers ?? {}).find(isAuthorization);
  if (authorization) throw new TypeError(`headers: ${authorization} is not allowed; the client sends the token from getAccessToken`);
  if (options.retry !== undefined && options.retry !== false && (options.retry === null || typeof options.retry !== "object")) {
    throw new TypeError("retry must be an options object or false");
  }
  const retryOptions = options.retry ?? {};
  return {
    baseUrl,
    base,
    getAccessToken: options.getAccessToken,
    fetch: options.fetch,
    retryOptions,
    retry: retryOptions === false ? undefined : retryPolicy(retryOptions),
    timeoutMs: options.timeoutMs,
    checkRequests: validate === "request" || validate === "both",
    checkResponses: validate === "response" || validate === "both",
    headers: options.headers,
    maxResponseBytes,
  };
}

function resolveBaseUrl(given: unknown): { baseUrl: string; base: URL } {
  if (typeof given !== "string") throw new TypeError(`baseUrl must be a string, got ${given === null ? "null" : typeof given}`);
  let base: URL;
  try {
    base = new URL(given);
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(given.slice(0, 200))}`);
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") throw new TypeError(`baseUrl must be an http(s) URL, got ${base.protocol}`);
  // Paths are appended to baseUrl: after a query or fragment they would not be paths at all.
  if (given.includes("?") || given.includes("#")) throw new TypeError("baseUrl must not have a query or fragment");
  if (base.username || base.password) throw new TypeError("baseUrl must not carry credentials");
  return { baseUrl: base.href.replace(/\/+$/, ""), base };
}
