// The breaking-change gate, rule by rule: each case is a pair (the current bundle, the bundle changed one way) and the
// rules it must trip, or none for changes that break nobody.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../scripts/breaking/compare.js";
import { root, spec } from "../helpers/spec.js";

const item = "/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}";
type Spec = any;
const schemas = (s: Spec) => s.components.schemas;
const partner = (s: Spec) => schemas(s)["microsoft.graph.remoteAssistancePartner"].properties;

const cases: [name: string, change: (s: Spec) => void, rules: string[]][] = [
  // What breaks a caller or a reader
  ["removing an operation", (s) => delete s.paths[item].delete, ["operation-removed"]],
  ["removing a path", (s) => delete s.paths[`${item}/disconnect`], ["path-removed"]],
  ["removing a response property", (s) => delete partner(s).lastConnectionDateTime, ["property-removed"]],
  ["removing an enum value", (s) => schemas(s)["microsoft.graph.remoteAssistanceOnboardingStatus"].enum.pop(), ["enum-values-removed"]],
  // Readers' exhaustive switches stop compiling, and older response validation refuses the new value.
  ["adding an enum value", (s) => schemas(s)["microsoft.graph.remoteAssistanceOnboardingStatus"].enum.push("unknownFutureValue"), ["enum-values-added"]],
  ["adding a required request property", (s) => (schemas(s).remoteAssistancePartnerUpdate.required = ["displayName"]), ["required-properties-added"]],
  // The request body: a caller that sends null to clear the name is now refused.
  ["narrowing a request type (no longer nullable)", (s) => (schemas(s).remoteAssistancePartnerUpdate.properties.displayName.type = "string"), ["schema-type-changed"]],
  ["narrowing a request value (a maxLength)", (s) => (s.components.parameters.filter.schema.maxLength = 10), ["schema-constraint-changed"]],
  ["changing a parameter's type", (s) => (s.components.parameters.top.schema.type = "string"), ["schema-type-changed"]],
  ["renaming a query parameter", (s) => (s.components.parameters.top.name = "top"), ["parameter-removed"]],
  ["making an optional parameter required", (s) => (s.components.parameters.top.required = true), ["parameter-became-required"]],
  ["removing a request property (a strict body now refuses it)", (s) => delete schemas(s).remoteAssistancePartnerUpdate.properties.displayName, ["property-removed"]],
  ["removing a success response", (s) => delete s.paths[item].patch.responses["204"], ["response-removed"]],
  ["renaming an operationId (typed clients name it)", (s) => (s.paths[item].patch.operationId = "patchPartner"), ["operation-id-changed"]],
  [
    "renaming a path parameter (typed clients name it)",
    (s) => {
      for (const path of Object.keys(s.paths).filter((p) => p.includes("{remoteAssistancePartnerId}"))) {
        s.paths[path.replace("{remoteAssistancePartnerId}", "{partnerId}")] = s.paths[path];
        delete s.paths[path];
      }
      s.components.parameters.remoteAssistancePartnerId.name = "partnerId";
    },
    ["path-parameter-renamed"],
  ],
  // What breaks nobody
  ["adding a response property", (s) => (partner(s).onboardingRequestExpiryDateTime = { type: "string", format: "date-time" }), []],
  ["adding an optional request property", (s) => (schemas(s).remoteAssistancePartnerUpdate.properties.note = { type: "string" }), []],
  ["adding an operation", (s) => (s.paths[`${item}/refresh`] = { post: { operationId: "refreshPartner", responses: { "204": { description: "ok" } } } }), []],
  ["adding an optional query parameter", (s) => s.paths["/deviceManagement/remoteAssistancePartners"].get.parameters.push({ name: "$skiptoken", in: "query", schema: { type: "string" } }), []],
  ["widening a request value (dropping a minLength)", (s) => delete s.components.parameters.filter.schema.minLength, []],
  ["rewording a description", (s) => (partner(s).displayName.description = "The partner's name."), []],
];

describe("npm run breaking: judged by direction", () => {
  it.each(cases)("%s", (_name, change, rules) => {
    const revision = structuredClone(spec);
    change(revision);
    const { breaking } = compareSpecs(root, spec as never, revision as never);
    expect([...new Set(breaking.map((b) => b.rule))].sort()).toEqual([...rules].sort());
    for (const b of breaking) expect(b.message.length).toBeGreaterThan(10);
  });

  it("finds nothing between the bundle and itself", () => {
    expect(compareSpecs(root, spec as never, structuredClone(spec) as never).breaking).toEqual([]);
  });
});

describe("npm run breaking: the beta contract too", () => {
  const beta = JSON.parse(readFileSync(join(root, "generated/beta/openapi.json"), "utf8"));
  it.each([
    ["removing a remoteAssistanceState value", (s: any) => (s.components.schemas["microsoft.graph.remoteAssistanceState"].enum = ["disabled"]), ["enum-values-removed"]],
    ["removing the settings' GET", (s: any) => delete s.paths["/deviceManagement/remoteAssistanceSettings"].get, ["operation-removed"]],
  ] as const)("%s is breaking", (_name, change, rules) => {
    const revision = structuredClone(beta);
    change(revision);
    expect([...new Set(compareSpecs(root, beta as never, revision as never).breaking.map((b) => b.rule))]).toEqual(rules);
  });

  it("the command judges beta beside v1.0 against the same base", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/breaking.ts", "HEAD"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] }).toString("utf8");
    expect(out).toMatch(/^v1\.0: contract 1\.0\.0 \(HEAD\)/m);
    expect(out).toMatch(/^beta: contract 1\.0\.0-beta \(HEAD\)/m);
  });
});
