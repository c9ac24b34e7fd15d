// The token step: a token for every attempt (a long Retry-After can outlive the first one), sent as
// `Authorization: Bearer …`, remembered for redaction; and one resend with a new token after the service says the
// cached one is no good (401 with `WWW-Authenticate: … error="invalid_token"`, RFC 6750 §3.1: revoked, or the
// clock was wrong).
import type { Step, TokenSource } from "../core/shapes.js";

export function tokenStep(tokens: TokenSource): Step {
  return {
    async send(exchange, next) {
      let resent = false;
      for (;;) {
        const token = await tokens.get(exchange.url, exchange.signal ?? exchange.lazySignal);
        if (exchange.expired) throw new DOMException("The request timed out", "TimeoutError"); // the call has ended: send nothing
        exchange.tokens.add(token);
        exchange.headers.Authorization = `Bearer ${token}`;
        exchange.attempts++;
        const response = (await next(exchange)) as Response;
        exchange.lastResponse = response;
        if (resent || response.status !== 401 || !tokens.drop || !/invalid_token/i.test(response.headers.get("www-authenticate") ?? "")) return response;
        resent = true;
        tokens.drop(token);
        await response.body?.cancel().catch(() => undefined);
      }
    },
  };
}
