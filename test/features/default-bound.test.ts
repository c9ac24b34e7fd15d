// The default bound: with no timeoutMs and no caller's signal, a call still ends by 100 s (a second's precision: one
// shared ticker, see src/transport/deadline.ts), and once it has ended nothing more of it happens: no request sent
// after a late token, no retry wait left running, no timer left behind. Under fake timers (the bound is 100 s), in a
// file of its own: the ticker is shared by every call of the module, so a real-time call of another test would leave
// a real ticker behind.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientAnswering } from "../helpers/stub-client.js";

const BOUND_MS = 100_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The call's outcome so far, without waiting for it. */
function watch(promise: Promise<unknown>) {
  const state: { settled: boolean; error?: any } = { settled: false };
  promise.then(
    () => Object.assign(state, { settled: true }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

const never = () => new Promise<Response>(() => undefined);

describe("the default bound", () => {
  it("ends calls that hang, each at 100 s and not before, with Timeout; then the shared ticker stops", async () => {
    const { client } = clientAnswering(never);
    const first = watch(client.get("p1"));
    await vi.advanceTimersByTimeAsync(10_000);
    const second = watch(client.get("p2")); // joins the ticker the first call started
    await vi.advanceTimersByTimeAsync(BOUND_MS - 10_000 - 1_000);
    expect([first.settled, second.settled]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(first.error).toMatchObject({ name: "GraphError", code: "Timeout", status: 0 });
    expect(second.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(second.error).toMatchObject({ name: "GraphError", code: "Timeout", status: 0 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a token that arrives after the bound: the call has ended with Timeout, and nothing is sent", async () => {
    const late = () => new Promise<string>((resolve) => setTimeout(() => resolve("late-token"), BOUND_MS + 50_000));
    const { client, sent } = clientAnswering(async () => new Response(null, { status: 204 }), { getAccessToken: late });
    const call = watch(client.delete("p1"));
    await vi.advanceTimersByTimeAsync(BOUND_MS + 1_000);
    expect(call.error).toMatchObject({ code: "Timeout" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent.length).toBe(0);
  });

  it("a 429 that arrives after the bound: no retry wait starts, nothing more is sent, no timer is left", async () => {
    const throttled = () =>
      new Promise<Response>((resolve) => setTimeout(() => resolve(new Response(null, { status: 429, headers: { "retry-after": "30" } })), BOUND_MS + 500));
    const { client, sent } = clientAnswering(throttled, { retry: { maxRetries: 3 } });
    const call = watch(client.delete("p1"));
    await vi.advanceTimersByTimeAsync(BOUND_MS + 2_000);
    expect(call.error).toMatchObject({ code: "Timeout" });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent.length).toBe(1);
  });

  it("where setInterval gives a number, not a Node timer (browsers): the bound still ends the call", async () => {
    const timers = new Map<number, ReturnType<typeof setInterval>>();
    const fakeSetInterval = setInterval;
    const fakeClearInterval = clearInterval;
    vi.stubGlobal("setInterval", (run: () => void, ms: number) => {
      timers.set(timers.size + 1, fakeSetInterval(run, ms));
      return timers.size;
    });
    vi.stubGlobal("clearInterval", (id: number | undefined) => fakeClearInterval(id === undefined ? undefined : timers.get(id)));
    const { client } = clientAnswering(never);
    const call = watch(client.get("p1"));
    await vi.advanceTimersByTimeAsync(BOUND_MS + 1_000);
    expect(call.error).toMatchObject({ code: "Timeout" });
    expect(timers.size).toBe(1);
  });
});
