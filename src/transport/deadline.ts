// One signal per call for the caller's abort and the client's whole-call bound, released when the call ends.
//
// Built by hand rather than with AbortSignal.timeout and AbortSignal.any, whose timers and listeners outlive a
// finished call until the timeout would have fired (under load that held megabytes per thousand calls). And made
// even when the caller's signal is the only one: fetch leaves its listener on whatever signal it is given until the
// request is collected, so calls sharing one long-lived caller signal piled up listeners. A caller's signal carries
// ONE listener however many calls share it (Node warns past ten: MaxListenersExceededWarning), removed with the last.
import type { Exchange, Next, Step } from "../core/shapes.js";

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

/**
 * The deadline step: `timeoutMs` over everything inside it (token, attempts, waits, the body, the checks). Under the
 * default bound alone (no timeoutMs given, no caller's signal) no AbortController is made unless something must wait:
 * in Node an AbortController costs more than the rest of the client's work for a call (bench/calls.ts), and fetch
 * given a signal costs more again. Such a call is still bounded: it rejects with Timeout within a second past the
 * bound, its token and retry waits stop, nothing more is sent, and the request itself is left to undici's own limits
 * on a silent server (headersTimeout and bodyTimeout, 300 s each).
 */
export function deadlineStep(timeoutMs: number, timeoutGiven: boolean): Step {
  return {
    async send(exchange, next) {
      const callerSignal = exchange.callerSignal;
      if (!timeoutGiven && !callerSignal) return defaultBound(exchange, next, timeoutMs);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(timedOut()), timeoutMs);
      let unfollow: (() => void) | undefined;
      if (callerSignal?.aborted) controller.abort(callerSignal.reason);
      else if (callerSignal) unfollow = follow(callerSignal, controller);
      exchange.signal = exchange.fetchSignal = controller.signal;
      try {
        return await next(exchange);
      } finally {
        clearTimeout(timer);
        unfollow?.();
      }
    },
  };
}

const timedOut = () => new DOMException("The request timed out", "TimeoutError");

/** A call under the default bound: when it must end, and how. */
interface Watch {
  until: number;
  expire(): void;
}

/**
 * The calls under the default bound, checked by one interval timer a second while any is in flight. A timer per call
 * cost a tenth of a loopback call (Node re-arms its timer list for each): the bound ends a call within a second past
 * it, which for a 100 s bound is precision enough.
 */
const watched = new Set<Watch>();
let ticker: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  if (!watched.size) {
    clearInterval(ticker);
    ticker = undefined;
    return;
  }
  const now = Date.now();
  for (const watch of watched) {
    if (now >= watch.until) {
      watched.delete(watch);
      watch.expire();
    }
  }
}

/** The default bound: the work raced against the ticker, and a controller only for the waits that ask for one. */
function defaultBound(exchange: Exchange, next: Next, timeoutMs: number): Promise<unknown> {
  let controller: AbortController | undefined;
  exchange.lazySignal = () => {
    if (!controller) {
      controller = new AbortController();
      if (exchange.expired) controller.abort(timedOut());
    }
    return controller.signal;
  };
  return new Promise((resolve, reject) => {
    const watch: Watch = {
      until: Date.now() + timeoutMs,
      expire() {
        exchange.expired = true;
        const reason = timedOut();
        controller?.abort(reason);
        reject(reason);
      },
    };
    watched.add(watch);
    if (!ticker) {
      ticker = setInterval(tick, 1000);
      // A call in flight keeps the process alive by its socket; the ticker itself must not.
      (ticker as { unref?: () => void }).unref?.();
    }
    // Settled by the work or by the ticker, whichever comes first; a later outcome of the work is ignored.
    next(exchange).then(
      (value) => {
        watched.delete(watch);
        resolve(value);
      },
      (error: unknown) => {
        watched.delete(watch);
        reject(error);
      },
    );
  });
}
