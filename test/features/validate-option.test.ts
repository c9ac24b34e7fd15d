// The client's validate option: off (the default), request, response, both; what is refused before sending, what
// comes back as a ContractViolationError.
import createClient from "openapi-fetch";
import { describe, expect } from "vitest";
import { ContractViolationError, createRemoteAssistanceClient } from "../../src/entries/index.js";
import { type Handler, json, noContent, rejection, seedPartner, TOKEN } from "../helpers/graph-server.js";
import { it } from "../helpers/fixtures.js";


const id = seedPartner.id;


/** Answers the given responses in turn, then 204. */
function sequence(...answers: Handler[]): Handler {
  let n = 0;
  return (req, res) => (answers[n++] ?? ((_q, r) => noContent(r)))(req, res);
}


const badPartner = { ...seedPartner, onboardingStatus: "on" };


describe("validation", () => {
  it("validate: request refuses an invalid body before sending, naming each path", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r), { validate: "request" });
    const bad = { displayName: "x", onboardingStatus: "Onboarded" } as never;
    const error = await rejection(client.update(id, bad));
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.direction).toBe("request");
    expect(error.errors).toEqual([{ path: "/onboardingStatus", message: 'must be one of "notOnboarded", "onboarding", "onboarded"' }]);
    expect(error.message).toMatch(/\/onboardingStatus/);
    await expect(client.create({ id: "x" } as never)).rejects.toMatchObject({ errors: [{ path: "/id" }] });
    expect(graph.seen).toHaveLength(0);
  });

  it("validate: response turns a contract-breaking response into an error naming the path", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, { ...seedPartner, onboardingStatus: "done" }), { validate: "response" });
    const error = await rejection(client.get(id));
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error).toMatchObject({ direction: "response", status: 200, errors: [{ path: "/onboardingStatus" }] });
  });

  it("validate: off (the default) passes the service's answer through, and still refuses a non-object body", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, { ...seedPartner, onboardingStatus: "done" }));
    await expect(client.get(id)).resolves.toMatchObject({ onboardingStatus: "done" });
    await expect(client.update(id, null as never)).rejects.toThrow(new TypeError("The update body must be a plain object, got null"));
    await expect(client.update(id, [] as never)).rejects.toThrow(/got an array/);
    expect(graph.seen).toHaveLength(1);
  });

  it("refuses bad options when the client is made", () => {
    const getAccessToken = () => TOKEN;
    expect(() => createRemoteAssistanceClient({ getAccessToken, validate: "all" as never })).toThrow(/validate must be/);
    expect(() => createRemoteAssistanceClient({ getAccessToken, timeoutMs: 0 })).toThrow(/timeoutMs must be a number of milliseconds above 0/);
    expect(() => createRemoteAssistanceClient({ getAccessToken, baseUrl: "not a url" })).toThrow(TypeError);
    expect(() => createRemoteAssistanceClient({ getAccessToken, retry: { maxRetries: -1 } })).toThrow(/maxRetries must be a whole number/);
    expect(() => createRemoteAssistanceClient({ getAccessToken: undefined as never })).toThrow(/credential or getAccessToken is required/);
    expect(() => createRemoteAssistanceClient({ getAccessToken: "token" as never })).toThrow(/getAccessToken must be a function/);
  });
});

describe("validation modes", () => {
  it("request: a valid body is sent; an invalid one refused; responses are not judged", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, badPartner), { validate: "request" });
    await expect(client.update(id, { displayName: "x" })).resolves.toMatchObject({ onboardingStatus: "on" });
    await expect(client.update(id, { onboardingStatus: "on" } as never)).rejects.toMatchObject({ name: "ContractViolationError", direction: "request" });
    expect(graph.seen).toHaveLength(1);
  });

  it("response: an invalid body goes out as it is; a response breaking the contract is refused", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, badPartner), { validate: "response" });
    const error = await rejection(client.update(id, { onboardingStatus: "on" } as never));
    expect(error).toMatchObject({ name: "ContractViolationError", direction: "response", status: 200 });
    expect(graph.seen).toHaveLength(1);
    expect(JSON.parse(graph.seen[0]!.body)).toEqual({ onboardingStatus: "on" });
  });

  it("both: refuses before sending, and refuses a bad response", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, badPartner), { validate: "both" });
    await expect(client.update(id, { onboardingStatus: "on" } as never)).rejects.toMatchObject({ direction: "request" });
    expect(graph.seen).toHaveLength(0);
    await expect(client.get(id)).rejects.toMatchObject({ direction: "response" });
  });

  it("a list page is judged as a page: a valid page passes, a bad partner inside it is named by its path", async ({ graph }) => {
    const page = { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/remoteAssistancePartners", value: [seedPartner] };
    let answer: unknown = page;
    const client = graph.client((_q, r) => json(r, 200, answer), { validate: "response" });
    await expect(client.list()).resolves.toEqual(page);
    answer = { value: [seedPartner, badPartner] };
    const error = await rejection(client.list());
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.errors.map((e: { path: string }) => e.path)).toEqual(["/value/1/onboardingStatus"]);
    expect(error.message).toMatch(/^The 200 response body breaks the contract: \/value\/1\/onboardingStatus /);
  });

  it("a created partner and the create body are judged as such", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 201, seedPartner), { validate: "both" });
    await expect(client.create({ displayName: "x" })).resolves.toEqual(seedPartner);
    const refused = await rejection(client.create({ id: "x" } as never));
    expect(refused.message).toMatch(/^The create body breaks the contract: \/id /);
  });
});
