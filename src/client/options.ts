// The client's options, checked and resolved once, in one place, when the client is made: the endpoint (cloud or
// baseUrl, and the API version), where tokens come from (credential and its scope, or getAccessToken), validation,
// limits and hooks. An option that cannot work is a TypeError or RangeError then, naming it, rather than a surprise on
// some later call (a timeout Node would run after 1 ms, a base URL whose query would swallow every path, a header
// fetch would refuse mid-retry).
import { assertHeaders } from "../core/headers.js";
import type { AccessTokenProvider, CallEndHook, FetchLike, TokenCredential, TokenSource, Tracing } from "../core/shapes.js";
import type { ContractValidators } from "../core/validator.js";
import { MAX_TIMER_MS, retryPolicy, type RetryOptions, type RetryPolicy } from "../transport/retry-policy.js";
import { cachedCredential } from "../transport/token-cache.js";
import { fromProvider } from "../transport/token-provider.js";

/** Microsoft's Graph deployments: the global service and the national clouds (learn.microsoft.com/graph/deployments). */
export const CLOUDS = {
  global: "https://graph.microsoft.com",
  usGov: "https://graph.microsoft.us",
  usGovDoD: "https://dod-graph.microsoft.us",
  china: "https://microsoftgraph.chinacloudapi.cn",
} as const;

export type Cloud = keyof typeof CLOUDS;

export const DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";
/** The beta contract's default (remote-assistance-contract/beta). */
export const DEFAULT_BETA_BASE_URL = "https://graph.microsoft.com/beta";

/**
 * The most a response body may hold, by default: 16 MiB. A full Graph page of this resource (999 partners, the most
 * `$top` allows) is well under 1 MiB; the limit is there so that a broken or hostile server cannot fill memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * The whole-call bound when `timeoutMs` is not given: 100 s, as .NET's HttpClient.Timeout and the Graph .NET SDK
 * default to. Without one, a server that never answers (or a credential that never gives a token) would hold a
 * call, and whatever awaits it, for ever. Microsoft does not document a server-side limit for these operations.
 */
export const DEFAULT_TIMEOUT_MS = 100_000;

export type ValidationMode = "off" | "request" | "response" | "both";

/** The validators a client checks bodies with: the module itself, or a function that imports it. */
export type ValidatorsOption = ContractValidators | (() => Promise<ContractValidators>);

interface CommonOptions {
  /**
   * Which of Microsoft's Graph deployments to call: `global` (default), `usGov` (GCC High), `usGovDoD` (DoD) or
   * `china` (operated by 21Vianet). The client calls its endpoint with the contract's API version. Not with baseUrl.
   */
  cloud?: Cloud;
  /** Instead of `cloud`: the service root with its version, such as `https://graph.microsoft.com/v1.0`. No query or fragment. */
  baseUrl?: string;
  /** Default `globalThis.fetch`, looked up at each call. */
  fetch?: FetchLike;
  /** Retry options, or `false` for none. Default: 3 retries of 429, 503 and 504. */
  retry?: RetryOptions | false;
  /** The longest a call may take, token, retries, waits and reading the body included, in milliseconds. Default 100 000 (DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Validate bodies against the contract: before sending (`request`), on receipt (`response`), or `both`. Default `off`. */
  validate?: ValidationMode;
  /**
   * The validators `validate` uses: `import * as validators from "remote-assistance-contract/validators"`, or
   * `() => import("remote-assistance-contract/validators")` to load them on first use. The root entry's client finds
   * its own; the `/client` entry's needs them when `validate` is on, so that a program without validation carries none.
   */
  validators?: ValidatorsOption;
  /** Called once per finished call (success or failure) with its ids, status, attempts and duration: for logs. */
  onCallEnd?: CallEndHook;
  /**
   * Where each call's span goes. The root and beta entries' clients send them to OpenTelemetry by default (when a
   * tracer provider is registered); the `/client` entry's takes `openTelemetry` from
   * `remote-assistance-contract/client` (which bundlers leave out unless it is used). `false`: no spans.
   */
  tracing?: Tracing | false;
  /** Headers sent with every request. Not `Authorization`: the client owns authentication. */
  headers?: Record<string, string>;
  /** The most bytes a response body may hold; past it the call fails with `ResponseTooLarge`. Default 16 MiB. */
  maxResponseBytes?: number;
}

interface TokenOptions {
  /**
   * An Azure credential (`@azure/identity`'s, or anything with `getToken(scopes, { abortSignal })`). Its tokens are
   * cached: one reused until 5 minutes before it expires (or its refreshAfterTimestamp), one getToken at a time.
   * Give this or getAccessToken.
   */
  credential?: TokenCredential;
  /** The scope asked of the credential. Default: the endpoint's origin + `/.default`, such as `https://graph.microsoft.com/.default`. */
  scope?: string;
  /** Instead of credential: called for every request (retries included); cache tokens inside it. The token only goes to baseUrl's origin. */
  getAccessToken?: AccessTokenProvider;
}

/** Exactly one of `credential` and `getAccessToken` is required. */
export interface RemoteAssistanceClientOptions extends CommonOptions, TokenOptions {}

