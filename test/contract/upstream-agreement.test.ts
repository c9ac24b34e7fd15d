// The contract agrees with Microsoft's own metadata (the committed slices in spec/upstream/, taken from
// microsoftgraph/msgraph-metadata by `npm run upstream`), except for the differences listed on purpose. Point by
// point: properties (name, type, format, nullability), request bodies, enum members, paths, actions and statuses.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseSlice, sliceToXml, type Slice } from "../../scripts/upstream/slice.js";
import { agreementDifferences, sliceDifferences } from "../helpers/upstream-agreement.js";
import { root, spec as bundled } from "../helpers/spec.js";

const UPSTREAM = join(root, "spec/upstream");
const slices = readdirSync(UPSTREAM)
  .filter((f) => f.endsWith(".xml"))
  .map((f) => ({ file: f, slice: parseSlice(readFileSync(join(UPSTREAM, f), "utf8")) }));
const prod = slices.find((s) => s.slice.cloud === "Prod")!.slice;
const deliberate = parse(readFileSync(join(UPSTREAM, "deliberate-differences.yaml"), "utf8")) as {
  differences: { difference: string; why: string }[];
  clouds: { difference: string; why: string }[];
};
const spec = () => structuredClone(bundled) as Parameters<typeof agreementDifferences>[0];
const present = slices.filter((s) => s.slice.present).map((s) => s.slice.cloud);
const absent = slices.filter((s) => !s.slice.present).map((s) => s.slice.cloud);

