// The beta contract (generated/beta/openapi.json): the v1.0 contract and beta's additions from one overlay, linted as
// strictly, every example valid, and its names agreeing with Microsoft's beta type mappings (spec/upstream/beta.json).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { OPENAPI_KEYWORDS } from "../../scripts/codegen/validators.js";
import { runRedocly } from "../../scripts/redocly.js";
import { collectExamples, root, spec } from "../helpers/spec.js";

const beta = JSON.parse(readFileSync(join(root, "generated/beta/openapi.json"), "utf8")) as Record<string, any>;
const mappings = JSON.parse(readFileSync(join(root, "spec/upstream/beta.json"), "utf8")) as {
  entityTypes: Record<string, string[]>;
  enumTypes: Record<string, string[]>;
};
const SETTINGS = "/deviceManagement/remoteAssistanceSettings";

describe("the beta contract", () => {
  it("passes Redocly's strict lint with nothing reported", () => {
    const run = runRedocly(["lint", "generated/beta/openapi.json", "--format=json"], { capture: true, quiet: true });
    const report = JSON.parse(run.stdout) as { totals: Record<string, number>; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it("is v1.0 plus beta's additions, nothing of v1.0 changed or lost", () => {
    const strip = (doc: Record<string, any>) => {
      // Examples name their own version in their URLs.
      const copy = JSON.parse(JSON.stringify(doc).replaceAll("https://graph.microsoft.com/beta/", "https://graph.microsoft.com/v1.0/"));
      delete copy.info;
      delete copy.servers;
      copy.tags = copy.tags.filter((t: { name: string }) => t.name !== "remoteAssistanceSettings");
      delete copy.paths[SETTINGS];
      for (const name of ["microsoft.graph.remoteAssistanceState", "microsoft.graph.remoteAssistanceSettings", "remoteAssistanceSettingsUpdate"]) delete copy.components.schemas[name];
      for (const name of ["microsoft.graph.remoteAssistancePartner", "remoteAssistancePartnerUpdate", "remoteAssistancePartnerCreate"]) delete copy.components.schemas[name].properties.onboardingRequestExpiryDateTime;
      const scopes = copy.components.securitySchemes.microsoftIdentityPlatform.flows.authorizationCode.scopes;
      for (const scope of Object.keys(scopes)) if (scope.startsWith("DeviceManagementConfiguration.")) delete scopes[scope];
      // Beta's create page lists DeviceManagementConfiguration.ReadWrite.All beside v1.0's permission.
      const create = copy.paths["/deviceManagement/remoteAssistancePartners"].post;
      create.security = create.security.filter((s: Record<string, string[]>) => !s.microsoftIdentityPlatform?.some((scope) => scope.startsWith("DeviceManagementConfiguration.")));
      delete create.description;
      return copy;
    };
    expect(strip(beta)).toEqual(strip(spec));
    expect(beta.paths["/deviceManagement/remoteAssistancePartners"].post.description).toContain("DeviceManagementServiceConfig.ReadWrite.All, DeviceManagementConfiguration.ReadWrite.All");
    expect(beta.servers[0].url).toBe("https://graph.microsoft.com/beta");
    expect(JSON.stringify(beta.paths)).not.toContain("graph.microsoft.com/v1.0");
    expect(beta.info.description).toMatch(/subject to change/);
  });

  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv, { mode: "full" });
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  ajv.addSchema(beta, "beta");
  const examples = collectExamples(beta);
  it.each(examples.map((e) => [e.pointer, e] as const))("example %s validates against its schema", (_pointer, example) => {
    const validate = ajv.compile({ $ref: `beta#${encodeURI(example.schemaPointer)}` });
    validate(example.value);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("has the settings singleton: GET and PATCH (200 or 204), with the permissions Microsoft lists", () => {
    const item = beta.paths[SETTINGS];
    expect(Object.keys(item).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(item.patch.responses).filter((s) => s.startsWith("2"))).toEqual(["200", "204"]);
    expect(item.patch.description).toContain("DeviceManagementConfiguration.ReadWrite.All");
    expect(item.patch.description).toContain("DeviceManagementServiceConfig.ReadWrite.All");
  });
});

describe("the beta contract and Microsoft's beta type mappings", () => {
  const names = (schema: string) =>
    Object.keys(beta.components.schemas[schema].properties)
      .filter((n) => !n.startsWith("@") && n !== "id")
      .sort();
  it.each([
    ["remoteAssistancePartner", "microsoft.graph.remoteAssistancePartner"],
    ["remoteAssistanceSettings", "microsoft.graph.remoteAssistanceSettings"],
  ])("%s has exactly the properties Microsoft lists", (type, schema) => {
    expect(names(schema)).toEqual(mappings.entityTypes[type]);
  });
  it.each([
    ["remoteAssistanceOnboardingStatus", "microsoft.graph.remoteAssistanceOnboardingStatus"],
    ["remoteAssistanceState", "microsoft.graph.remoteAssistanceState"],
  ])("%s has exactly the members Microsoft lists", (type, schema) => {
    expect([...beta.components.schemas[schema].enum].sort()).toEqual(mappings.enumTypes[type]);
  });
  it("request bodies name the same writable properties as their response types", () => {
    const writable = (schema: string) =>
      Object.entries(beta.components.schemas[schema].properties as Record<string, { readOnly?: boolean }>)
        .filter(([, p]) => p.readOnly !== true)
        .map(([n]) => n)
        .sort();
    expect(writable("remoteAssistancePartnerUpdate")).toEqual(writable("microsoft.graph.remoteAssistancePartner"));
    expect(writable("remoteAssistanceSettingsUpdate")).toEqual(writable("microsoft.graph.remoteAssistanceSettings"));
  });
});
