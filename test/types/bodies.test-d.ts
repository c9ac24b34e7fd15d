// Compile-time behaviour of the public types. `npm test` runs tsc over this file first, so each expect-error
// directive below must mark a real error: that is where these tests bite. Their runtime assertions check that the
// validators agree with the types on the same values (accepted by both, or refused by both).
import { describe, expectTypeOf, test } from "vitest";
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

  test("is exactly what the PATCH operation takes", () => {
    type Body = NonNullable<operations["updateRemoteAssistancePartner"]["requestBody"]>["content"]["application/json"];
    expectTypeOf<RemoteAssistancePartnerUpdate>().toExtend<Body>();
    expectTypeOf<RemoteAssistancePartnerUpdate["onboardingStatus"]>().toEqualTypeOf<RemoteAssistanceOnboardingStatus | undefined>();
  });
});

describe("RemoteAssistancePartner (the response)", () => {
  test("types every known property, with id a plain string", () => {
    expectTypeOf<RemoteAssistancePartner["id"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RemoteAssistancePartner["displayName"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<RemoteAssistancePartner["onboardingUrl"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<RemoteAssistancePartner["lastConnectionDateTime"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RemoteAssistanceOnboardingStatus>().toEqualTypeOf<"notOnboarded" | "onboarding" | "onboarded">();
  });

  test("is the 200 response of the PATCH operation", () => {
    type Ok = operations["updateRemoteAssistancePartner"]["responses"][200]["content"]["application/json"];
    expectTypeOf<RemoteAssistancePartner>().toEqualTypeOf<import("../../generated/schema.js").Readable<Ok>>();
    expectTypeOf<operations["updateRemoteAssistancePartner"]["responses"][204]["content"]>().toEqualTypeOf<undefined>();
  });
});

describe("ODataError and paths", () => {

  test("keys the update operation by its path, with the seed's parameter name", () => {
    type Item = paths["/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"];
    expectTypeOf<Item["patch"]>().toEqualTypeOf<operations["updateRemoteAssistancePartner"]>();
    expectTypeOf<Item["parameters"]["path"]>().toEqualTypeOf<{ remoteAssistancePartnerId: string }>();
  });
});
