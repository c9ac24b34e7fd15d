// The retry step: the rest of the chain (token and sending) run again while the policy allows, each retry marked
// with `Retry-Attempt`. A request here is plain data (a string body, a headers object), so a replay is the same
// exchange sent again: nothing to clone.
import { withoutQueryValues } from "../core/redact.js";
import type { Step } from "../core/shapes.js";
import type { Outcome, RetryPolicy } from "./retry-policy.js";

export function retryStep(policy: RetryPolicy): Step {
  return {
    async send(exchange, next) {
      let first: Outcome;
      try {
        first = { response: (await next(exchange)) as Response };
      } catch (error) {
        first = { error };
      }
      // Most calls end here: one cheap test, no machinery.
      const outcome = policy.isRetryable(first)
        ? await policy.settle({ method: exchange.method, url: withoutQueryValues(exchange.url), signal: exchange.signal ?? exchange.lazySignal?.() }, first, async (attempt) => {
            exchange.headers["Retry-Attempt"] = String(attempt);
            return (await next(exchange)) as Response;
          })
        : first;
      // Tested by the response, not the error: fetch may reject with undefined itself.
      if (!outcome.response) throw outcome.error;
      return outcome.response;
    },
  };
}
