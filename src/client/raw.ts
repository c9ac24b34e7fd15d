// `raw`: the typed openapi-fetch client of a contract's generated `paths`, for those who prefer
// `{ data, error, response }`. It is openapi-fetch given the client's own transport as its fetch: the same token
// rules, deadline, retries, redirects, byte limits, redaction and errors as the client's methods, because it is the
// same code. HTTP errors come back as `error` (with the body as the transport read it: bounded, tokens redacted).
import createClient, { type Client } from "openapi-fetch";
import { assertHeaders } from "../core/headers.js";
import { withoutQueryValues } from "../core/redact.js";
import type { OperationManifest, OperationEntry, Received } from "../core/shapes.js";
import type { ClientCore } from "./create-client.js";
import { QUERY_SERIALIZER } from "./urls.js";

export function createRawClient<P extends {}>(core: ClientCore, operations: OperationManifest): Client<P> {
  const { options, transport } = core;
  // openapi-fetch sends no header of its own that the client refuses; a caller's may: checked as the methods' are.
  const route = router(operations, options.basePath);
  return createClient<P>({
    baseUrl: options.baseUrl,
    querySerializer: QUERY_SERIALIZER,
    fetch: async (request: Request) => {
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
    },
  });
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
