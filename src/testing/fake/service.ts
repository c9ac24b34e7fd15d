// The stateful fake's one handler: a request in, a response out, the partners kept in memory between them. The HTTP
// server and the msw handlers are thin adapters over it, so both behave exactly alike.
import spec from "../../../generated/openapi.json" with { type: "json" };
import type { RemoteAssistancePartner } from "../../types.js";
import { hasBearerToken, judgeRequest } from "../requests.js";
import { QueryError, readQuery, selected, skiptokenFor } from "./query.js";

export interface FakeOptions {
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

const COLLECTION = "/deviceManagement/remoteAssistancePartners";
const ODATA_TYPE = "#microsoft.graph.remoteAssistancePartner";
/** What the service reports for a partner that never connected. */
const NEVER = "0001-01-01T00:00:00Z";

export interface FakeService {
  /** Answers one request; `base` is the base URL the request came in under, e.g. http://127.0.0.1:4321/v1.0. */
  handle(request: FakeRequest, base: string): FakeResponse;
  partners(): RemoteAssistancePartner[];
  requests: LoggedRequest[];
  reset(): void;
}

export function createFakeService(options: FakeOptions = {}): FakeService {
  const initial = structuredClone(options.partners ?? examplePartners());
  const state = new Map<string, RemoteAssistancePartner>();
  const requests: LoggedRequest[] = [];
  const writes: number[] = [];
  let random = mulberry32(options.faults?.seed ?? 0);
  const reset = () => {
    state.clear();
    for (const partner of structuredClone(initial)) state.set(partner.id!, partner);
    requests.length = 0;
    writes.length = 0;
    random = mulberry32(options.faults?.seed ?? 0);
  };
  reset();

  function handle(request: FakeRequest, base: string): FakeResponse {
    const context = { request, base, requestId: crypto.randomUUID(), clientRequestId: request.headers.get("client-request-id") ?? crypto.randomUUID() };
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}, type = "application/json"): FakeResponse => ({
      status,
      headers: {
        "request-id": context.requestId,
        "client-request-id": context.clientRequestId,
        date: new Date().toUTCString(),
        ...(body === undefined ? {} : { "content-type": type === "application/json" ? "application/json; odata.metadata=minimal" : type }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      reply(status, { error: { code, message, ...extra, innerError: { date: new Date().toISOString().slice(0, 19), "request-id": context.requestId, "client-request-id": context.clientRequestId } } }, headers);
    const response = route(request, base, { reply, error });
    requests.push({ method: request.method, path: `${request.url.pathname}${request.url.search}`, status: response.status });
    return response;
  }

  type Replies = { reply: (status: number, body?: unknown, headers?: Record<string, string>, type?: string) => FakeResponse; error: (status: number, code: string, message: string, extra?: Record<string, unknown>, headers?: Record<string, string>) => FakeResponse };

  function route(request: FakeRequest, base: string, { reply, error }: Replies): FakeResponse {
    const basePath = new URL(base).pathname.replace(/\/+$/, "");
    const path = request.url.pathname.startsWith(`${basePath}/`) ? request.url.pathname.slice(basePath.length) : request.url.pathname;
    const match = /^\/deviceManagement\/remoteAssistancePartners(?:\/([^/]+)(?:\/(beginOnboarding|disconnect))?)?$/.exec(path);
    if (!match) return error(404, "ResourceNotFound", `Resource not found for the segment '${path}'.`);
    if (!hasBearerToken(request.headers.get("authorization"))) return error(401, "InvalidAuthenticationToken", "Access token is empty.");
    const fault = faultStatus();
    if (fault) return error(fault, fault === 504 ? "GatewayTimeout" : "ServiceUnavailable", "The fake answered with an injected fault.");
    const write = request.method !== "GET";
    if (write && options.throttle) {
      const wait = throttled(options.throttle);
      if (wait !== undefined) return error(429, "TooManyRequests", "Too many requests: the fake's write quota is used up.", {}, { "retry-after": String(wait) });
    }
    const [, rawId, action] = match;
    const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
    const operation = operationFor(request.method, id, action);
    if (!operation) return error(405, "BadRequest", `${request.method} is not allowed on ${path}.`);
    const verdict = judgeRequest(operation, request.headers.get("authorization"), request.body);
    if (!verdict.ok && verdict.reason === "contract") {
      const details = verdict.errors.map((e) => ({ code: "BadRequest", message: `${e.path || "(body)"} ${e.message}`, target: e.path || "(body)" }));
      return error(400, "BadRequest", `The request body breaks the contract: ${details.map((d) => d.message).join("; ")}`, { details });
    }
    try {
      return operate(operation, { id, body: verdict.ok ? verdict.body : undefined, request, base, reply, error });
    } catch (cause) {
      if (cause instanceof QueryError) return error(400, "BadRequest", cause.message);
      throw cause;
    }
  }

  interface Call extends Replies {
    id: string | undefined;
    body: Record<string, unknown> | undefined;
    request: FakeRequest;
    base: string;
  }

  function operate(operation: string, call: Call): FakeResponse {
    const { id, reply, error } = call;
    if (operation === "listRemoteAssistancePartners") return list(call);
    if (operation === "countRemoteAssistancePartners") {
      const query = readQuery(call.request.url.searchParams);
      return reply(200, String([...state.values()].filter(query.filter).length), {}, "text/plain");
    }
    if (operation === "createRemoteAssistancePartner") return create(call);
    const partner = state.get(id!);
    if (!partner) return error(404, "ResourceNotFound", `No remoteAssistancePartner with id '${id}'.`);
    switch (operation) {
      case "getRemoteAssistancePartner": {
        const query = readQuery(call.request.url.searchParams);
        return reply(200, { "@odata.context": `${call.base}/$metadata#deviceManagement/remoteAssistancePartners/$entity`, ...selected(partner, query.select) });
      }
      case "updateRemoteAssistancePartner": {
        const { "@odata.type": _annotation, ...changes } = call.body ?? {};
        Object.assign(partner, changes);
        const representation = options.update === 200 || /return=representation/.test(call.request.headers.get("prefer") ?? "");
        return representation ? reply(200, partner) : reply(204);
      }
      case "deleteRemoteAssistancePartner":
        state.delete(id!);
        return reply(204);
      case "beginRemoteAssistancePartnerOnboarding":
        partner.onboardingStatus = "onboarding";
        return reply(204);
      default: // disconnectRemoteAssistancePartner
        partner.onboardingStatus = "notOnboarded";
        return reply(204);
    }
  }

  function list({ request, base, reply }: Call): FakeResponse {
    const query = readQuery(request.url.searchParams);
    const all = [...state.values()].filter(query.filter);
    if (query.order) all.sort(query.order);
    const size = query.top ?? options.pageSize ?? 100;
    const page = all.slice(query.start, query.start + size);
    const body: Record<string, unknown> = { "@odata.context": `${base}/$metadata#deviceManagement/remoteAssistancePartners` };
    if (query.count) body["@odata.count"] = all.length;
    if (query.start + size < all.length) {
      const next = new URL(`${base}${COLLECTION}`);
      for (const [key, value] of request.url.searchParams) if (key !== "$skip" && key !== "$skiptoken") next.searchParams.append(key, value);
      next.searchParams.set("$skiptoken", skiptokenFor(query.start + size));
      body["@odata.nextLink"] = next.href;
    }
    body.value = page.map((p) => selected(p, query.select));
    return reply(200, body);
  }

  function create({ body, base, reply }: Call): FakeResponse {
    const { "@odata.type": _annotation, ...given } = body ?? {};
    const partner: RemoteAssistancePartner = {
      "@odata.type": ODATA_TYPE,
      id: crypto.randomUUID(),
      displayName: null,
      onboardingUrl: null,
      onboardingStatus: "notOnboarded",
      lastConnectionDateTime: NEVER,
      ...given,
    };
    state.set(partner.id!, partner);
    return reply(201, partner, { location: `${base}${COLLECTION}/${encodeURIComponent(partner.id!)}` });
  }

  function faultStatus(): number | undefined {
    const faults = options.faults;
    if (!faults || random() >= faults.rate) return undefined;
    const statuses = faults.statuses ?? [503, 504];
    return statuses[Math.floor(random() * statuses.length)];
  }

  /** Seconds to wait when the write quota is used up; undefined (and the write counted) otherwise. */
  function throttled({ writes: limit, windowMs }: { writes: number; windowMs: number }): number | undefined {
    const now = Date.now();
    while (writes.length && writes[0]! <= now - windowMs) writes.shift();
    if (writes.length >= limit) return Math.max(1, Math.ceil((writes[0]! + windowMs - now) / 1000));
    writes.push(now);
    return undefined;
  }

  return { handle, partners: () => structuredClone([...state.values()]), requests, reset };
}

function operationFor(method: string, id: string | undefined, action: string | undefined): string | undefined {
  if (id === undefined) return method === "GET" ? "listRemoteAssistancePartners" : method === "POST" ? "createRemoteAssistancePartner" : undefined;
  if (id === "$count") return method === "GET" && !action ? "countRemoteAssistancePartners" : undefined;
  if (action) return method !== "POST" ? undefined : action === "beginOnboarding" ? "beginRemoteAssistancePartnerOnboarding" : "disconnectRemoteAssistancePartner";
  return ({ GET: "getRemoteAssistancePartner", PATCH: "updateRemoteAssistancePartner", DELETE: "deleteRemoteAssistancePartner" } as Record<string, string>)[method];
}

/** The partners of the spec's examples, each once: the fake's default state. */
export function examplePartners(): RemoteAssistancePartner[] {
  const found = new Map<string, RemoteAssistancePartner>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record["@odata.type"] === ODATA_TYPE && typeof record.id === "string" && "onboardingStatus" in record) {
      const { "@odata.context": _context, ...partner } = record;
      if (!found.has(record.id)) found.set(record.id, partner as RemoteAssistancePartner);
    }
    Object.values(record).forEach(visit);
  };
  visit((spec as { paths: unknown }).paths);
  return [...found.values()];
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
