// The innermost send: one HTTP request through fetch, redirects followed here rather than by fetch. fetch drops only
// Authorization when a redirect leaves the origin: the client's other headers go along, and a 307 or 308 sends the
// request body to the other host. Graph does not redirect API calls, so a redirect is followed only within the
// client's origin and base path (the rule next links follow too); anything else is refused before anything is sent.
import { GraphError } from "../core/errors.js";
import type { Exchange, FetchLike, Sender } from "../core/shapes.js";

const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** `fetch` looked up at each send when not given: test tools (msw, nock) patch globalThis.fetch after clients are made. */
export function redirectingSender(fetch: FetchLike | undefined, origin: string, basePath: string): Sender {
  const send: FetchLike = fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async (exchange) => {
    let { url, method, body } = exchange;
    let headers = exchange.headers;
    for (let hops = 0; ; hops++) {
      const response = await send(url, { method, headers, body, signal: exchange.fetchSignal, redirect: "manual" });
      // In a browser a manual redirect is opaque: status 0, no Location to judge.
      if (response.type === "opaqueredirect") throw refused(response, exchange, "a redirect the browser hides from the client");
      const location = REDIRECTS.has(response.status) ? response.headers.get("location") : null;
      if (location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      const target = redirectTarget(location, url);
      if (typeof target === "string") throw refused(response, exchange, target);
      if (target.origin !== origin) throw refused(response, exchange, `a redirect to another origin (${target.origin}); not followed, nothing was sent there`);
      if (target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`)) {
        // basePath is "" only for a bare origin, where no path is out of it: this names a non-empty path.
        throw refused(response, exchange, `a redirect out of the base path ${basePath}; not followed, nothing was sent there`);
      }
      if (hops >= MAX_REDIRECTS) throw refused(response, exchange, `more than ${MAX_REDIRECTS} redirects`);
      url = target.href;
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = "GET";
        body = undefined;
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== "content-type"));
      }
    }
  };
}

/** The redirect's URL, or why it is refused: malformed, or carrying user info (never quoted: it may hold a password). */
function redirectTarget(location: string, from: string): URL | string {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return "a redirect to a malformed Location";
  }
  if (target.username || target.password) return "a redirect to a URL with user info (not quoted); not followed";
  return target;
}

function refused(response: Response, exchange: Exchange, what: string): GraphError {
  return new GraphError({
    status: response.status,
    code: "RedirectRefused",
    message: `HTTP ${response.status}: ${what}`,
    requestId: response.headers.get("request-id") ?? undefined,
    clientRequestId: exchange.clientRequestId,
    date: response.headers.get("date") ?? undefined,
  });
}
