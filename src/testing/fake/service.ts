// The fake's one behaviour model: a request in, a response out, the partners kept in memory between them. The HTTP
// server, the msw handlers and `npm run mock` are thin adapters over it, so all of them answer alike. The checks run
// in the service's order: the version, the token, injected faults, throttling, the route, the query, the body.
import { bearerToken, judgeBody } from "../requests.js";
import { CONTRACTS, type FakePartner } from "./contract.js";
import { OPERATIONS } from "./operations.js";
import { resolveOptions, type FakeOptions, type ResolvedOptions } from "./options.js";
import { checkOptions, QueryError } from "./query.js";
import { quote, replies, type FakeResponse, type Replies } from "./replies.js";
import { createRouter } from "./routes.js";
import { checkPartners, examplePartners } from "./seeds.js";
import { faultStatus, initialSettings, mulberry32, type Partner, type State } from "./state.js";
import { appOf, createThrottle, retryAfter, WRITE_METHODS } from "./throttle.js";

export interface FakeRequest {
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: string;
}

export interface FakeService {
  options: ResolvedOptions;
  /** Answers one request; `base` is the base URL it came in under, e.g. http://127.0.0.1:4321/v1.0 (no trailing slash). */
  handle(request: FakeRequest, base: string): FakeResponse;
  /** An answer made outside the model (a body too large, a request that cannot be read), with Graph's headers and shape. */
  refuse(request: Pick<FakeRequest, "headers">, status: number, code: string, message: string): FakeResponse;
  partners(): FakePartner[];
  reset(): void;
}

export function createFakeService(options: FakeOptions = {}): FakeService {
  const resolved = resolveOptions(options as FakeOptions & Record<string, unknown>, () => examplePartners(CONTRACTS[options.version ?? "v1.0"]));
  const contract = CONTRACTS[resolved.version];
  checkPartners(resolved.partners, contract);
  const initial = structuredClone(resolved.partners);
  const state: State = { contract, options: resolved, partners: new Map(), settings: undefined, throttle: undefined, random: () => 0 };
  const route = createRouter(contract.operations);
  const reset = () => {
    state.partners = new Map(structuredClone(initial).map((p) => [p.id!, p as Partner]));
    state.settings = resolved.version === "beta" ? initialSettings() : undefined;
    state.throttle = resolved.throttle ? createThrottle(resolved.throttle, resolved.now) : undefined;
    state.random = mulberry32(resolved.faults?.seed ?? 0);
  };
  reset();
  const answer = (request: Pick<FakeRequest, "headers">) => replies(request.headers.get("client-request-id"), resolved.now);
  return {
    options: resolved,
    handle(request, base) {
      const out = answer(request);
      try {
        return serve(state, route, request, base, out);
      } catch (cause) {
        if (cause instanceof QueryError) return out.error(400, "BadRequest", cause.message);
        // A fault of the fake itself: still an HTTP answer, never an exception in the process that hosts it. Dated by
        // the system clock, should the fault be the fake's own clock.
        const failed = replies(request.headers.get("client-request-id"), clockOrSystem(resolved.now));
        return failed.error(500, "InternalServerError", `The fake failed: ${quote(String(cause))}`);
      }
    },
    refuse: (request, status, code, message) => answer(request).error(status, code, message),
    partners: () => structuredClone([...state.partners.values()]),
    reset,
  };
}

function serve(state: State, route: ReturnType<typeof createRouter>, request: FakeRequest, base: string, out: Replies): FakeResponse {
  const { error } = out;
  const basePath = new URL(base).pathname;
  // Graph answers a path outside its versions this way (public issue threads; not documented by Microsoft).
  if (request.path !== basePath && !request.path.startsWith(`${basePath}/`)) return error(400, "BadRequest", "Invalid version.");
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) return error(401, "InvalidAuthenticationToken", "Access token is empty.");
  const fault = faultStatus(state);
  if (fault) return error(fault, fault === 504 ? "GatewayTimeout" : "ServiceUnavailable", "The fake answered with an injected fault.");
  const wait = state.throttle?.admit(appOf(token), WRITE_METHODS.has(request.method));
  if (wait !== undefined) {
    return error(429, "TooManyRequests", "Too many requests: the Intune remote assistance limits for this window are used up.", {}, { "retry-after": retryAfter(wait) });
  }
  const found = route(request.method, request.path.slice(basePath.length));
  // Graph's answers for these three come from public issue threads; Microsoft does not document them.
  if (found.kind === "badEncoding") return error(400, "BadRequest", `The request URI is not valid: the segment '${quote(found.segment)}' is not percent-encoded correctly.`);
  if (found.kind === "unknownSegment") return error(400, "BadRequest", `Resource not found for the segment '${quote(found.segment)}'.`);
  if (found.kind === "wrongMethod") {
    return error(400, "No method match route template", `No OData route exists that match template ${found.template} with http verb ${request.method} for request ${quote(found.resource)}.`);
  }
  const { operation, params } = found;
  checkOptions(request.query, operation.success.kind === "page" ? [...operation.query, "$skiptoken"] : operation.query);
  const verdict = judgeBody(state.contract, operation, request.body, { strict: state.options.strict, pathId: params.remoteAssistancePartnerId });
  if (!verdict.ok) {
    const details = verdict.errors.map((e) => ({ code: "BadRequest", message: `${e.path || "(body)"} ${e.message}`, target: e.path || "(body)" }));
    return error(400, "BadRequest", `The request body breaks the contract: ${details.map((d) => d.message).join("; ")}`, { details });
  }
  const handler = OPERATIONS[operation.operationId];
  if (!handler) return error(501, "NotImplemented", `The fake does not implement ${operation.operationId}.`);
  return handler({ ...out, state, params, body: verdict.body, query: request.query, header: (name) => request.headers.get(name), base, path: operation.path });
}

/** The fake's clock, or the system's when the fake's throws. */
const clockOrSystem = (now: () => number) => () => {
  try {
    return now();
  } catch {
    return Date.now();
  }
};
