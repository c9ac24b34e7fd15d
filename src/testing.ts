// `remote-assistance-contract/testing`: msw handlers that stand up the contract in-process, for consumers' unit tests.
// Every operation answers with the spec's own example, checks the bearer token and the request body as the
// validating mock does, and honours `Prefer: code=NNN` to pick another documented response.
import { HttpResponse, type HttpHandler } from "msw";
import { createOpenApiHttp, type OpenApiHttpHandlers } from "openapi-msw";
import spec from "../generated/openapi.json" with { type: "json" };
import { DEFAULT_BASE_URL } from "./client/options.js";
import type { paths } from "./types.js";
import { validateRemoteAssistancePartnerCreate, validateRemoteAssistancePartnerUpdate, type Validator } from "./validation.js";

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
const BODY_VALIDATORS: Record<string, Validator<unknown>> = {
  createRemoteAssistancePartner: validateRemoteAssistancePartnerCreate,
  updateRemoteAssistancePartner: validateRemoteAssistancePartnerUpdate,
};

/** One handler per operation of the spec, answering with its documented examples. */
export function createRemoteAssistanceHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const http = remoteAssistanceHttp(options);
  const handlers: HttpHandler[] = [];
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const register = http[method] as unknown as (path: string, resolver: (info: { request: Request }) => Promise<Response>) => HttpHandler;
      handlers.push(register(path, ({ request }) => answer(operation, request)));
    }
  }
  return handlers;
}

async function answer(operation: Json, request: Request): Promise<Response> {
  if (!/^Bearer \S+/.test(request.headers.get("authorization") ?? "")) return documented(operation, "401");
  const validate = BODY_VALIDATORS[operation.operationId];
  if (validate) {
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return violation([{ path: "", message: "is not valid JSON" }]);
    }
    const result = validate(body);
    if (!result.valid) return violation(result.errors);
  }
  const preferred = /code=(\d{3})/.exec(request.headers.get("prefer") ?? "")?.[1];
  const status = preferred ?? Object.keys(operation.responses).find((code) => code.startsWith("2"))!;
  return documented(operation, status);
}

/** The operation's documented response for `status` (or its 4XX/5XX range), with its first example. */
function documented(operation: Json, status: string): Response {
  const response = resolve(operation.responses[status] ?? operation.responses[`${status.charAt(0)}XX`]);
  if (!response) return violation([{ path: "", message: `the operation documents no ${status} response` }], 500);
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries((response.headers ?? {}) as Json)) {
    const example = Object.values((resolve(header)?.examples ?? {}) as Json)[0]?.value;
    if (example !== undefined) headers[name] = String(example);
  }
  const [mediaType, content] = Object.entries((response.content ?? {}) as Json)[0] ?? [];
  const example = content ? Object.values((content.examples ?? {}) as Json)[0]?.value : undefined;
  const init = { status: Number(status), headers };
  if (example === undefined) return new HttpResponse(null, init);
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

function resolve(node: Json | undefined): Json | undefined {
  if (!node?.$ref) return node;
  const target = (node.$ref as string).slice(2).split("/").reduce((at: Json, key: string) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec as Json);
  return resolve(target);
}
