// The stateful fake's one handler: a request in, a response out, the partners kept in memory between them. The HTTP
// server and the msw handlers are thin adapters over it, so both behave exactly alike.
import type { RemoteAssistancePartner } from "../../contracts/v1/types.js";
import { hasBearerToken, judgeBody } from "../requests.js";
import { operate } from "./operations.js";
import { QueryError } from "./query.js";
import { examplePartners, faultStatus, initialSettings, mulberry32, throttled, type State } from "./state.js";

export interface FakeOptions {
  /** Which contract the fake speaks: v1.0 (default), or beta (with the remoteAssistanceSettings singleton). */
  version?: "v1.0" | "beta";
  /** Initial state. Default: the partners of the spec's examples. */
  partners?: RemoteAssistancePartner[];
  /** What PATCH answers: 204 (default, what the service usually does) or 200 with the partner. */
  update?: 200 | 204;
  /** Page size when the request has no $top. Default 100. */
  pageSize?: number;
  /** Past `writes` POST, PATCH or DELETE within `windowMs`, answer 429 with Retry-After. */
  throttle?: { writes: number; windowMs: number };
  /** A seeded share of requests answered with one of `statuses` (default 503 and 504) before anything else. */
  faults?: { rate: number; seed: number; statuses?: number[] };
}

export interface FakeRequest {
  method: string;
  url: URL;
  /** Asked for by lower-case name. */
  headers: { get(name: string): string | null };
  body: string;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export interface LoggedRequest {
  method: string;
  /** Path and query, as asked. */
  path: string;
  status: number;
}


export interface FakeService {
  /** Answers one request; `base` is the base URL the request came in under, e.g. http://127.0.0.1:4321/v1.0. */
  handle(request: FakeRequest, base: string): FakeResponse;
  partners(): RemoteAssistancePartner[];
  requests: LoggedRequest[];
  reset(): void;
}

export function createFakeService(options: FakeOptions = {}): FakeService {
  const initial = structuredClone(options.partners ?? examplePartners());
  const state: State = { options, partners: new Map(), settings: undefined, writes: [], random: mulberry32(options.faults?.seed ?? 0) };
  const requests: LoggedRequest[] = [];
  const reset = () => {
    state.partners.clear();
    for (const partner of structuredClone(initial)) state.partners.set(partner.id!, partner);
    state.settings = options.version === "beta" ? initialSettings() : undefined;
    requests.length = 0;
    state.writes.length = 0;
    state.random = mulberry32(options.faults?.seed ?? 0);
  };
  reset();
  return {
    handle(request, base) {
      const response = route(state, request, base, replies(request));
      requests.push({ method: request.method, path: `${request.url.pathname}${request.url.search}`, status: response.status });
      return response;
    },
    partners: () => structuredClone([...state.partners.values()]),
    requests,
    reset,
  };
}

export interface Replies {
  reply(status: number, body?: unknown, headers?: Record<string, string>, type?: string): FakeResponse;
  error(status: number, code: string, message: string, extra?: Record<string, unknown>, headers?: Record<string, string>): FakeResponse;
}

/** Responses as Graph sends them: request-id, the echoed client-request-id and Date on every one; OData errors. */
function replies(request: FakeRequest): Replies {
  const requestId = crypto.randomUUID();
  const clientRequestId = request.headers.get("client-request-id") ?? crypto.randomUUID();
  const reply: Replies["reply"] = (status, body, headers = {}, type = "application/json") => ({
    status,
    headers: {
      "request-id": requestId,
      "client-request-id": clientRequestId,
      date: new Date().toUTCString(),
      ...(body === undefined ? {} : { "content-type": type === "application/json" ? "application/json; odata.metadata=minimal" : type }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const innerError = () => ({ date: new Date().toISOString().slice(0, 19), "request-id": requestId, "client-request-id": clientRequestId });
  return { reply, error: (status, code, message, extra = {}, headers = {}) => reply(status, { error: { code, message, ...extra, innerError: innerError() } }, headers) };
}

/** Which operation, then the service's own checks in its order: authentication, faults, throttling, the body. */
function route(state: State, request: FakeRequest, base: string, replies: Replies): FakeResponse {
  const { error } = replies;
  const basePath = new URL(base).pathname; // the adapters give it without a trailing slash
  const path = request.url.pathname.startsWith(`${basePath}/`) ? request.url.pathname.slice(basePath.length) : request.url.pathname;
  // The beta settings singleton (a beta fake only), or the partners' collection, one of them, its actions.
  const settings = state.settings !== undefined && path === "/deviceManagement/remoteAssistanceSettings";
  const match = settings ? [] : /^\/deviceManagement\/remoteAssistancePartners(?:\/([^/]+)(?:\/(beginOnboarding|disconnect))?)?$/.exec(path);
  if (!match) return error(404, "ResourceNotFound", `Resource not found for the segment '${path}'.`);
  if (!hasBearerToken(request.headers.get("authorization"))) return error(401, "InvalidAuthenticationToken", "Access token is empty.");
  const fault = faultStatus(state);
  if (fault) return error(fault, fault === 504 ? "GatewayTimeout" : "ServiceUnavailable", "The fake answered with an injected fault.");
  if (request.method !== "GET" && state.options.throttle) {
    const wait = throttled(state, state.options.throttle);
    if (wait !== undefined) return error(429, "TooManyRequests", "Too many requests: the fake's write quota is used up.", {}, { "retry-after": String(wait) });
  }
  const [, rawId, action] = match;
  const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  const operation = settings ? SETTINGS_OPERATIONS[request.method] : operationFor(request.method, id, action);
  if (!operation) return error(405, "BadRequest", `${request.method} is not allowed on ${path}.`);
  const verdict = judgeBody(operation, request.body, state.options.version);
  if (!verdict.ok) {
    const details = verdict.errors.map((e) => ({ code: "BadRequest", message: `${e.path || "(body)"} ${e.message}`, target: e.path || "(body)" }));
    return error(400, "BadRequest", `The request body breaks the contract: ${details.map((d) => d.message).join("; ")}`, { details });
  }
  try {
    return operate(state, operation, { ...replies, id, body: verdict.ok ? verdict.body : undefined, request, base });
  } catch (cause) {
    if (cause instanceof QueryError) return error(400, "BadRequest", cause.message);
    throw cause;
  }
}

const SETTINGS_OPERATIONS: Record<string, string> = { GET: "getRemoteAssistanceSettings", PATCH: "updateRemoteAssistanceSettings" };

function operationFor(method: string, id: string | undefined, action: string | undefined): string | undefined {
  if (id === undefined) return method === "GET" ? "listRemoteAssistancePartners" : method === "POST" ? "createRemoteAssistancePartner" : undefined;
  if (id === "$count") return method === "GET" && !action ? "countRemoteAssistancePartners" : undefined;
  if (action) return method !== "POST" ? undefined : action === "beginOnboarding" ? "beginRemoteAssistancePartnerOnboarding" : "disconnectRemoteAssistancePartner";
  return ({ GET: "getRemoteAssistancePartner", PATCH: "updateRemoteAssistancePartner", DELETE: "deleteRemoteAssistancePartner" } as Record<string, string>)[method];
}

