// Tokens from an Azure TokenCredential, behind a cache. The cache is the point of taking a credential:
// @azure/identity's credentials go to Microsoft Entra ID (or an MSAL cache) on every getToken, and a client making a
// call a second must not do that. Its rules, as named predicates (after Azure's tokenCycler): a token is used until
// it is near expiry; one getToken runs at a time, shared by every call waiting for it; a shared getToken that nobody
// waits for any more is abandoned (so a hung credential cannot wedge later calls); a background refresh has a bound
// of its own; a token still valid is kept when a refresh fails.
import { GraphError } from "../core/errors.js";
import type { AccessToken, TokenCredential, TokenSource } from "../core/shapes.js";
import { untilAborted } from "../core/abort.js";
import { sendableToken } from "./token-provider.js";

/** A token this close to expiry is replaced before it is used: clocks drift, and a call can take a while. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;
/** After a background refresh fails, the old token is used this long before the next try. */
const REFRESH_RETRY_MS = 30_000;
/** The longest a background refresh (which no call waits for) may take before it is abandoned. */
export const BACKGROUND_REFRESH_MS = 30_000;

interface Pending {
  promise: Promise<AccessToken>;
  controller: AbortController;
  waiting: number;
}

/** `now` and the timers are parameters for the tests' clock. */
export function cachedCredential(credential: TokenCredential, scope: string, now = Date.now): TokenSource {
  let current: AccessToken | undefined;
  let pending: Pending | undefined;
  let quietUntil = 0;

  const usable = (token: AccessToken | undefined, at: number): boolean => !!token && at < token.expiresOnTimestamp - REFRESH_BEFORE_EXPIRY_MS;
  const shouldRefresh = (token: AccessToken, at: number) => at >= (token.refreshAfterTimestamp ?? Infinity) && at >= quietUntil && !pending;

  const refresh = (): Pending => {
    const controller = new AbortController();
    const entry: Pending = {
      controller,
      waiting: 0,
      promise: fetchToken(credential, scope, controller.signal, now).then(
        (token) => {
          if (pending === entry) pending = undefined;
          return (current = token);
        },
        (error: unknown) => {
          if (pending === entry) pending = undefined;
          throw error;
        },
      ),
    };
    entry.promise.catch(() => undefined); // a refresh nobody waits for must not be an unhandled rejection
    return (pending = entry);
  };

  /** Waits for the shared getToken; the last waiter to give up abandons it, so the next call starts afresh. */
  const fresh = async (signal: AbortSignal | undefined): Promise<AccessToken> => {
    const shared = pending ?? refresh();
    shared.waiting++;
    try {
      return await (signal ? untilAborted(shared.promise, signal) : shared.promise);
    } finally {
      if (--shared.waiting === 0 && pending === shared && signal?.aborted) {
        pending = undefined;
        shared.controller.abort(signal.reason);
      }
    }
  };

  const refreshInBackground = () => {
    const shared = refresh();
    const timer = setTimeout(() => {
      if (pending === shared && shared.waiting === 0) {
        pending = undefined;
        shared.controller.abort(new DOMException("The background token refresh timed out", "TimeoutError"));
      }
    }, BACKGROUND_REFRESH_MS);
    shared.promise.then(
      () => clearTimeout(timer),
      () => {
        clearTimeout(timer);
        quietUntil = now() + REFRESH_RETRY_MS;
      },
    );
  };

  return {
    async get(_url, signal) {
      const token = current;
      const at = now();
      if (token && usable(token, at)) {
        // Still good: refresh in the background if the issuer asked for it, and carry on with this one meanwhile.
        if (shouldRefresh(token, at)) refreshInBackground();
        return token.token;
      }
      // Only here, where a call must wait for a token, is a lazy signal made.
      const waitSignal = typeof signal === "function" ? signal() : signal;
      try {
        return (await fresh(waitSignal)).token;
      } catch (error) {
        // Entra ID down for a moment: a token that has not yet expired still works.
        if (token && !waitSignal?.aborted && now() < token.expiresOnTimestamp) return token.token;
        throw error;
      }
    },
    drop(token) {
      if (current?.token === token) current = undefined;
    },
  };
}

async function fetchToken(credential: TokenCredential, scope: string, signal: AbortSignal, now: () => number): Promise<AccessToken> {
  let result: AccessToken | null;
  try {
    result = await credential.getToken([scope], { abortSignal: signal });
  } catch (cause) {
    throw authenticationFailed(`credential.getToken failed: ${(cause as Error)?.message ?? String(cause)}`, cause);
  }
  if (!result) throw authenticationFailed(`credential.getToken gave no token for ${scope}`);
  // Each property read once: a getter answering differently on a second read must not send an unchecked value.
  const { token, expiresOnTimestamp, refreshAfterTimestamp } = result;
  if (!Number.isFinite(expiresOnTimestamp)) throw authenticationFailed("credential.getToken gave a token without a numeric expiresOnTimestamp");
  // Seconds given where milliseconds are meant land in 1970: say so rather than ask for a new token on every call.
  if (expiresOnTimestamp <= now()) {
    throw authenticationFailed(`credential.getToken gave a token that has already expired (expiresOnTimestamp ${expiresOnTimestamp}, in milliseconds since 1970)`);
  }
  const checked = sendableToken(token, "credential.getToken"); // as a getAccessToken result: sendable, never repeated
  return { token: checked, expiresOnTimestamp, refreshAfterTimestamp };
}

const authenticationFailed = (message: string, cause?: unknown) => new GraphError({ status: 0, code: "AuthenticationFailed", message, cause });
