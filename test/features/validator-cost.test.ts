// Validation cost: huge or overlong input is judged in time linear in its size and never throws.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { createRemoteAssistanceClient, isContractViolationError, validateODataError, validateRemoteAssistancePartner, validateRemoteAssistancePartnerCollection, validateRemoteAssistancePartnerCreate, validateRemoteAssistancePartnerUpdate } from "../../src/entries/index.js";
import { root } from "../helpers/spec.js";
import { getHeapStatistics } from "node:v8";
import { PARTNER, rejection, json } from "../helpers/graph-server.js";
import { it } from "../helpers/fixtures.js";

const validators = {
  validateRemoteAssistancePartner,
  validateRemoteAssistancePartnerUpdate,
  validateRemoteAssistancePartnerCreate,
  validateRemoteAssistancePartnerCollection,
  validateODataError,
};

const invalidPage = (n: number) => ({ value: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, onboardingStatus: "BOGUS" })) });

/** CPU milliseconds this process spent (vitest's default pool runs each test file in a process of its own). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The least CPU time of `rounds` runs: the run least disturbed by garbage collection and by other processes. */
function leastCpuMs(run: () => void, rounds: number): number {
  let least = Infinity;
  for (let i = 0; i < rounds; i++) {
    const started = cpuMs();
    run();
    least = Math.min(least, cpuMs() - started);
  }
  return least;
}

/**
 * How much longer `large` takes than `small`: a ratio, not a clock figure, and in CPU time, so that other processes
 * on a loaded machine (or Stryker's instrumented code) do not count. The absolute figures live in `npm run bench`.
 */
function growth(small: () => void, large: () => void, rounds = 3): number {
  small();
  large();
  return leastCpuMs(large, rounds) / Math.max(leastCpuMs(small, rounds), 0.05);
}

/**
 * A hundred times the input: linear code takes at most about 100 × (measured 27–63 ×, the small input's fixed costs
 * weighing more), quadratic code 10,000 ×. The bound sits between, with a factor of ten either side: a ratio for ten
 * times the input (linear 10 ×, quadratic 100 ×) was too close to call once garbage collection varied (5–65 × measured
 * on a loaded machine, and a CI run failed at 77 ×).
 */
const HUNDRED_TIMES_INPUT = 100;
const LINEAR_NOT_QUADRATIC = 1_000;

const MiB = 1024 * 1024;
const heapReserved = () => getHeapStatistics().total_heap_size;

describe("a page of 60,000 invalid partners", () => {
  it("is judged with at most 100 errors listed and a count of the rest, in time linear in its size", () => {
    const page = invalidPage(60_000);
    expect(JSON.stringify(page).length).toBeGreaterThan(1_500_000);
    const result = validateRemoteAssistancePartnerCollection(page);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toHaveLength(101);
    expect(result.errors[0]).toEqual({ path: "/value/0/onboardingStatus", message: 'must be one of "notOnboarded", "onboarding", "onboarded"' });
    expect(result.errors[100]).toEqual({ path: "", message: "and 59900 more errors, not listed" });
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });

  it("grows linearly: 100,000 invalid partners take about a hundred times 1,000 (the quadratic code took 10 s for 60,000)", () => {
    const small = invalidPage(100_000 / HUNDRED_TIMES_INPUT);
    const large = invalidPage(100_000);
    expect(growth(() => validateRemoteAssistancePartnerCollection(small), () => validateRemoteAssistancePartnerCollection(large))).toBeLessThan(LINEAR_NOT_QUADRATIC);
  });

  it("the generated code gathers errors in place, never by copying them per item (the cause of the quadratic time)", () => {
    for (const file of ["generated/validators.js", "generated/beta/validators.js"]) {
      const code = readFileSync(join(root, file), "utf8");
      expect(code).not.toContain(".concat(");
      expect(code).toMatch(/for \(const e of validate\d+\.errors\) vErrors\.push\(e\);/);
    }
  });
});

