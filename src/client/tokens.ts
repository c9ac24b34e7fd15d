// Where the client's tokens come from: the caller's getAccessToken (asked for every attempt, as before), or an Azure
// TokenCredential behind a cache. The cache is the point of taking a credential: @azure/identity's credentials go to
// Microsoft Entra ID (or an MSAL cache) on every getToken, and a client making a call a second must not do that.
import { GraphError } from "../errors.js";
import { requestToken, sendableToken, untilAborted, type AccessTokenProvider } from "../middleware/bearer-auth.js";

/** An access token as `@azure/core-auth` gives it. */
export interface AccessToken {
  token: string;
  /** When the token expires, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
  /** When the issuer suggests getting a new one (managed identity sets it), in milliseconds since the epoch. */
  refreshAfterTimestamp?: number;
}

/**
 * The `@azure/core-auth` credential shape, taken structurally so that this package does not depend on
 * `@azure/identity`: `DefaultAzureCredential`, `ClientSecretCredential`, `ManagedIdentityCredential`… all fit.
 */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

export interface TokenSource {
  /** A token to send to `url`; rejects with the signal's reason once it aborts, with AuthenticationFailed otherwise. */
  get(url: string, signal: AbortSignal | undefined): Promise<string>;
  /** Forget `token` after the service called it invalid (401 invalid_token); only a cache can do anything about that. */
  drop?(token: string): void;
}

/** A token this close to expiry is replaced before it is used: clocks drift, and a call can take a while. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;
/** After a background refresh fails, the old token is used this long before the next try. */
const REFRESH_RETRY_MS = 30_000;

export const fromProvider = (getAccessToken: AccessTokenProvider): TokenSource => ({
  get: (url, signal) => requestToken(getAccessToken, url, signal),
});

/**
 * One token reused until it is near expiry; one getToken in flight, shared by every call waiting for it; a token
 * still valid kept when a refresh fails. `now` is a parameter for the tests' clock.
 */
export function cachedCredential(credential: TokenCredential, scope: string, now = Date.now): TokenSource {
  let current: AccessToken | undefined;
  let pending: { promise: Promise<AccessToken>; signal: AbortSignal | undefined } | undefined;
  let quietUntil = 0;

  const refresh = (signal: AbortSignal | undefined) => {
    // A shared refresh carries the signal of the call that started it; see `fresh` for the others.
    const promise = fetchToken(credential, scope, signal, now).then(
      (token) => {
        pending = undefined;
        return (current = token);
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return (pending = { promise, signal });
  };

  const fresh = async (signal: AbortSignal | undefined): Promise<AccessToken> => {
    for (;;) {
      const shared = pending ?? refresh(signal);
      try {
        return await (signal ? untilAborted(shared.promise, signal) : shared.promise);
      } catch (error) {
        // Another call's abort ended the shared getToken: this one still wants a token, so it asks again.
        if (shared.signal?.aborted && !signal?.aborted) continue;
        throw error;
      }
    }
  };

  return {
    async get(_url, signal) {
      const token = current;
      const at = now();
      if (token && at < token.expiresOnTimestamp - REFRESH_BEFORE_EXPIRY_MS) {
        // Still good: refresh in the background if the issuer asked for it, and carry on with this one meanwhile.
        if (at >= (token.refreshAfterTimestamp ?? Infinity) && at >= quietUntil && !pending) {
          refresh(undefined).promise.catch(() => (quietUntil = now() + REFRESH_RETRY_MS));
        }
        return token.token;
      }
      try {
        return (await fresh(signal)).token;
      } catch (error) {
        // Entra ID down for a moment: a token that has not yet expired still works.
        if (token && !signal?.aborted && now() < token.expiresOnTimestamp) return token.token;
        throw error;
      }
    },
    drop(token) {
      if (current?.token === token) current = undefined;
    },
  };
}

async function fetchToken(credential: TokenCredential, scope: string, signal: AbortSignal | undefined, now: () => number): Promise<AccessToken> {
  let result: AccessToken | null;
  try {
    result = await credential.getToken([scope], signal ? { abortSignal: signal } : {});
  } catch (cause) {
    // (A getToken ended by its caller's abort lands here too; that caller has its reason already, by untilAborted.)
    throw authenticationFailed(`credential.getToken failed: ${(cause as Error)?.message ?? String(cause)}`, cause);
  }
  if (!result) throw authenticationFailed(`credential.getToken gave no token for ${scope}`);
  if (!Number.isFinite(result.expiresOnTimestamp)) throw authenticationFailed("credential.getToken gave a token without a numeric expiresOnTimestamp");
  // Seconds given where milliseconds are meant land in 1970: say so rather than ask for a new token on every call.
  if (result.expiresOnTimestamp <= now()) {
    throw authenticationFailed(`credential.getToken gave a token that has already expired (expiresOnTimestamp ${result.expiresOnTimestamp}, in milliseconds since 1970)`);
  }
  sendableToken(result.token, "credential.getToken"); // as a getAccessToken result: sendable, never repeated
  return result;
}

const authenticationFailed = (message: string, cause?: unknown) => new GraphError({ status: 0, code: "AuthenticationFailed", message, cause });