export interface ResolvedOptions {
  /** Without a trailing slash. */
  baseUrl: string;
  base: URL;
  /** base's path without a trailing slash: "/v1.0", or "" for a bare origin. */
  basePath: string;
  tokens: TokenSource;
  fetch: FetchLike | undefined;
  retryOptions: RetryOptions | false;
  retry: RetryPolicy | undefined;
  timeoutMs: number;
  /** Whether timeoutMs was the caller's (fetch is then given the deadline's signal) or the default bound. */
  timeoutGiven: boolean;
  checkRequests: boolean;
  checkResponses: boolean;
  headers: Record<string, string> | undefined;
  maxResponseBytes: number;
  /** Set when validate is on. */
  loadValidators: (() => Promise<ContractValidators>) | undefined;
  onCallEnd: CallEndHook | undefined;
  tracing: Tracing | undefined;
}

const MODES: readonly ValidationMode[] = ["off", "request", "response", "both"];

/** What the entry point brings: the contract's API version, and the validators it can load itself, if any. */
export interface ContractDefaults {
  version: "v1.0" | "beta";
  loadValidators?: () => Promise<ContractValidators>;
  tracing?: Tracing;
}

export function resolveOptions(options: RemoteAssistanceClientOptions, contract: ContractDefaults): ResolvedOptions {
  if (options === null || typeof options !== "object") throw new TypeError("createRemoteAssistanceClient needs an options object");
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new TypeError("fetch must be a function");
  if (options.onCallEnd !== undefined && typeof options.onCallEnd !== "function") throw new TypeError("onCallEnd must be a function");
  if (options.tracing !== undefined && options.tracing !== false && typeof options.tracing !== "function") throw new TypeError("tracing must be a function (openTelemetry) or false");
  const { baseUrl, base, basePath } = resolveEndpoint(options, contract.version);
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
  if (options.retry !== undefined && options.retry !== false && (options.retry === null || typeof options.retry !== "object")) {
    throw new TypeError("retry must be an options object or false");
  }
  const retryOptions = options.retry ?? {};
  return {
    baseUrl,
    base,
    basePath,
    tokens: resolveTokens(options, base),
    fetch: options.fetch,
    retryOptions,
    retry: retryOptions === false ? undefined : retryPolicy(retryOptions),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    timeoutGiven: options.timeoutMs !== undefined,
    checkRequests: validate === "request" || validate === "both",
    checkResponses: validate === "response" || validate === "both",
    headers: options.headers,
    maxResponseBytes,
    loadValidators: validate === "off" ? undefined : resolveValidators(options.validators, contract, validate),
    onCallEnd: options.onCallEnd,
    tracing: options.tracing === false ? undefined : (options.tracing ?? contract.tracing),
  };
}

/** `cloud` or `baseUrl` (not both), the contract's version after the cloud's endpoint. */
function resolveEndpoint({ cloud, baseUrl }: RemoteAssistanceClientOptions, version: string) {
  if (cloud === undefined) return resolveBaseUrl(baseUrl === undefined ? `${CLOUDS.global}/${version}` : baseUrl);
  if (baseUrl !== undefined) throw new TypeError("cloud and baseUrl cannot both be given: baseUrl already names the endpoint");
  if (!Object.hasOwn(CLOUDS, cloud)) throw new TypeError(`cloud must be one of ${Object.keys(CLOUDS).join(", ")}, got ${JSON.stringify(cloud)}`);
  return resolveBaseUrl(`${CLOUDS[cloud]}/${version}`);
}

/** Exactly one of credential (cached, for the endpoint's scope) and getAccessToken. */
function resolveTokens(options: RemoteAssistanceClientOptions, base: URL): TokenSource {
  const { credential, getAccessToken, scope } = options;
  if (credential !== undefined && getAccessToken !== undefined) throw new TypeError("give credential or getAccessToken, not both");
  if (credential === undefined) {
    if (getAccessToken === undefined) throw new TypeError("credential or getAccessToken is required: the client needs tokens for Graph");
    if (typeof getAccessToken !== "function") throw new TypeError("getAccessToken must be a function");
    if (scope !== undefined) throw new TypeError("scope goes with credential; getAccessToken chooses its own");
    return fromProvider(getAccessToken);
  }
  if (typeof (credential as Partial<TokenCredential> | null)?.getToken !== "function") throw new TypeError("credential must have a getToken method (an @azure/identity credential)");
  if (scope !== undefined && (typeof scope !== "string" || scope === "")) throw new TypeError("scope must be a non-empty string");
  return cachedCredential(credential, scope ?? `${base.origin}/.default`);
}

function resolveValidators(given: ValidatorsOption | undefined, contract: ContractDefaults, validate: ValidationMode) {
  if (given === undefined) {
    if (contract.loadValidators) return contract.loadValidators;
    throw new TypeError(
      `validate: ${JSON.stringify(validate)} needs validators: import * as validators from "remote-assistance-contract/validators" and pass { validators }`,
    );
  }
  if (given === null || (typeof given !== "object" && typeof given !== "function")) {
    throw new TypeError("validators must be the validators module or a function that imports it");
  }
  // A function is called once, on first use, and its module kept (a failed import is tried again next time).
  let loaded: Promise<ContractValidators> | undefined = typeof given === "function" ? undefined : Promise.resolve(given);
  const load = () =>
    Promise.resolve()
      .then(given as () => Promise<ContractValidators>)
      .catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
  return () => (loaded ??= load());
}

function resolveBaseUrl(given: unknown): { baseUrl: string; base: URL; basePath: string } {
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
  return { baseUrl: base.href.replace(/\/+$/, ""), base, basePath: base.pathname.replace(/\/+$/, "") };
}
