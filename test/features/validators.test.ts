// Validators: bad input as a table of cases, each with the error it must give; what they accept.
import { describe, expect } from "vitest";
import { validateODataError, validateRemoteAssistancePartner, validateRemoteAssistancePartnerCollection, validateRemoteAssistancePartnerCreate, validateRemoteAssistancePartnerUpdate, type Validator } from "../../src/entries/index.js";
import { seedPartner } from "../fixtures/seed-examples.js";
import { it } from "../helpers/fixtures.js";

const { "@odata.type": _type, id: _id, ...seedUpdate } = seedPartner;
const error = { error: { code: "BadRequest", message: "Bad request." } };

type Case = [name: string, value: unknown, path: string, message: RegExp];

// Wrong values every partner-shaped schema refuses, response and PATCH body alike.
const propertyCases = (base: Record<string, unknown>): Case[] => [
  ["enum typo", { ...base, onboardingStatus: "onboardng" }, "/onboardingStatus", /one of "notOnboarded", "onboarding", "onboarded"/],
  ["enum in the wrong case", { ...base, onboardingStatus: "Onboarded" }, "/onboardingStatus", /one of/],
  ["enum as a number", { ...base, onboardingStatus: 2 }, "/onboardingStatus", /one of/],
  ["null status (not nullable)", { ...base, onboardingStatus: null }, "/onboardingStatus", /one of/],
  ["displayName as a number", { ...base, displayName: 42 }, "/displayName", /must be string or null/],
  ["displayName as an object", { ...base, displayName: { en: "x" } }, "/displayName", /must be string or null/],
  ["date without offset", { ...base, lastConnectionDateTime: "2016-12-31T23:58:36.6670033" }, "/lastConnectionDateTime", /UTC offset/],
  ["date only", { ...base, lastConnectionDateTime: "2016-12-31" }, "/lastConnectionDateTime", /date-time/],
  ["impossible date", { ...base, lastConnectionDateTime: "2016-02-30T23:58:36Z" }, "/lastConnectionDateTime", /date-time/],
  ["date as epoch number", { ...base, lastConnectionDateTime: 1483257516 }, "/lastConnectionDateTime", /must be string/],
  ["null date (not nullable)", { ...base, lastConnectionDateTime: null }, "/lastConnectionDateTime", /must be string/],
  ["onboardingUrl as a number", { ...base, onboardingUrl: 7 }, "/onboardingUrl", /must be string or null/],
  ["null body", null, "", /must be object/],
  ["array body", [base], "", /must be object/],
  ["string body", JSON.stringify(base), "", /must be object/],
  ["number body", 204, "", /must be object/],
];

