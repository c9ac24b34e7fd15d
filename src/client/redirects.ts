// Redirects are followed here rather than by fetch. fetch drops only Authorization when a redirect leaves the
// origin: the client's other headers go along, and a 307 or 308 sends the request body to the other host. Graph
// does not redirect API calls, so a redirect to another origin is refused before anything is sent there.
import { GraphError } from "../errors.js";
import type { FetchLike } from "./options.js";

const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface Outgoing {
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** Sends, following same-origin redirects the way fetch would (a 303, or a 301/302 after POST, becomes a GET). */
export async function sendFollowingSameOrigin(send: FetchLike, url: string, request: Outgoing, clientRequestId?: string): Promise<Response> {
  const refused = (response: Response, what: string) => refusal(response, what, clientRequestId);
  let current: Outgoing & { url: string } = { url, method: request.method, headers: request.headers, body: request.body, signal: request.signal };
  for (let hops = 0; ; hops++) {
    const response = await send(current.url, { method: current.method, headers: current.headers, body: current.body, signal: current.signal, redirect: "manual" });
    // In a browser a manual redirect is opaque: status 0, no Location to judge.
    if (response.type === "opaqueredirect") throw refused(response, "a redirect the browser hides from the client");
    const location = REDIRECTS.has(response.status) ? response.headers.get("location") : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    let target: URL;
    try {
      target = new URL(location, current.url);
    } catch {
      throw refused(response, "a redirect to a malformed Location");
    }
    if (target.origin !== new URL(current.url).origin) throw refused(response, `a redirect to another origin (${target.origin}); not followed, nothing was sent there`);
    if (hops >= MAX_REDIRECTS) throw refused(response, `more than ${MAX_REDIRECTS} redirects`);
    current = { ...current, url: target.href };
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && current.method === "POST")) {
      const { "Content-Type": _dropped, ...headers } = current.headers;
      current = { ...current, method: "GET", headers, body: undefined };
    }
  }
}

function refusal(response: Response, what: string, clientRequestId: string | undefined): GraphError {
  return new GraphError({
    status: response.status,
    code: "RedirectRefused",
    message: `HTTP ${response.status}: ${what}`,
    requestId: response.headers.get("request-id") ?? undefined,
    clientRequestId,
    date: response.headers.get("date") ?? undefined,
  });
}
