// One signal per call for the caller's abort and the client's timeout, released when the call ends.
//
// Built by hand rather than with AbortSignal.timeout and AbortSignal.any, whose timers and listeners outlive a
// finished call until the timeout would have fired (under load that held megabytes per thousand calls). And made
// even when the caller's signal is the only one: fetch leaves its listener on whatever signal it is given until the
// request is collected, so 2,000 calls sharing one long-lived caller signal piled up listeners (and Node's
// MaxListenersExceededWarning). fetch now gets this per-call signal; the caller's carries one listener per call in
// flight, removed when the call ends.

export interface Deadline {
  signal: AbortSignal | undefined;
  release(): void;
}

const NONE: Deadline = { signal: undefined, release() {} };

export function withDeadline(callerSignal: AbortSignal | undefined, timeoutMs: number | undefined): Deadline {
  if (!timeoutMs && !callerSignal) return NONE;
  const controller = new AbortController();
  const timer = timeoutMs ? setTimeout(() => controller.abort(new DOMException("The request timed out", "TimeoutError")), timeoutMs) : undefined;
  const forward = () => controller.abort(callerSignal!.reason);
  if (callerSignal?.aborted) forward();
  else callerSignal?.addEventListener("abort", forward); // removed by release(), which every call ends with
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", forward);
    },
  };
}