const cases: Record<string, [Validator<unknown>, Case[]]> = {
  validateRemoteAssistancePartner: [
    validateRemoteAssistancePartner,
    [
      ...propertyCases(seedPartner),
      ["id as a number", { ...seedPartner, id: 7443 }, "/id", /must be string/],
      // A wrapper or a collection is another shape: liberal reading must not let one hide an invalid partner.
      ["a partner wrapped in value (Microsoft's GET example)", { value: { ...seedPartner, onboardingStatus: "BOGUS" } }, "/value", /a collection or a wrapper, not the object itself/],
      ["a collection given as a partner", { value: [seedPartner] }, "/value", /not the object itself/],
      ["@odata.type as a number", { ...seedPartner, "@odata.type": 1 }, "/@odata.type", /must be string/],
    ],
  ],
  validateRemoteAssistancePartnerUpdate: [
    validateRemoteAssistancePartnerUpdate,
    [
      ...propertyCases(seedUpdate),
      // Request-side only (a deliberate difference from Microsoft's Edm.String): an onboarding URL is absolute.
      ["onboardingUrl not a URL", { ...seedUpdate, onboardingUrl: "not a url" }, "/onboardingUrl", /absolute URI/],
      ["onboardingUrl relative", { ...seedUpdate, onboardingUrl: "/onboardingUrl/" }, "/onboardingUrl", /absolute URI/],
      ["id in a PATCH body", { ...seedUpdate, id: seedPartner.id }, "/id", /"id" is not allowed here \(read-only\)/],
      ["misspelt property", { ...seedUpdate, displayNam: "x" }, "/displayNam", /unknown property "displayNam"/],
      ["property in the wrong case", { DisplayName: "x" }, "/DisplayName", /unknown property "DisplayName"/],
      ["a beta-only property", { onboardingRequestExpiryDateTime: "2027-01-01T00:00:00Z" }, "/onboardingRequestExpiryDateTime", /unknown property/],
      ["another type's annotation", { ...seedUpdate, "@odata.type": "#microsoft.graph.user" }, "/@odata.type", /must be "#microsoft.graph.remoteAssistancePartner"/],
      ["a response-only annotation", { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#x" }, "/@odata.context", /"@odata.context" is not allowed here \(read-only\)/],
      ["an annotation the contract does not know", { "@odata.etag": 'W/"1"' }, "/@odata.etag", /unknown property "@odata.etag"/],
    ],
  ],
  validateRemoteAssistancePartnerCreate: [
    validateRemoteAssistancePartnerCreate,
    [
      ...propertyCases(seedUpdate),
      ["id in a create body", { ...seedUpdate, id: seedPartner.id }, "/id", /"id" is not allowed here \(read-only\)/],
      ["misspelt property", { ...seedUpdate, onboardingURL: "https://example.com/" }, "/onboardingURL", /unknown property "onboardingURL"/],
    ],
  ],
  validateRemoteAssistancePartnerCollection: [
    validateRemoteAssistancePartnerCollection,
    [
      ["no value", { "@odata.count": 0 }, "/value", /required property "value" is missing/],
      ["value not an array", { value: seedPartner }, "/value", /must be array/],
      ["a partner with an enum typo", { value: [seedPartner, { ...seedPartner, onboardingStatus: "done" }] }, "/value/1/onboardingStatus", /one of/],
      ["a partner that is not an object", { value: [seedPartner.id] }, "/value/0", /must be object/],
      ["nextLink not a URI", { value: [], "@odata.nextLink": "page 2" }, "/@odata.nextLink", /absolute URI/],
      ["negative count", { value: [], "@odata.count": -1 }, "/@odata.count", /must be >= 0/],
      ["count as a string", { value: [], "@odata.count": "2" }, "/@odata.count", /must be integer/],
      ["a bare array", [seedPartner], "", /must be object/],
    ],
  ],
  validateODataError: [
    validateODataError,
    [
      ["empty object", {}, "/error", /required property "error" is missing/],
      ["no message", { error: { code: "BadRequest" } }, "/error/message", /required property "message"/],
      ["no code", { error: { message: "m" } }, "/error/code", /required property "code"/],
      ["code as a number", { error: { code: 400, message: "m" } }, "/error/code", /must be string/],
      ["details not an array", { error: { ...error.error, details: { code: "x" } } }, "/error/details", /must be array/],
      ["detail without code", { error: { ...error.error, details: [{ message: "m" }] } }, "/error/details/0/code", /required property "code"/],
      ["innerError date in words", { error: { ...error.error, innerError: { date: "yesterday" } } }, "/error/innerError/date", /must match pattern/],
      ["error as a string", { error: "Bad request" }, "/error", /must be object/],
      ["null body", null, "", /must be object/],
      ["text body", "Service Unavailable", "", /must be object/],
    ],
  ],
};

for (const [validatorName, [validate, table]] of Object.entries(cases)) {
  describe(validatorName, () => {
    it.each(table)("refuses %s, naming its path", (_name, value, path, message) => {
      const result = validate(value);
      expect(result.valid).toBe(false);
      if (result.valid) return;
      const atPath = result.errors.filter((e) => e.path === path);
      expect(atPath, JSON.stringify(result.errors)).not.toHaveLength(0);
      expect(atPath.map((e) => e.message).join("\n")).toMatch(message);
    });
  });
}

describe("what the validators accept", () => {
  it("the seed's response, returning the same value", () => {
    expect(validateRemoteAssistancePartner(seedPartner)).toEqual({ valid: true, value: seedPartner });
  });

  it("responses with properties and annotations this contract does not know (read liberally)", ({ graph }) => {
    const value = {
      ...seedPartner,
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/remoteAssistancePartners/$entity",
      "@odata.etag": 'W/"1"',
      onboardingRequestExpiryDateTime: "2027-01-01T00:00:00Z",
    };
    expect(validateRemoteAssistancePartner(value).valid).toBe(true);
  });

  it("an onboardingUrl that is empty or relative: a valid response, as Microsoft types it (Edm.String)", () => {
    for (const onboardingUrl of ["", "/onboardingUrl/", "onboarding", "not a url"]) {
      expect(validateRemoteAssistancePartner({ ...seedPartner, onboardingUrl })).toEqual({ valid: true, value: { ...seedPartner, onboardingUrl } });
      expect(validateRemoteAssistancePartnerCollection({ value: [{ ...seedPartner, onboardingUrl }] }).valid).toBe(true);
    }
  });

  it("null displayName and onboardingUrl (nullable), and a $select-ed partner with only an id", () => {
    expect(validateRemoteAssistancePartner({ ...seedPartner, displayName: null, onboardingUrl: null }).valid).toBe(true);
    expect(validateRemoteAssistancePartner({ id: seedPartner.id }).valid).toBe(true);
  });

  it("a page with a next link, a last page with a null next link, and an empty page", ({ graph }) => {
    const nextLink = "https://graph.microsoft.com/v1.0/deviceManagement/remoteAssistancePartners?$skiptoken=x";
    expect(validateRemoteAssistancePartnerCollection({ value: [seedPartner], "@odata.nextLink": nextLink, "@odata.count": 2 }).valid).toBe(true);
    expect(validateRemoteAssistancePartnerCollection({ value: [seedPartner], "@odata.nextLink": null }).valid).toBe(true);
    expect(validateRemoteAssistancePartnerCollection({ value: [] }).valid).toBe(true);
  });

  it("an empty create body (nothing is required) and the create page's request", () => {
    expect(validateRemoteAssistancePartnerCreate({}).valid).toBe(true);
    expect(validateRemoteAssistancePartnerCreate({ ...seedUpdate, "@odata.type": _type }).valid).toBe(true);
  });

  it("an empty PATCH body, a one-property PATCH, and the seed's request with its type annotation", () => {
    expect(validateRemoteAssistancePartnerUpdate({}).valid).toBe(true);
    expect(validateRemoteAssistancePartnerUpdate({ onboardingStatus: "onboarded" }).valid).toBe(true);
    expect(validateRemoteAssistancePartnerUpdate({ ...seedUpdate, "@odata.type": _type }).valid).toBe(true);
  });

  it("an error whose innerError.date has no UTC offset, as the service sends it, and unknown innerError fields", () => {
    const value = { error: { ...error.error, innerError: { date: "2026-11-28T10:00:00", "request-id": "r", extra: 1 } } };
    expect(validateODataError(value).valid).toBe(true);
    expect(validateODataError({ error: { ...error.error, innerError: { date: "2026-11-28T10:00:00Z" } } }).valid).toBe(true);
  });

  it("reports every problem at once, not only the first", () => {
    const result = validateRemoteAssistancePartnerUpdate({ id: "x", displayNam: "y", onboardingStatus: "z" });
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors.map((e) => e.path).sort()).toEqual(["/displayNam", "/id", "/onboardingStatus"]);
  });

  it("escapes property names in paths as JSON pointers", () => {
    const result = validateRemoteAssistancePartnerUpdate({ "a/b~c": 1 });
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0]!.path).toBe("/a~1b~0c");
  });

  it("does not throw on a value whose getter throws", () => {
    const hostile = Object.defineProperty({}, "displayName", { enumerable: true, get: () => { throw new Error("boom"); } });
    const result = validateRemoteAssistancePartnerUpdate(hostile);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0]!.message).toMatch(/could not be read: Error: boom/);
  });
});
