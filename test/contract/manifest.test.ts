// The operations manifest is the one list of operations: generated from the bundled spec, in step with it, and
// every operation in it has a named method on the client of its contract (the fake's side is
// test/testing/fake-contract.test.ts). Adding an operation to the spec without a method fails here.
import { describe, expect, it } from "vitest";
import { clientOperations as betaClientOperations, operations as betaOperations } from "../../generated/beta/operations.js";
import { clientOperations, operations } from "../../generated/operations.js";
import betaSpec from "../../generated/beta/openapi.json" with { type: "json" };
import spec from "../../generated/openapi.json" with { type: "json" };
import { PARTNER_METHODS } from "../../src/client/partner-methods.js";
import { SETTINGS_METHODS } from "../../src/contracts/beta/settings-methods.js";
import { createRemoteAssistanceClient as createBetaClient } from "../../src/entries/beta.js";
import { createRemoteAssistanceClient } from "../../src/entries/index.js";

const specOperations = (document: { paths: Record<string, Record<string, { operationId?: string }>> }) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => typeof operation === "object" && operation !== null && "operationId" in operation)
      .map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
  );

const contracts = [
  { name: "v1.0", spec, operations, clientOperations, methods: { ...PARTNER_METHODS }, client: () => createRemoteAssistanceClient({ getAccessToken: () => "t" }) },
  { name: "beta", spec: betaSpec, operations: betaOperations, clientOperations: betaClientOperations, methods: { ...PARTNER_METHODS, ...SETTINGS_METHODS }, client: () => createBetaClient({ getAccessToken: () => "t" }) },
];

describe.each(contracts)("the $name manifest", ({ spec: document, operations: manifest, clientOperations: forClient, methods, client }) => {
  it("lists exactly the spec's operations, with their methods and paths", () => {
    const listed = Object.values(manifest).map((op) => `${op.method} ${op.path} ${op.operationId}`);
    expect(listed.sort()).toEqual(specOperations(document as never).sort());
  });

  it("gives the client the same operations", () => {
    expect(Object.keys(forClient).sort()).toEqual(Object.keys(manifest).sort());
  });

  it("every operation has a named method on the client, and every method is an operation", () => {
    expect(Object.values(methods).sort()).toEqual(Object.keys(manifest).sort());
    const made = client() as unknown as Record<string, unknown>;
    for (const name of Object.keys(methods)) expect(typeof made[name], name).toBe("function");
  });

  it("each body and success names a validator the contract has", async () => {
    const validators = (await import(document === spec ? "../../src/entries/validators.js" : "../../src/entries/beta-validators.js")) as Record<string, unknown>;
    const named = Object.values(manifest).flatMap((op): unknown[] => [op.body?.validator, op.success.validator]).filter((v): v is string => typeof v === "string");
    for (const name of named) expect(typeof validators[`validate${name[0]!.toUpperCase()}${name.slice(1)}`], name).toBe("function");
  });
});
