// `remote-assistance-contract/testing`: what consumers test their own code against. `createRemoteAssistanceFake`, a
// stateful fake of the service (msw handlers or a real HTTP server); and the static msw handlers below, which answer
// every operation with the spec's own example, check the bearer token and the request body as the validating mock
// does, and honour `Prefer: code=NNN` to pick another documented response.
import { HttpResponse, type HttpHandler } from "msw";
import { createOpenApiHttp, type OpenApiHttpHandlers } from "openapi-msw";
import spec from "../generated/openapi.json" with { type: "json" };
import { DEFAULT_BASE_URL } from "./client/options.js";
import type { paths } from "./contracts/v1/types.js";
import { hasBearerToken, judgeBody } from "./testing/requests.js";

export { createRemoteAssistanceFake, type FakeOptions, type FakeServer, type LoggedRequest, type RemoteAssistanceFake, type RemoteAssistanceFakeOptions } from "./testing/fake/index.js";

export interface HandlerOptions {
  /** The base URL the client under test uses. Default `https://graph.microsoft.com/v1.0`. */
  baseUrl?: string;
}

/** openapi-msw's typed `http`, for a test's own overrides: `server.use(remoteAssistanceHttp().patch(…))`. */
export function remoteAssistanceHttp(options: HandlerOptions = {}): OpenApiHttpHandlers<paths> {
  return createOpenApiHttp<paths>({ baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "") });
}

type Json = Record<string, any>;
const METHODS = ["get", "post", "patch", "delete"] as const;

/** One handler per operation of the spec, answering with its documented examples. */
export function createRemoteAssistanceHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const http = remoteAssistanceHttp(options);
  const handlers: HttpHandler[] = [];
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const register = http[method] as unknown as (path: string, resolver: (info: { request: Request }) => Promise<Response>) => HttpHandler;
      handlers.push(register(path, ({ request }) => answer(operation, request, options.baseUrl ?? DEFAULT_BASE_URL)));
    }
  }
  return handlers;
}

async function answer(operation: Json, request: Request, baseUrl: string): Promise<Response> {
  if (!hasBearerToken(request.headers.get("authorization"))) return documented(operation, "401");
  const verdict = judgeBody(operation.operationId, await request.text());
  if (!verdict.ok) return violation(verdict.errors);
  const preferred = /code=(\d{3})/.exec(request.headers.get("prefer") ?? "")?.[1];
  const status = preferred ?? Object.keys(operation.responses).find((code) => code.startsWith("2"))!;
  return documented(operation, status, pageLinks(request, baseUrl));
}

/**
 * The spec's list example carries a nextLink to graph.microsoft.com: a client would leave the mock (or refuse it).
 * Here a first page links to a second under the handlers' own base URL, and the second page is the last.
 */
function pageLinks(request: Request, baseUrl: string) {
  const url = new URL(request.url);
  const next = `${baseUrl.replace(/\/+$/, "")}/deviceManagement/remoteAssistancePartners?$skiptoken=page2`;
  return (example: Json): Json => {
    if (!example || typeof example !== "object" || !("@odata.nextLink" in example)) return example;
    const { "@odata.nextLink": _graphLink, ...page } = example;
    return url.searchParams.has("$skiptoken") ? page : { ...page, "@odata.nextLink": next };
  };
}

/** The operation's documented response for `status` (or its 4XX/5XX range), with its first example. */
function documented(operation: Json, status: string, adjust: (example: Json) => Json = (example) => example): Response {
  const response = resolve(operation.responses[status] ?? operation.responses[`${status.charAt(0)}XX`]);
  if (!response) return violation([{ path: "", message: `the operation documents no ${status} response` }], 500);
  // Every header and body of the spec carries examples (test/contract checks it): the first of each is answered.
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries((response.headers ?? {}) as Json)) headers[name] = String(firstExample(resolve(header)!));
  const init = { status: Number(status), headers };
  const content = Object.entries((response.content ?? {}) as Json)[0];
  if (!content) return new HttpResponse(null, init);
  const [mediaType, media] = content;
  const example = adjust(firstExample(media));
  return mediaType === "text/plain" ? HttpResponse.text(String(example), init) : HttpResponse.json(example, init);
}

function violation(errors: { path: string; message: string }[], status = 422): Response {
  return HttpResponse.json(
    {
      error: {
        code: "ContractViolation",
        message: `The request breaks the contract: ${errors.map((e) => `${e.path || "(body)"} ${e.message}`).join("; ")}`,
        details: errors.map((e) => ({ code: "ContractViolation", message: e.message, target: e.path })),
      },
    },
    { status },
  );
}

const firstExample = (node: Json): Json => (Object.values(node.examples as Json)[0] as Json).value;

/** The node a $ref points at. The spec's $refs name components, whose names need no JSON-pointer unescaping. */
function resolve(node: Json | undefined): Json | undefined {
  if (!node?.$ref) return node;
  return resolve((node.$ref as string).slice(2).split("/").reduce((at: Json, key: string) => at[key], spec as Json));
}
