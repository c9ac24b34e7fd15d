// Validators, property-based: well-formed results for any input, and values built from the schema's shape accepted.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { validateODataError, validateRemoteAssistancePartner, validateRemoteAssistancePartnerUpdate, type ValidationResult } from "../../src/entries/index.js";
import { it } from "../helpers/fixtures.js";

const RUNS = 2_000;
const validators = { validateRemoteAssistancePartner, validateRemoteAssistancePartnerUpdate, validateODataError };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An RFC 3339 date-time with 0 to 7 fraction digits and any offset from -14:00 to +14:00, or Z. */
const dateTime = fc
  .record({
    date: fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
    fraction: fc.stringMatching(/^\d{0,7}$/),
    offsetMinutes: fc.option(fc.integer({ min: -14 * 60, max: 14 * 60 }), { nil: undefined }),
  })
  .map(({ date, fraction, offsetMinutes }) => {
    const base = date.toISOString().slice(0, 19);
    const frac = fraction ? `.${fraction}` : "";
    if (offsetMinutes === undefined) return `${base}${frac}Z`;
    const sign = offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(offsetMinutes);
    return `${base}${frac}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  });

const status = fc.constantFrom("notOnboarded", "onboarding", "onboarded");
const writableProperties = {
  displayName: fc.option(fc.string(), { nil: null }),
  onboardingUrl: fc.option(fc.webUrl({ withQueryParameters: true, withFragments: true }), { nil: null }),
  onboardingStatus: status,
  lastConnectionDateTime: dateTime,
};
const update = fc.record(
  { ...writableProperties, "@odata.type": fc.constant("#microsoft.graph.remoteAssistancePartner") },
  { requiredKeys: [] },
);
const partner = fc
  .tuple(
    fc.record({ ...writableProperties, id: fc.uuid(), "@odata.type": fc.constant("#microsoft.graph.remoteAssistancePartner") }, { requiredKeys: [] }),
    // Properties the service may add later, and annotations: read liberally.
    fc.dictionary(fc.string().map((k) => `x${k}`), fc.jsonValue(), { maxKeys: 3 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));
const odataError = fc.record({
  error: fc.record(
    {
      code: fc.string(),
      message: fc.string(),
      target: fc.option(fc.string(), { nil: null }),
      details: fc.array(fc.record({ code: fc.string(), message: fc.string() })),
      innerError: fc.record({ date: dateTime.map((d) => d.replace(/(Z|[+-]\d\d:\d\d)$/, "")), "request-id": fc.uuid() }, { requiredKeys: [] }),
    },
    { requiredKeys: ["code", "message"] },
  ),
});

function expectWellFormed(result: ValidationResult<unknown>) {
  expect(typeof result.valid).toBe("boolean");
  if (!result.valid) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.path === "" || error.path.startsWith("/")).toBe(true);
      expect(error.message.length).toBeGreaterThan(0);
    }
  }
}

describe.each(Object.entries(validators))("%s", (_name, validate) => {
  it("never throws on arbitrary values and always answers a well-formed result", () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), (value) => {
      expectWellFormed(validate(value));
    }), { numRuns: RUNS });
  });

  it("never throws on objects with the schema's keys and arbitrary values", () => {
    const keys = ["id", "displayName", "onboardingUrl", "onboardingStatus", "lastConnectionDateTime", "@odata.type", "error"];
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), fc.anything()), (value) => {
      expectWellFormed(validate(value));
    }), { numRuns: RUNS });
  });
});

describe("values built from the schema's shape are accepted", () => {
  it.each([
    ["validateRemoteAssistancePartner", partner, validateRemoteAssistancePartner],
    ["validateRemoteAssistancePartnerUpdate", update, validateRemoteAssistancePartnerUpdate],
    ["validateODataError", odataError, validateODataError],
  ] as const)("%s", (_name, arbitrary, validate) => {
    fc.assert(fc.property(arbitrary, (value) => {
      const result = (validate as (v: unknown) => ValidationResult<unknown>)(value);
      expect(result.valid ? [] : result.errors).toEqual([]);
    }), { numRuns: RUNS });
  });

  it("and an update stops being accepted the moment it carries an id", () => {
    fc.assert(fc.property(update, fc.uuid(), (value, id) => {
      expect(validateRemoteAssistancePartnerUpdate({ ...value, id }).valid).toBe(false);
    }), { numRuns: RUNS });
  });
});