describe("never throws", () => {
  const thrower = (property: string, thrown: () => unknown) => Object.defineProperty({}, property, { enumerable: true, get: () => { throw thrown(); } });
  const unprintable = () => ({ toString() { throw new Error("no"); } });
  const trap = new Proxy({}, { ownKeys() { throw new Error("trap"); }, get() { throw new Error("trap"); } });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  // Where each validator reads a property it knows: a getter there must be named by its path.
  const shapes: Record<keyof typeof validators, { wrap: (inner: object) => unknown; property: string; path: string }> = {
    validateRemoteAssistancePartner: { wrap: (x) => x, property: "displayName", path: "/displayName" },
    validateRemoteAssistancePartnerUpdate: { wrap: (x) => x, property: "displayName", path: "/displayName" },
    validateRemoteAssistancePartnerCreate: { wrap: (x) => x, property: "displayName", path: "/displayName" },
    validateRemoteAssistancePartnerCollection: { wrap: (x) => ({ value: [x] }), property: "displayName", path: "/value/0/displayName" },
    validateODataError: { wrap: (x) => ({ error: x }), property: "code", path: "/error/code" },
  };
  for (const [name, validate] of Object.entries(validators) as [keyof typeof validators, (typeof validators)[keyof typeof validators]][]) {
    const { wrap, property, path } = shapes[name];
    const cases: [string, unknown, string][] = [
      ["a getter that throws", wrap(thrower(property, () => new Error("getter says no"))), path],
      ["a getter that throws something unprintable", wrap(thrower(property, unprintable)), path],
      ["a Proxy whose traps throw", trap, ""],
      ["a revoked Proxy", revoked.proxy, ""],
    ];
    it.each(cases)(`${name}: %s gives { valid: false } naming the path`, (_what, value, expected) => {
      let result: ReturnType<typeof validate> | undefined;
      expect(() => (result = validate(value))).not.toThrow();
      expect(result!.valid).toBe(false);
      if (!result!.valid) expect(result!.errors[0]!.path).toBe(expected);
    });

    it(`${name}: an object whose toString throws is judged by its type, never printed`, () => {
      const result = validate(wrap({ [property]: unprintable() }));
      expect(result.valid).toBe(false);
      if (!result.valid) expect(result.errors.map((e) => e.path)).toContain(path);
    });
  }

  it("a getter deep in a page is named by its path", () => {
    const nestedGetter = { value: [{ id: "a" }, { get displayName(): string { throw new Error("deep"); } }] };
    const result = validateRemoteAssistancePartnerCollection(nestedGetter);
    expect(result).toEqual({ valid: false, errors: [{ path: "/value/1/displayName", message: "could not be read: Error: deep" }] });
  });

  it("a 10 MB URL is judged without throwing, in no more than linear time (against a 100 kB URL's)", () => {
    const url = `https://example.com/${"a".repeat(10_000_000)}`;
    const shorter = `https://example.com/${"a".repeat(10_000_000 / HUNDRED_TIMES_INPUT)}`;
    for (const validate of [validateRemoteAssistancePartnerUpdate, validateRemoteAssistancePartner]) {
      expect(() => validate({ onboardingUrl: url })).not.toThrow();
      expect(growth(() => validate({ onboardingUrl: shorter }), () => validate({ onboardingUrl: url }))).toBeLessThan(LINEAR_NOT_QUADRATIC);
    }
  });
});

describe("validation cost of overlong strings", () => {
  it.each([
    ["spaces", " "],
    ["the letter t (a date-time separator)", "t"],
  ])("a 15 MiB lastConnectionDateTime of %s is refused at its path without the heap growing", (_what, char) => {
    const value = { ...PARTNER, lastConnectionDateTime: char.repeat(15 * MiB) };
    const before = heapReserved();
    const result = validateRemoteAssistancePartner(value);
    const grown = heapReserved() - before;
    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors.map((e) => e.path)).toEqual(["/lastConnectionDateTime"]);
    expect(grown).toBeLessThan(64 * MiB);
  });

  it("a date-time with 12 decimals of seconds (OData's most) is still valid; one with a 100-digit fraction is not", () => {
    expect(validateRemoteAssistancePartner({ ...PARTNER, lastConnectionDateTime: "2016-12-31T23:58:36.123456789012-08:00" }).valid).toBe(true);
    expect(validateRemoteAssistancePartner({ ...PARTNER, lastConnectionDateTime: `2016-12-31T23:58:36.${"1".repeat(100)}Z` }).valid).toBe(false);
  });

  describe('through the client, validate: "response"', () => {

    it("a 15 MiB lastConnectionDateTime is a ContractViolationError at its path", async ({ graph }) => {
      graph.answer((_q, res) => json(res, 200, { ...PARTNER, lastConnectionDateTime: " ".repeat(15 * MiB) }));
      const client = createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => "token-of-the-test", validate: "response", tracing: false });
      const error = await rejection(client.get("p1"));
      expect(isContractViolationError(error)).toBe(true);
      expect(error.errors.map((e: { path: string }) => e.path)).toEqual(["/lastConnectionDateTime"]);
      expect(error.message.length).toBeLessThan(500);
    });
  });
});
