// One signal per call for the caller's abort and the client's whole-call bound, released when the call ends.
//
// Built by hand rather than with AbortSignal.timeout and AbortSignal.any, whose timers and listeners outlive a
// finished call until the timeout would have fired (under load that held megabytes per thousand calls). And made
// even when the caller's signal is the only one: fetch leaves its listener on whatever signal it is given until the
// request is collected, so calls sharing one long-lived caller signal piled up listeners. A caller's signal carries
// ONE listener however many calls share it (Node warns past ten: MaxListenersExceededWarning), removed with the last.
import type { Step } from "../core/shapes.js";

/** The calls in flight under each caller signal, aborted together by the signal's one listener. */
const inFlight = new WeakMap<AbortSignal, { controllers: Set<AbortController>; forward: () => void }>();

function follow(callerSignal: AbortSignal, controller: AbortController): () => void {
  let entry = inFlight.get(callerSignal);
  if (!entry) {
    const controllers = new Set<AbortController>();
    const forward = () => {
      for (const c of controllers) c.abort(callerSignal.reason);
    };
    entry = { controllers, forward };
    inFlight.set(callerSignal, entry);
    callerSignal.addEventListener("abort", forward);
  }
  const { controllers, forward } = entry;
  controllers.add(controller);
  return () => {
    controllers.delete(controller);
    if (controllers.size === 0) {
      callerSignal.removeEventListener("abort", forward);
      inFlight.delete(callerSignal);
    }
  };
}

/** The deadline step: `timeoutMs` over everything inside it (token, attempts, waits, the body, the checks). */
export function deadlineStep(timeoutMs: number | undefined): Step {
  return {
    name: "deadline",
    async send(exchange, next) {
      const callerSignal = exchange.callerSignal;
      if (!timeoutMs && !callerSignal) return next(exchange);
      const controller = new AbortController();
      const timer = timeoutMs ? setTimeout(() => controller.abort(new DOMException("The request timed out", "TimeoutError")), timeoutMs) : undefined;
      let unfollow: (() => void) | undefined;
      if (callerSignal?.aborted) controller.abort(callerSignal.reason);
      else if (callerSignal) unfollow = follow(callerSignal, controller);
      exchange.signal = controller.signal;
      try {
        return await next(exchange);
      } finally {
        clearTimeout(timer);
        unfollow?.();
      }
    },
  };
}
