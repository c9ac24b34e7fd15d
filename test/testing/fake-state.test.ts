// The fake's state on its own: its default partners and settings, and the two ways it fails on purpose (seeded
// faults, the write throttle) at their exact boundaries, which a consumer's retry test relies on.
import { afterEach, describe, expect, it, vi } from "vitest";
import { examplePartners, faultStatus, initialSettings, throttled, type State } from "../../src/testing/fake/state.js";

const stateWith = (faults: State["options"]["faults"], draws: number[]): State => ({
  options: { faults },
  partners: new Map(),
  settings: undefined,
  writes: [],
  random: () => draws.shift()!,
});

describe("the fake's default state", () => {
  it("the partners of the spec's examples, each once, without the response's @odata.context", () => {
    const partners = examplePartners();
    expect(partners.map((p) => p.id)).toEqual(["7443c8b9-c8b9-7443-b9c8-4374b9c84374", "2b0c8f9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f"]);
    expect(partners[1]).toEqual({
      "@odata.type": "#microsoft.graph.remoteAssistancePartner",
      id: "2b0c8f9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f",
      displayName: "TeamViewer",
      onboardingUrl: "https://example.com/teamviewer/onboarding/",
      onboardingStatus: "onboarded",
      lastConnectionDateTime: "2026-11-27T08:15:00Z",
    });
    expect(partners.every((p) => !("@odata.context" in p))).toBe(true);
  });

  it("the beta settings of an account nobody configured: disabled, with the singleton's type and id", () => {
    expect(initialSettings()).toEqual({
      "@odata.type": "#microsoft.graph.remoteAssistanceSettings",
      id: "cfef360e-360e-cfef-0e36-efcf0e36efcf",
      remoteAssistanceState: "disabled",
      allowSessionsToUnenrolledDevices: false,
      blockChat: false,
    });
  });
});

describe("the fake's faults", () => {
  it("none without the option, and none when the draw is at or over the rate", () => {
    expect(faultStatus(stateWith(undefined, [0]))).toBeUndefined();
    // A second draw is there to choose a status, should one be (wrongly) due.
    expect(faultStatus(stateWith({ rate: 0, seed: 1 }, [0, 0]))).toBeUndefined();
    expect(faultStatus(stateWith({ rate: 0.5, seed: 1 }, [0.5, 0]))).toBeUndefined();
  });

  it("under the rate: a status chosen by the next draw, 503 or 504 unless statuses are given", () => {
    expect(faultStatus(stateWith({ rate: 0.5, seed: 1 }, [0.49, 0]))).toBe(503);
    expect(faultStatus(stateWith({ rate: 0.5, seed: 1 }, [0.49, 0.99]))).toBe(504);
    expect(faultStatus(stateWith({ rate: 1, seed: 1, statuses: [500, 502, 429] }, [0.2, 0.5]))).toBe(502);
  });
});

describe("the fake's write throttle", () => {
  afterEach(() => vi.useRealTimers());
  const WINDOW = { writes: 2, windowMs: 10_000 };

  it("counts writes in the window; past the limit, the seconds until the oldest leaves it, at least 1", () => {
    vi.useFakeTimers({ now: 0 });
    const state = stateWith(undefined, []);
    expect(throttled(state, WINDOW)).toBeUndefined();
    vi.setSystemTime(1_000);
    expect(throttled(state, WINDOW)).toBeUndefined();
    vi.setSystemTime(2_500);
    expect(throttled(state, WINDOW)).toBe(8); // the write at 0 leaves at 10 000: 7.5 s, rounded up
    vi.setSystemTime(9_999);
    expect(throttled(state, WINDOW)).toBe(1);
    expect(state.writes).toEqual([0, 1_000]); // refused writes are not counted
  });

  it("a write exactly one window old has left it", () => {
    vi.useFakeTimers({ now: 0 });
    const state = stateWith(undefined, []);
    throttled(state, WINDOW);
    throttled(state, WINDOW);
    vi.setSystemTime(10_000);
    expect(throttled(state, WINDOW)).toBeUndefined();
    expect(state.writes).toEqual([10_000]);
  });
});
