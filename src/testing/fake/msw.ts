// The fake as msw handlers, for tests that stay in their own process. msw is an optional peer: it is loaded here,
// once, when ./testing is imported, and only `fake.handlers` needs it; the HTTP fake works without it installed.
import { declaredTooLarge, readWebBody, tooLarge } from "./body.js";
import type { FakeCore } from "./http.js";

/**
 * msw's request handlers. Typed loosely on purpose: naming msw's own type here would make ./testing's declarations
 * fail to compile for a consumer without msw installed, and the value goes straight into `setupServer(...)`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MswHandler = any;

let msw: typeof import("msw") | undefined;
let missing: unknown;
try {
  msw = await import("msw");
} catch (error) {
  missing = error;
}

export function mswHandlers(core: FakeCore, baseUrl: string): MswHandler[] {
  if (!msw) throw new Error("fake.handlers needs msw (npm i -D msw); the fake's HTTP server, fake.listen(), does not.", { cause: missing });
  // A predicate, not a path pattern: msw decodes a pattern's parameters and answers a 500 of its own to a path whose
  // percent-encoding is broken, where the service (and the fake over HTTP) answers 400.
  const prefix = new URL(`${baseUrl}/`).href;
  return [msw.http.all(({ request }) => request.url.startsWith(prefix), ({ request }) => answer(core, request, baseUrl))];
}

async function answer(core: FakeCore, request: Request, baseUrl: string): Promise<Response> {
  const url = new URL(request.url);
  const head = { method: request.method, path: url.pathname, query: url.searchParams, headers: request.headers };
  const limit = core.maxRequestBodyBytes;
  const body = declaredTooLarge(request.headers.get("content-length"), limit) ? undefined : await readWebBody(request.body, limit);
  const out = body === undefined ? core.refuse(head, tooLarge(limit).status, tooLarge(limit).code, tooLarge(limit).message) : core.answer({ ...head, body }, baseUrl);
  return new Response(out.body ?? null, { status: out.status, headers: out.headers });
}
