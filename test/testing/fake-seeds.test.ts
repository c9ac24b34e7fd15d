// The partners a fake starts with: the caller's, each checked when the fake is made (a TypeError naming the first
// bad one by its index), or by default the partners of the spec's examples.
import { describe, expect, it } from "vitest";
import type { Contract } from "../../src/testing/fake/contract.js";
import { examplePartners } from "../../src/testing/fake/seeds.js";
import { refusedOptions } from "./support/refused.js";

/** The message of the TypeError a fake with these `partners` is refused with. */
const refusedSeeds = (partners: unknown) => refusedOptions({ partners });

describe("seeds checked when the fake is made", () => {
  it("partners that are not an array", () => {
    for (const partners of [{}, "p1", 1, null]) expect(refusedSeeds(partners)).toBe("partners must be an array of partners.");
  });

  it("a partner that is not an object, named by its index", () => {
    const partner = { id: "p0", displayName: "Acme" };
    for (const bad of ["p1", 1, null, []]) expect(refusedSeeds([partner, bad])).toBe("partners[1] must be an object.");
  });

  it("a partner without an id, or with an empty one", () => {
    const required = "partners[0].id is required: a non-empty string (the service sets one on every partner).";
    for (const partner of [{}, { id: "" }, { id: 7 }]) expect(refusedSeeds([partner])).toBe(required);
  });
});

describe("the default seeds, read from the spec's examples", () => {
  const partner = (id: string, displayName: string) => ({ "@odata.type": "#microsoft.graph.remoteAssistancePartner", id, displayName, onboardingStatus: "onboarded" });
  // A spec whose examples hold, besides two partners, a partner repeated with other values, and objects that have
  // a partner's id and onboardingStatus but are not partners (another @odata.type, or none).
  const spec = {
    paths: {
      "/a": { get: { examples: { one: { value: { "@odata.context": "ctx", ...partner("p1", "First") } } } } },
      "/b": {
        get: {
          examples: {
            list: { value: { value: [partner("p2", "Second"), partner("p1", "First again")] } },
            other: { value: { "@odata.type": "#microsoft.graph.somethingElse", id: "x1", onboardingStatus: "onboarded" } },
            untyped: { value: { id: "x2", onboardingStatus: "onboarded" } },
          },
        },
      },
    },
  };

  it("each partner once, as first met, without @odata.context; objects of another type are not partners", () => {
    expect(examplePartners({ spec } as unknown as Contract)).toEqual([partner("p1", "First"), partner("p2", "Second")]);
  });
});
