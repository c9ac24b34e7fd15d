// `raw`: the typed openapi-fetch client of the generated `paths`, for those who prefer `{ data, error, response }`.
// It shares the client's rules through middleware and its fetch: the token only to baseUrl's origin (and not while
// the caller's signal or timeoutMs has run out), the same retry policy, no redirect to another origin.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { bearerAuth } from "../middleware/bearer-auth.js";
import { retry as retryMiddleware } from "../middleware/retry.js";
import { withDeadline, type Deadline } from "./deadline.js";
import { QUERY_SERIALIZER } from "./operations.js";
import type { FetchLike, ResolvedOptions } from "./options.js";
import { sendFollowingSameOrigin } from "./redirects.js";

export function createRawClient<P extends {}>(options: ResolvedOptions): Client<P> {
  const raw = createClient<P>({
    baseUrl: options.baseUrl,
    fetch: async (request: Request) => {
      // Looked up per call, not captured now: test tools (msw, nock) patch globalThis.fetch after clients are made.
      const send: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
      const body = request.body ? await request.text() : undefined;
      const headers = Object.fromEntries(request.headers);
      // The retry middleware sets it before the first attempt (so that retries repeat it); without retries, here.
      headers["client-request-id"] ??= crypto.randomUUID();
      return sendFollowingSameOrigin(send, request.url, { method: request.method, headers, body, signal: request.signal }, headers["client-request-id"]);
    },
    ...(options.headers ? { headers: options.headers } : {}),
    querySerializer: QUERY_SERIALIZER,
  });
  if (options.timeoutMs) raw.use(deadlineMiddleware(options.timeoutMs));
  raw.use(bearerAuth(({ url, signal }) => options.tokens.get(url, signal), { origins: [options.base.origin] }));
  if (options.retryOptions !== false) raw.use(retryMiddleware(options.retryOptions));
  return raw;
}

/**
 * timeoutMs for raw: from the token wait to the response (retries included). Registered first, so it sees the
 * request before the token is asked for and the response after the retries; openapi-fetch then reads the body.
 */
function deadlineMiddleware(timeoutMs: number): Middleware {
  const deadlines = new WeakMap<Request, Deadline>();
  const release = (request: Request) => {
    deadlines.get(request)?.release();
    deadlines.delete(request);
  };
  return {
    onRequest({ request }) {
      const deadline = withDeadline(request.signal, timeoutMs);
      const bounded = new Request(request, { signal: deadline.signal ?? null });
      deadlines.set(bounded, deadline);
      return bounded;
    },
    onResponse({ request, response }) {
      release(request);
      return response;
    },
    onError({ request, error }) {
      release(request);
      return error instanceof Error ? error : new Error(String(error), { cause: error });
    },
  };
}
