// Tokens from the caller's getAccessToken: asked for every attempt, for no longer than the call's signal allows, and
// checked before they go in a header. Shared with the credential cache (./token-cache.ts), which checks its tokens
// the same way.
import { describeCharacter } from "../core/headers.js";
import { GraphError } from "../core/errors.js";
import { untilAborted } from "../core/abort.js";
import type { AccessTokenProvider, TokenSource } from "../core/shapes.js";

// A lazy signal (the default bound alone) is not made for the provider: the deadline ends the wait without it.
export const fromProvider = (getAccessToken: AccessTokenProvider): TokenSource => ({
  get: (url, signal) => requestToken(getAccessToken, url, typeof signal === "function" ? undefined : signal),
});

const NEVER_ABORTS = new AbortController().signal;

/** A bearer token goes in a header as it is: visible ASCII, no spaces, no line breaks (RFC 6750's b64token and more). */
const SENDABLE_TOKEN = /^[\x21-\x7e]+$/;

/**
 * Asks the provider for a token, for no longer than `signal` allows (it rejects with the signal's reason, the
 * provider's promise left behind). Any failure, anything but a non-empty string, or a string that cannot be sent in a
 * header is a GraphError "AuthenticationFailed" that never repeats the value (it may be a token in the wrong shape).
 */
export async function requestToken(getAccessToken: AccessTokenProvider, url: string, signal: AbortSignal | undefined): Promise<string> {
  let token: unknown;
  try {
    // Without a signal there is nothing to race: the common case stays one await.
    token = signal ? await untilAborted(Promise.resolve().then(() => getAccessToken({ url, signal })), signal) : await getAccessToken({ url, signal: NEVER_ABORTS });
  } catch (cause) {
    if (signal?.aborted) throw cause; // the signal's reason, from untilAborted
    throw new GraphError({ status: 0, code: "AuthenticationFailed", message: `getAccessToken failed: ${(cause as Error)?.message ?? String(cause)}`, cause });
  }
  return sendableToken(token, "getAccessToken");
}

/** `token` if it can go in a header; otherwise AuthenticationFailed naming `who` and the first bad character, never the value. */
export function sendableToken(token: unknown, who: string): string {
  if (typeof token !== "string" || token === "") {
    const got = token === "" ? "an empty string" : token === null ? "null" : typeof token;
    throw new GraphError({ status: 0, code: "AuthenticationFailed", message: `${who} must give a non-empty string token, got ${got}` });
  }
  if (!SENDABLE_TOKEN.test(token)) {
    let at = 0;
    while (SENDABLE_TOKEN.test(token[at]!)) at++;
    throw new GraphError({
      status: 0,
      code: "AuthenticationFailed",
      message: `${who} gave a token that cannot be sent in a header: ${describeCharacter(token, at)} at position ${at} (nothing was sent)`,
    });
  }
  return token;
}
