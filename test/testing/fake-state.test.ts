// The fake's state on its own: its default partners and settings, and the two ways it fails on purpose (seeded
// faults, the throttle) at their exact boundaries, which a consumer's retry test relies on. Time is the test's own
// clock, never the wall clock.
import { describe, expect, it } from "vitest";
import { CONTRACTS } from "../../src/testing/fake/contract.js";
import { examplePartners, faultStatus, initialSettings } from "../../src/testing/fake/state.js";
import { appOf, createThrottle, INTUNE_REMOTE_ASSISTANCE_LIMITS, retryAfter } from "../../src/testing/fake/throttle.js";

const withFaults = (faults: { rate: number; seed: number; statuses: number[] } | undefined, draws: number[]) =>
  faultStatus({ options: { faults } as never, random: () => draws.shift()! });

describe("the fake's default state", () => {
  it("the partners of the spec's examples, each once, without the response's @odata.context", () => {
    const partners = examplePartners(CONTRACTS["v1.0"]);
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
    expect(withFaults(undefined, [0])).toBeUndefined();
    // A second draw is there to choose a status, should one be (wrongly) due.
    expect(withFaults({ rate: 0, seed: 1, statuses: [503, 504] }, [0, 0])).toBeUndefined();
    expect(withFaults({ rate: 0.5, seed: 1, statuses: [503, 504] }, [0.5, 0])).toBeUndefined();
  });

  it("under the rate: a status chosen by the next draw", () => {
    expect(withFaults({ rate: 0.5, seed: 1, statuses: [503, 504] }, [0.49, 0])).toBe(503);
    expect(withFaults({ rate: 0.5, seed: 1, statuses: [503, 504] }, [0.49, 0.99])).toBe(504);
    expect(withFaults({ rate: 1, seed: 1, statuses: [500, 502, 429] }, [0.2, 0.5])).toBe(502);
  });
});

describe("the fake's throttle (Microsoft's Intune remote assistance limits)", () => {
  const clock = () => {
    let now = 0;
    return { now: () => now, set: (ms: number) => void (now = ms) };
  };

  it("defaults to Microsoft's numbers: 20 s; writes 100 per app, 200 per tenant; requests 1,000 per app, 2,000 per tenant", () => {
    expect(INTUNE_REMOTE_ASSISTANCE_LIMITS).toEqual({ windowMs: 20_000, writesPerApp: 100, writesPerTenant: 200, requestsPerApp: 1_000, requestsPerTenant: 2_000 });
  });

  it("counts writes per app in the window; past the limit, the wait until the oldest leaves it; refusals are not counted", () => {
    const time = clock();
    const throttle = createThrottle({ ...INTUNE_REMOTE_ASSISTANCE_LIMITS, windowMs: 10_000, writesPerApp: 2 }, time.now);
    expect(throttle.admit("a", true)).toBeUndefined();
    time.set(1_000);
    expect(throttle.admit("a", true)).toBeUndefined();
    time.set(2_500);
    expect(throttle.admit("a", true)).toBe(7_500);
    expect(throttle.admit("a", false)).toBeUndefined(); // a read is not a write
    expect(throttle.admit("b", true)).toBeUndefined(); // another app has its own quota
    time.set(10_000); // the write at 0 has left the window (exactly one window old)
    expect(throttle.admit("a", true)).toBeUndefined();
    expect(throttle.admit("a", true)).toBe(1_000);
  });

  it("reads count too, and the tenant's limit holds across apps", () => {
    const time = clock();
    const throttle = createThrottle({ ...INTUNE_REMOTE_ASSISTANCE_LIMITS, requestsPerApp: 2, requestsPerTenant: 3 }, time.now);
    expect(throttle.admit("a", false)).toBeUndefined();
    expect(throttle.admit("a", false)).toBeUndefined();
    expect(throttle.admit("a", false)).toBe(20_000);
    expect(throttle.admit("b", false)).toBeUndefined();
    time.set(5);
    expect(throttle.admit("c", false)).toBe(19_995); // the tenant's third is used
    throttle.reset();
    expect(throttle.admit("c", false)).toBeUndefined();
  });

  it("Retry-After in decimal seconds to the millisecond, as Microsoft's sample (2.128), never 0", () => {
    expect(retryAfter(2_127.2)).toBe("2.128");
    expect(retryAfter(20_000)).toBe("20");
    expect(retryAfter(0.4)).toBe("0.001");
  });

  it("the app is a JWT's appid or azp claim; any other token is one app", () => {
    const jwt = (claims: object) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}.s`;
    expect(appOf(jwt({ appid: "app-1" }))).toBe("app-1");
    expect(appOf(jwt({ azp: "app-2" }))).toBe("app-2");
    expect(appOf(jwt({ sub: "x" }))).toBe("app");
    expect(appOf("plain-token")).toBe("app");
    expect(appOf("a.!!!.c")).toBe("app");
  });
});