describe("the committed slices", () => {
  it("cover every cloud of the metadata, each naming its source, commit and the date it was taken", () => {
    expect(slices.map((s) => s.slice.cloud).sort()).toEqual(["Bleu", "Delos", "Fairfax", "GovSG", "Mooncake", "Prod", "USNat", "USSec"]);
    for (const { file, slice } of slices) {
      expect(file).toBe(`v1.0-${slice.cloud}.xml`);
      expect(slice.source).toBe(`schemas/v1.0-${slice.cloud}.csdl`);
      expect(slice.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(slice.taken).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("are exactly what the extractor writes (no hand edits)", () => {
    for (const { file, slice } of slices) expect(sliceToXml(slice)).toBe(readFileSync(join(UPSTREAM, file), "utf8"));
  });

  it("say where the resource exists: the global service, Fairfax, Mooncake, Bleu and Delos; not USNat, USSec, GovSG", () => {
    expect(present.sort()).toEqual(["Bleu", "Delos", "Fairfax", "Mooncake", "Prod"]);
    expect(absent.sort()).toEqual(["GovSG", "USNat", "USSec"]);
  });
});

describe("the contract and Microsoft's metadata", () => {
  it("differ only where spec/upstream/deliberate-differences.yaml says why", () => {
    const found = agreementDifferences(spec(), prod);
    const listed = deliberate.differences.map((d) => d.difference);
    expect(found.filter((d) => !listed.includes(d)), "differences nobody chose: fix the spec, or list them with a reason").toEqual([]);
    expect(listed.filter((d) => !found.includes(d)), "listed differences that no longer exist: remove them").toEqual([]);
    for (const d of deliberate.differences) expect(d.why.trim().length, d.difference).toBeGreaterThan(20);
  });

  it.each(slices.filter((s) => s.slice.present && s.slice.cloud !== "Prod").map((s) => [s.slice.cloud, s.slice] as const))(
    "%s: the same slice as the global service, or the difference is listed",
    (_cloud, slice) => {
      const listed = deliberate.clouds.map((d) => d.difference);
      expect(sliceDifferences(prod, slice).filter((d) => !listed.includes(d))).toEqual([]);
      expect(agreementDifferences(spec(), slice).sort()).toEqual(agreementDifferences(spec(), prod).sort());
    },
  );

  it("the spec's description names the clouds as the slices do", () => {
    const description = (bundled as { info: { description: string } }).info.description;
    const where = description.slice(description.indexOf("**National cloud deployments.**"));
    for (const cloud of ["Fairfax", "Mooncake", "Bleu", "Delos"]) expect(where).toContain(cloud);
    expect(where).toMatch(/absent\s+from the USNat, USSec and GovSG/);
  });

  it("the README names them too", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const where = readme.slice(readme.indexOf("## Where the API exists"));
    for (const cloud of ["Fairfax", "Mooncake", "Bleu", "Delos", "USNat", "USSec", "GovSG"]) expect(where).toContain(cloud);
  });
});

describe("the agreement test bites", () => {
  const partner = (s: ReturnType<typeof spec>) => s.components.schemas["microsoft.graph.remoteAssistancePartner"]!;
  const withSlice = (change: (s: Slice) => void) => {
    const copy = structuredClone(prod);
    change(copy);
    return agreementDifferences(spec(), copy);
  };
  const withSpec = (change: (s: ReturnType<typeof spec>) => void) => {
    const copy = spec();
    change(copy);
    return agreementDifferences(copy, prod);
  };
  const cases: [string, () => string[], string][] = [
    ["the spec changes a property's type", () => withSpec((s) => void (partner(s).properties.displayName.type = ["integer", "null"])), "microsoft.graph.remoteAssistancePartner.displayName: type integer|null (metadata: Edm.String)"],
    ["the spec makes a property nullable", () => withSpec((s) => void (partner(s).properties.lastConnectionDateTime.type = ["string", "null"])), "microsoft.graph.remoteAssistancePartner.lastConnectionDateTime: nullable (metadata: not nullable)"],
    ["the spec adds a format", () => withSpec((s) => void (partner(s).properties.onboardingUrl.format = "uri")), "microsoft.graph.remoteAssistancePartner.onboardingUrl: format uri (metadata: (none))"],
    ["the spec adds a property", () => withSpec((s) => void (partner(s).properties.colour = { type: "string" })), "microsoft.graph.remoteAssistancePartner.colour: not in the metadata"],
    ["the spec removes a property", () => withSpec((s) => void delete partner(s).properties.displayName), "microsoft.graph.remoteAssistancePartner.displayName: missing"],
    ["the spec adds an enum value", () => withSpec((s) => void s.components.schemas["microsoft.graph.remoteAssistanceOnboardingStatus"]!.enum.push("paused")), "enum remoteAssistanceOnboardingStatus: value paused not in the metadata"],
    ["the spec drops an action", () => withSpec((s) => void delete s.paths["/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/disconnect"]), "POST /deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/disconnect: missing"],
    ["the slice adds a property", () => withSlice((s) => void s.entity!.properties.push({ name: "onboardingRequestExpiryDateTime", type: "Edm.DateTimeOffset", nullable: false })), "microsoft.graph.remoteAssistancePartner.onboardingRequestExpiryDateTime: missing"],
    ["the slice removes a property", () => withSlice((s) => void (s.entity!.properties = s.entity!.properties.filter((p) => p.name !== "displayName"))), "microsoft.graph.remoteAssistancePartner.displayName: not in the metadata"],
    ["the slice changes nullability", () => withSlice((s) => void (s.entity!.properties.find((p) => p.name === "displayName")!.nullable = false)), "microsoft.graph.remoteAssistancePartner.displayName: nullable (metadata: not nullable)"],
    ["the slice changes a type", () => withSlice((s) => void (s.entity!.properties.find((p) => p.name === "displayName")!.type = "Edm.Boolean")), "microsoft.graph.remoteAssistancePartner.displayName: type string|null (metadata: Edm.Boolean)"],
    ["the slice adds an enum member", () => withSlice((s) => void s.enumType!.members.push({ name: "unknownFutureValue", value: "3" })), "enum remoteAssistanceOnboardingStatus: member unknownFutureValue missing"],
    ["the slice removes an enum member", () => withSlice((s) => void s.enumType!.members.pop()), "enum remoteAssistanceOnboardingStatus: value onboarded not in the metadata"],
    ["the slice adds an action", () => withSlice((s) => void s.actions.push({ name: "reset", bindingParameter: "bindingParameter", parameters: [] })), "POST /deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/reset: missing"],
  ];
  it.each(cases)("when %s", (_what, differences, expected) => {
    expect(differences()).toContain(expected);
  });

  it("a cloud whose slice differs is caught", () => {
    const other = structuredClone(prod);
    other.cloud = "Fairfax";
    other.enumType!.members.pop();
    expect(sliceDifferences(prod, other).length).toBeGreaterThan(0);
  });
});
