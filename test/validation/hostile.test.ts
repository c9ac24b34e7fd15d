// The validators on hostile and huge input: linear time, a bounded list of errors, and never a throw, whatever they
// are given. Each returns { valid: false } naming the path it could not read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  validateODataError,
  validateRemoteAssistancePartner,
  validateRemoteAssistancePartnerCollection,
  validateRemoteAssistancePartnerCreate,
  validateRemoteAssistancePartnerUpdate,
} from "../../src/entries/index.js";
import { root } from "../helpers/spec.js";

const validators = {
  validateRemoteAssistancePartner,
  validateRemoteAssistancePartnerUpdate,
  validateRemoteAssistancePartnerCreate,
  validateRemoteAssistancePartnerCollection,
  validateODataError,
};

const invalidPage = (n: number) => ({ value: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, onboardingStatus: "BOGUS" })) });

function medianMs(run: () => void, rounds = 5): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

/**
 * Under `npm run mutation` the code is instrumented (each mutant behind a switch, coverage counted), several times
 * slower: the bounds there are 10 times wider, which still fails the quadratic code (10 s for 60,000).
 */
const SLOWER = process.env.MUTATION_RUN ? 10 : 1;

describe("a page of 60,000 invalid partners", () => {
  it("is judged in well under 100 ms, with at most 100 errors listed and a count of the rest", () => {
    const page = invalidPage(60_000);
    expect(JSON.stringify(page).length).toBeGreaterThan(1_500_000);
    const result = validateRemoteAssistancePartnerCollection(page);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.errors).toHaveLength(101);
    expect(result.errors[0]).toEqual({ path: "/value/0/onboardingStatus", message: 'must be one of "notOnboarded", "onboarding", "onboarded"' });
    expect(result.errors[100]).toEqual({ path: "", message: "and 59900 more errors, not listed" });
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
    const ms = medianMs(() => validateRemoteAssistancePartnerCollection(page));
    console.log(`validators: 60,000 invalid partners judged in ${ms.toFixed(1)} ms (median of 5)`);
    expect(ms).toBeLessThan(100 * SLOWER);
  });

  it("grows linearly: 200,000 invalid partners in well under a second (the quadratic code took 10 s for 60,000)", () => {
    const huge = invalidPage(200_000);
    validateRemoteAssistancePartnerCollection(invalidPage(1_000));
    const ms = medianMs(() => validateRemoteAssistancePartnerCollection(huge), 3);
    console.log(`validators: 200,000 invalid partners judged in ${ms.toFixed(1)} ms (median of 3)`);
    expect(ms).toBeLessThan(1_000 * SLOWER);
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

  it("a 10 MB URL is judged quickly", () => {
    const url = `https://example.com/${"a".repeat(10_000_000)}`;
    for (const validate of [validateRemoteAssistancePartnerUpdate, validateRemoteAssistancePartner]) {
      const started = performance.now();
      expect(() => validate({ onboardingUrl: url })).not.toThrow();
      expect(performance.now() - started).toBeLessThan(2_000 * SLOWER);
    }
  });
});
