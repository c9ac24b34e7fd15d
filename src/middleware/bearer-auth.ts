import type { Middleware } from "openapi-fetch";
import { GraphError } from "../errors.js";

/** Returns an access token for Microsoft Graph; called once per request, so a cache belongs in here. */
export type AccessTokenProvider = (context: { url: string; signal: AbortSignal }) => string | Promise<string>;

/**
 * openapi-fetch middleware that sends `Authorization: Bearer <token>`, fetching a token for every request, and only
 * to the client's own origin: a request the client builds for another origin goes without the token.
 */
export function bearerAuth(getAccessToken: AccessTokenProvider): Middleware {
  if (typeof getAccessToken !== "function") throw new TypeError("bearerAuth: getAccessToken must be a function");
  return {
    async onRequest({ request, options }) {
      if (options.baseUrl && new URL(request.url).origin !== new URL(options.baseUrl).origin) return undefined;
      let token: unknown;
      try {
        token = await getAccessToken({ url: request.url, signal: request.signal });
      } catch (cause) {
        throw new GraphError({ status: 0, code: "AuthenticationFailed", message: `getAccessToken failed: ${(cause as Error)?.message ?? String(cause)}`, cause });
      }
      if (typeof token !== "string" || token === "") {
        // Say what came back, never the value: it may be a token in the wrong shape.
        const got = token === "" ? "an empty string" : token === null ? "null" : typeof token;
        throw new GraphError({ status: 0, code: "AuthenticationFailed", message: `getAccessToken must resolve to a non-empty string, got ${got}` });
      }
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
}
