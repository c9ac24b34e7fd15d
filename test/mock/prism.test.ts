// The validating mock consumer teams run: it serves the spec's examples, refuses what breaks the contract with 422,
// honours Prefer: code=…, and stops without leaving a process behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../../scripts/mock/prism.js";
import { createRemoteAssistanceClient, GraphError } from "../../src/index.js";
import { at } from "../helpers/spec.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

const id = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";
const item = "/paths/~1deviceManagement~1remoteAssistancePartners~1{remoteAssistancePartnerId}";
const client = () => createRemoteAssistanceClient({ baseUrl: mock.baseUrl, getAccessToken: () => "mock-token", validate: "both" });

describe("npm run mock (Prism)", () => {
  it("serves the documented examples, which the client validates", async () => {
    expect(await client().update(id, { displayName: "x" })).toEqual(
      at(`${item}/patch/responses/200/content/application~1json/examples/graphReferenceResponse/value`),
    );
    expect(await client().get(id)).toEqual(at(`${item}/get/responses/200/content/application~1json/examples/partner/value`));
    const page = await client().list();
    expect(page.value.length).toBeGreaterThan(0);
  });

  it("every client method works against it, listAll and count included", async () => {
    const c = client();
    const listed: string[] = [];
    for await (const partner of c.listAll()) listed.push(partner.id!);
    expect(listed).toEqual([id]); // Prism serves one static page: its example's next link is dropped, not followed off the mock
    expect(await c.count()).toBe(2);
    expect((await c.list({ $top: 1, $count: true })).value).toHaveLength(1);
    expect((await c.get(id)).id).toBe(id);
    expect((await c.create({ displayName: "TeamViewer" })).id).toBe(id);
    await expect(c.update(id, { displayName: "x" })).resolves.toMatchObject({ id });
    await expect(c.delete(id)).resolves.toBeUndefined();
    await expect(c.beginOnboarding(id)).resolves.toBeUndefined();
    await expect(c.disconnect(id)).resolves.toBeUndefined();
  });

  it("answers 422 to a body that breaks the contract, naming the violation", async () => {
    const { response } = await client().raw.PATCH("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", {
      params: { path: { remoteAssistancePartnerId: id } },
      body: { displayNam: "typo" } as never,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("displayNam");
  });

  it("answers 401 without a token", async () => {
    const response = await fetch(`${mock.baseUrl}/deviceManagement/remoteAssistancePartners/${id}`);
    expect(response.status).toBe(401);
  });

  it("honours Prefer: code=204 and code=404", async () => {
    await expect(client().update(id, { displayName: "x" }, { headers: { Prefer: "code=204" } })).resolves.toBeUndefined();
    const error = await client().get(id, undefined, { headers: { Prefer: "code=404" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 404, code: "ResourceNotFound" });
  });

  it("serves the beta contract when asked: the settings singleton, read and updated by the beta client", async () => {
    const beta = await startMock({ bundle: "generated/beta/openapi.json" });
    try {
      const { createRemoteAssistanceClient: createBetaClient } = await import("../../src/beta/index.js");
      const c = createBetaClient({ baseUrl: beta.baseUrl, getAccessToken: () => "mock-token", validate: "both" });
      await expect(c.getSettings()).resolves.toMatchObject({ remoteAssistanceState: "enabled" });
      await expect(c.updateSettings({ blockChat: false })).resolves.toMatchObject({ remoteAssistanceState: "enabled" });
      const { response } = await c.raw.PATCH("/deviceManagement/remoteAssistanceSettings", { body: { remoteAssistanceState: "on" } as never });
      expect(response.status).toBe(422);
    } finally {
      await beta.stop();
    }
  });

  it("stops its own process, leaving nothing running", async () => {
    const second = await startMock();
    process.kill(second.pid, 0); // alive
    await second.stop();
    expect(() => process.kill(second.pid, 0)).toThrow(/ESRCH/);
  });
});
