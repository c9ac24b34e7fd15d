// The shape of the whole resource in the spec: every operation of the Graph reference, with its permissions, its
// success responses, and the same error responses as PATCH; and the query options refuse what Graph refuses.
import { describe, expect, it } from "vitest";
import { createSpecAjv, spec } from "../helpers/spec.js";

const collection = "/deviceManagement/remoteAssistancePartners";
const item = `${collection}/{remoteAssistancePartnerId}`;
const expected = [
  ["get", collection, "listRemoteAssistancePartners", ["200"], "Read"],
  ["post", collection, "createRemoteAssistancePartner", ["201"], "ReadWrite"],
  ["get", `${collection}/$count`, "countRemoteAssistancePartners", ["200"], "Read"],
  ["get", item, "getRemoteAssistancePartner", ["200"], "Read"],
  ["patch", item, "updateRemoteAssistancePartner", ["200", "204"], "ReadWrite"],
  ["delete", item, "deleteRemoteAssistancePartner", ["204"], "ReadWrite"],
  ["post", `${item}/beginOnboarding`, "beginRemoteAssistancePartnerOnboarding", ["204"], "ReadWrite"],
  ["post", `${item}/disconnect`, "disconnectRemoteAssistancePartner", ["204"], "ReadWrite"],
] as const;
const ERRORS = ["400", "401", "403", "404", "429", "503", "4XX", "5XX"];
// A 404 says "no partner has this id": only operations with an id in their path document it.
const errorsOf = (path: string) => (path.includes("{remoteAssistancePartnerId}") ? ERRORS : ERRORS.filter((code) => code !== "404"));

const deref = (node: any): any => (node?.$ref ? deref(node.$ref.slice(2).split("/").map((s: string) => s.replace(/~1/g, "/")).reduce((n: any, k: string) => n[k], spec)) : node);

describe("the operations of the resource", () => {
  it("are exactly the eight of the Graph reference", () => {
    const found = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).filter(([method]) => method !== "parameters").map(([method, op]) => `${method} ${path} ${op.operationId}`),
    );
    expect(found.sort()).toEqual(expected.map(([m, p, id]) => `${m} ${p} ${id}`).sort());
  });

  it.each(expected)("%s %s (%s): success codes, error responses, permissions", (method, path, _id, success, access) => {
    const op = spec.paths[path][method];
    const codes = Object.keys(op.responses);
    expect(codes.filter((c) => c.startsWith("2"))).toEqual([...success]);
    expect(codes.filter((c) => !c.startsWith("2"))).toEqual(errorsOf(path));
    const errorExamples = errorsOf(path).flatMap((c) => Object.keys(deref(op.responses[c]).content["application/json"].examples ?? {}));
    expect(errorExamples.length).toBeGreaterThan(0);
    expect(deref(op.responses["429"]).headers["Retry-After"]).toBeDefined();
    const scopes = op.security.flatMap((s: Record<string, string[]>) => s.microsoftIdentityPlatform ?? []);
    expect(scopes).toEqual(
      access === "Read"
        ? ["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"]
        : ["DeviceManagementServiceConfig.ReadWrite.All"],
    );
    expect(op.description).toContain("Delegated (personal Microsoft account) | Not supported.");
  });

  it("define the shared path parameter, query options and error responses once, in components", () => {
    const text = JSON.stringify(spec.paths);
    expect(text).not.toMatch(/"name":"(remoteAssistancePartnerId|\$top|\$select)"/);
    expect(text).not.toMatch(/"ODataErrors/);
  });
});

describe("query options refuse what Graph refuses", () => {
  const ajv = createSpecAjv();
  const param = (name: string) => ajv.compile({ $ref: `spec#/components/parameters/${name}/schema` });
  it.each([
    ["top", -1, false],
    ["top", "ten", false],
    ["top", 1.5, false],
    ["top", 0, true],
    ["top", 999, true],
    ["skip", -5, false],
    ["skip", 10, true],
    ["count", "yes", false],
    ["count", 1, false],
    ["count", true, true],
    ["select", ["displayName", "onboardingStatus"], true],
    ["select", ["displayname"], false],
    ["select", ["displayName", "displayName"], false],
    ["orderby", ["displayName desc", "lastConnectionDateTime"], true],
    ["orderby", ["displayName descending"], false],
    ["orderby", ["secret"], false],
    ["expand", ["*"], true],
    ["expand", ["owner"], false],
    ["filter", "", false],
    ["filter", "onboardingStatus eq 'onboarded'", true],
    ["search", "", false],
  ] as const)("$%s = %j → valid: %s", (name, value, valid) => {
    expect(param(name)(value)).toBe(valid);
  });
});

describe("the request body schemas", () => {
  const schemas = spec.components.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
  const partner = schemas["microsoft.graph.remoteAssistancePartner"]!.properties;
  const writable = Object.keys(partner).filter((name) => partner[name]!.readOnly !== true).sort();
  const readOnly = Object.keys(partner).filter((name) => partner[name]!.readOnly === true).sort();

  it.each(["remoteAssistancePartnerUpdate", "remoteAssistancePartnerCreate"])("%s names exactly the partner's writable properties, and refuses its read-only ones", (name) => {
    const body = schemas[name]!.properties;
    expect(Object.keys(body).filter((p) => body[p]!.readOnly !== true).sort()).toEqual(writable);
    expect(Object.keys(body).filter((p) => body[p]!.readOnly === true).sort()).toEqual(readOnly);
    for (const p of readOnly) expect(body[p]).toMatchObject({ readOnly: true, not: {} });
  });

  it.each(["remoteAssistancePartnerUpdate", "remoteAssistancePartnerCreate"])("%s types each property as the partner does (a URI only on requests)", (name) => {
    const body = schemas[name]!.properties;
    const shape = ({ type, $ref, const: constant, format }: Record<string, unknown>) => ({ type, $ref, constant, format });
    for (const p of writable) {
      const expected = shape(partner[p]!);
      if (p === "onboardingUrl") expected.format = "uri"; // deliberate: spec/upstream/deliberate-differences.yaml
      if (p === "@odata.type") continue; // a const on requests, any string in responses
      expect(shape(body[p]!), `${name}.${p}`).toEqual(expected);
    }
  });
});
