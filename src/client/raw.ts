// `raw`: the typed openapi-fetch client of a contract's generated `paths`, for those who prefer
// `{ data, error, response }`. It is openapi-fetch given the client's own transport as its fetch: the same token
// rules, deadline, retries, redirects, byte limits, redaction and errors as the client's methods, because it is the
// same code. HTTP errors come back as `error` (with the body as the transport read it: bounded, tokens redacted).
//
// openapi-fetch itself is imported on the first raw call, not with the package: every raw method returns a promise
// anyway, and a program that never uses raw (most) no longer pays for resolving and compiling it at start
// (bench/cold-start.ts) nor, bundled, carries it up front (test/package/size.test.ts).
import type { Client, Middleware } from "openapi-fetch";
import { assertHeaders } from "../core/headers.js";
import { withoutQueryValues } from "../core/redact.js";
import type { OperationManifest, OperationEntry, Received } from "../core/shapes.js";
import type { ClientCore } from "./create-client.js";
import { QUERY_SERIALIZER } from "./urls.js";

const CALLS = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

export function createRawClient<P extends {}>(core: ClientCore, operations: OperationManifest): Client<P> {
  const fetch = rawFetch(core, operations);
  const { baseUrl } = core.options;
  // Middleware registered before openapi-fetch has arrived, in order; handed to it once it has.
  const middleware: Middleware[] = [];
  let loaded: Client<P> | undefined;
  let loading: Promise<Client<P>> | undefined;
  const load = () =>
    (loading ??= import("openapi-fetch").then(({ default: createClient }) => {
      const client = createClient<P>({ baseUrl, querySerializer: QUERY_SERIALIZER, fetch });
      client.use(...middleware);
      return (loaded = client);
    }));
  const raw = {
    use(...added: Middleware[]) {
      if (loaded) return loaded.use(...added);
      // openapi-fetch's own rule, applied here so that a wrong middleware still fails at use(), before any call.
      for (const m of added) {
        if (!m) continue;
        if (typeof m !== "object" || !("onRequest" in m || "onResponse" in m || "onError" in m)) {
          throw new Error("Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`");
        }
        middleware.push(m);
      }
    },
    eject(...removed: Middleware[]) {
      if (loaded) return loaded.eject(...removed);
      for (const m of removed) {
        const at = middleware.indexOf(m);
        if (at !== -1) middleware.splice(at, 1);
      }
    },
  } as Client<P>;
  for (const name of CALLS) {
    (raw as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const client = loaded ?? (await load());
      return (client[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return raw;
}

/** The fetch openapi-fetch is given: its Request, checked and handed to the client's transport. */
function rawFetch(core: ClientCore, operations: OperationManifest) {
  const { options, transport } = core;
  // openapi-fetch sends no header of its own that the client refuses; a caller's may: checked as the methods' are.
  const route = router(operations, options.basePath);
  return async (request: Request) => {
    // A per-request baseUrl may point anywhere: the transport sends (and the token goes) only under the client's.
    if (!request.url.startsWith(`${options.baseUrl}/`)) {
      throw new TypeError(`raw: ${withoutQueryValues(request.url).slice(0, 200)} is not under the client's baseUrl ${options.baseUrl}; nothing was sent`);
    }
    const body = request.body ? await request.text() : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    assertHeaders(headers, "raw: headers");
    return transport({
      operation: route(request.method, new URL(request.url).pathname),
      method: request.method,
      url: request.url,
      body,
      headers,
      signal: request.signal,
      interpret: asResponse,
    });
  };
}

/** The body as read, in a Response of its own for openapi-fetch to parse. */
const asResponse = ({ response, text }: Received) =>
  new Response(response.status === 204 || response.status === 304 ? null : text, { status: response.status, statusText: response.statusText, headers: response.headers });

/** The manifest entry a raw request is a call of (for telemetry and errors), by its method and path template. */
function router(operations: OperationManifest, basePath: string): (method: string, pathname: string) => OperationEntry | undefined {
  const routes = Object.values(operations).map((entry) => ({
    entry,
    pattern: new RegExp(`^${escape(basePath)}${entry.path.split(/\{[^}]+\}/).map(escape).join("[^/]+")}$`),
  }));
  return (method, pathname) => routes.find((r) => r.entry.method === method && r.pattern.test(pathname))?.entry;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
