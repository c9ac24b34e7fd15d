// The fake follows the operations manifest: every operation the spec has (v1.0 and beta) is routed to itself and
// has a handler and, when it takes a body, a validator; nothing is routed by hand. And what a fake is made with is
// checked when it is made: seeds the service could not have returned, and options that say nothing, are TypeErrors.
import { describe, expect, it } from "vitest";
import { createRemoteAssistanceFake } from "../../src/testing.js";
import { CONTRACTS, type Version } from "../../src/testing/fake/contract.js";
import { OPERATIONS } from "../../src/testing/fake/operations.js";
import { createRouter } from "../../src/testing/fake/routes.js";

describe.each(["v1.0", "beta"] as Version[])("the %s operations manifest", (version) => {
  const contract = () => CONTRACTS[version];

  it("every operation has a handler in the fake", () => {
    const missing = contract().operations.map((o) => o.operationId).filter((id) => !OPERATIONS[id]);
    expect(missing).toEqual([]);
    expect(contract().operations.length).toBeGreaterThanOrEqual(8);
  });

  it("every operation's path and method route to it, its parameters decoded", () => {
    const route = createRouter(contract().operations);
    for (const operation of contract().operations) {
      const path = operation.path.replace(/\{[^}]+\}/g, "p%2F1");
      const found = route(operation.method, path);
      expect(found, `${operation.method} ${path}`).toMatchObject({ kind: "operation", operation: { operationId: operation.operationId } });
      if (found.kind === "operation") for (const name of operation.pathParams) expect(found.params[name]).toBe("p/1");
    }
  });

  it("every operation that takes a body has one of the package's public validators for it", () => {
    for (const operation of contract().operations.filter((o) => o.body)) expect(contract().validator(operation.body!.validator)).toBeTypeOf("function");
    expect(() => contract().validator("noSuchSchema")).toThrow(`the ${version} validators have no validator for 'noSuchSchema'`);
  });

  it("the default base URL is the spec's server", () => {
    expect(contract().defaultBaseUrl).toBe(`https://graph.microsoft.com/${version}`);
  });
});

describe("createRemoteAssistanceFake checks what it is made with", () => {
  const partner = { id: "p1", displayName: "A", onboardingStatus: "onboarded", lastConnectionDateTime: "2026-11-01T00:00:00Z" } as const;

  it.each([
    [{ partners: [{ ...partner, id: undefined }] }, "createRemoteAssistanceFake: partners[0].id is required: a non-empty string (the service sets one on every partner)."],
    [{ partners: [partner, { ...partner, id: "p2", onboardingStatus: "Bogus" }] }, 'createRemoteAssistanceFake: partners[1].onboardingStatus must be one of "notOnboarded", "onboarding", "onboarded" (as the v1.0 contract reads a partner).'],
    [{ partners: [partner, partner] }, "createRemoteAssistanceFake: partners[1].id 'p1' is used twice."],
    [{ partners: [null] }, "createRemoteAssistanceFake: partners[0] must be an object."],
    [{ partners: [{ ...partner, lastConnectionDateTime: "yesterday" }] }, "createRemoteAssistanceFake: partners[0].lastConnectionDateTime "],
    [{ update: 200 }, "`update` is now `patchReturnsRepresentation: true` (for 200) or left out (for 204)"],
    [{ throttle: { writes: 5, windowMs: 1000 } }, "throttle.writes is now throttle.writesPerApp"],
    [{ throttle: { writesPerApp: 0 } }, "throttle.writesPerApp must be a whole number ≥ 1, got 0."],
    [{ pageSize: 0 }, "pageSize must be a whole number ≥ 1, got 0."],
    [{ strict: "yes" }, "strict must be true or false, got yes."],
    [{ version: "v2" }, 'version must be "v1.0" or "beta", got "v2".'],
    [{ faults: { rate: 2, seed: 1 } }, "faults.rate must be a number from 0 to 1, got 2."],
    [{ faults: { rate: 0.5, seed: 1, statuses: [200] } }, "faults.statuses must be HTTP error statuses (400 to 599), got [200]."],
    [{ pagesize: 10 }, "unknown option 'pagesize'"],
  ])("%j: a TypeError naming it", (options, message) => {
    expect(() => createRemoteAssistanceFake(options as never)).toThrow(TypeError);
    expect(() => createRemoteAssistanceFake(options as never)).toThrow(message);
  });

  it("a beta partner is checked against the beta contract", () => {
    const beta = { ...partner, onboardingRequestExpiryDateTime: "2026-12-01T00:00:00Z" };
    expect(createRemoteAssistanceFake({ version: "beta", partners: [beta] }).partners()).toEqual([beta]);
  });
});
