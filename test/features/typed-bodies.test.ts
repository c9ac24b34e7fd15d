// Compile-time behaviour of the public types. `npm test` runs tsc over this file first, so each expect-error
// directive below must mark a real error: that is where these tests bite. Their runtime assertions check that the
// validators agree with the types on the same values (accepted by both, or refused by both).
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  validateODataError,
  validateRemoteAssistancePartner,
  validateRemoteAssistancePartnerUpdate,
  type ODataError,
  type RemoteAssistanceOnboardingStatus,
  type RemoteAssistancePartner,
  type RemoteAssistancePartnerUpdate,
  type operations,
  type paths,
} from "../../src/entries/index.js";

describe("RemoteAssistancePartnerUpdate (the PATCH body)", () => {
  it("accepts a partial update and the seed's request (compile-time), and so do the validators", () => {
    const rename: RemoteAssistancePartnerUpdate = { displayName: "TeamViewer (Europe)" };
    const seed: RemoteAssistancePartnerUpdate = {
      displayName: "Display Name value",
      onboardingUrl: "https://example.com/onboardingUrl/",
      onboardingStatus: "onboarding",
      lastConnectionDateTime: "2016-12-31T23:58:36.6670033-08:00",
    };
    const empty: RemoteAssistancePartnerUpdate = {};
    const cleared: RemoteAssistancePartnerUpdate = { displayName: null, onboardingUrl: null };
    expect([rename, seed, empty, cleared].map((body) => validateRemoteAssistancePartnerUpdate(body).valid)).toEqual([true, true, true, true]);
  });

  it("refuses id, unknown keys, enum typos and wrong types at compile time, and so do the validators", () => {
    // @ts-expect-error id is read-only: set by the service
    const withId: RemoteAssistancePartnerUpdate = { id: "7443c8b9-c8b9-7443-b9c8-4374b9c84374" };
    // @ts-expect-error a misspelt property is not part of the body
    const typo: RemoteAssistancePartnerUpdate = { displayNam: "x" };
    // @ts-expect-error not one of the enum's values
    const enumTypo: RemoteAssistancePartnerUpdate = { onboardingStatus: "onboardng" };
    // @ts-expect-error enum values are case-sensitive
    const enumCase: RemoteAssistancePartnerUpdate = { onboardingStatus: "Onboarded" };
    // @ts-expect-error displayName is a string
    const wrongType: RemoteAssistancePartnerUpdate = { displayName: 42 };
    // @ts-expect-error lastConnectionDateTime is not nullable
    const nullDate: RemoteAssistancePartnerUpdate = { lastConnectionDateTime: null };
    // @ts-expect-error the annotation can only name this type
    const otherType: RemoteAssistancePartnerUpdate = { "@odata.type": "#microsoft.graph.user" };
    const refused = [withId, typo, enumTypo, enumCase, wrongType, nullDate, otherType].map((body) => validateRemoteAssistancePartnerUpdate(body).valid);
    expect(refused).toEqual([false, false, false, false, false, false, false]);
  });
});

describe("RemoteAssistancePartner (the response)", () => {

  it("is what a successful validation narrows to", () => {
    const result = validateRemoteAssistancePartner({ id: "p1", onboardingStatus: "onboarded" });
    if (!result.valid) throw new Error("expected valid");
    expectTypeOf(result.value).toEqualTypeOf<RemoteAssistancePartner>();
    expect(result.value.onboardingStatus).toBe("onboarded");
    // @ts-expect-error a misspelt property is caught when reading, too
    expect(result.value.onboardingStatu).toBeUndefined();
  });
});

describe("ODataError and paths", () => {
  it("requires error.code and error.message (compile-time), as the validator does", () => {
    const ok: ODataError = { error: { code: "BadRequest", message: "m", innerError: { date: "2026-11-28T10:00:00" } } };
    // @ts-expect-error message is required
    const noMessage: ODataError = { error: { code: "BadRequest" } };
    expect([validateODataError(ok).valid, validateODataError(noMessage).valid]).toEqual([true, false]);
  });
});
