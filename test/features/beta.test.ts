// Beta: the beta client against the beta fake, its types and validators, and the settings singleton, through the /beta entry.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  ContractViolationError,
  createRemoteAssistanceClient,
  DEFAULT_BASE_URL,
  validateRemoteAssistanceSettings,
  validateRemoteAssistanceSettingsUpdate,
  type RemoteAssistancePartner,
  type RemoteAssistanceSettings,
  type RemoteAssistanceSettingsUpdate,
  type RemoteAssistanceState,
} from "../../src/entries/beta.js";
import { createRemoteAssistanceClient as createV1Client } from "../../src/entries/index.js";
import { createRemoteAssistanceFake, type FakeServer, type RemoteAssistanceFake } from "../../src/testing.js";

const TOKEN = "beta-token";
const PARTNER = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";

describe("the beta client against the beta fake", () => {
  // Made in a hook, not in the describe body: a throw while collecting would leave no test to fail.
  let fake: RemoteAssistanceFake;
  let server: FakeServer;
  beforeAll(async () => {
    fake = createRemoteAssistanceFake({ version: "beta" });
    server = await fake.listen();
  });
  afterAll(() => server.close());
  const client = () => createRemoteAssistanceClient({ baseUrl: server.url, getAccessToken: () => TOKEN, validate: "both" });

  it("defaults to Graph beta, and the fake serves /beta", () => {
    expect(DEFAULT_BASE_URL).toBe("https://graph.microsoft.com/beta");
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/beta$/);
  });

  it("reads and updates the settings: 204, then the next read shows the change", async () => {
    const c = client();
    expect(await c.getSettings()).toMatchObject({ remoteAssistanceState: "disabled", allowSessionsToUnenrolledDevices: false, blockChat: false });
    await expect(c.updateSettings({ remoteAssistanceState: "enabled", blockChat: true })).resolves.toBeUndefined();
    expect(await c.getSettings()).toMatchObject({ remoteAssistanceState: "enabled", blockChat: true });
    await expect(c.updateSettings({ allowSessionsToUnenrolledDevices: true }, { headers: { Prefer: "return=representation" } })).resolves.toMatchObject({
      remoteAssistanceState: "enabled",
      allowSessionsToUnenrolledDevices: true,
    });
  });

  it("refuses remoteAssistanceState 'on' before sending (validate: request), and the fake refuses it too (400)", async () => {
    const before = fake.requests.length;
    const error = await client().updateSettings({ remoteAssistanceState: "on" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).errors).toEqual([{ path: "/remoteAssistanceState", message: 'must be one of "disabled", "enabled"' }]);
    expect(fake.requests.length).toBe(before);
    const unchecked = createRemoteAssistanceClient({ baseUrl: server.url, getAccessToken: () => TOKEN });
    await expect(unchecked.updateSettings({ remoteAssistanceState: "on" } as never)).rejects.toMatchObject({ status: 400, code: "BadRequest" });
  });

  it("updates and reads a partner's onboardingRequestExpiryDateTime", async () => {
    const c = client();
    await c.update(PARTNER, { onboardingRequestExpiryDateTime: "2026-12-01T08:00:00Z" });
    const partner: RemoteAssistancePartner = await c.get(PARTNER);
    expect(partner.onboardingRequestExpiryDateTime).toBe("2026-12-01T08:00:00Z");
  });

  it("a v1.0 client refuses the beta property (it is not in the v1.0 contract), and a v1.0 fake has no settings", async () => {
    const v1 = createV1Client({ baseUrl: server.url, getAccessToken: () => TOKEN, validate: "request" });
    await expect(v1.update(PARTNER, { onboardingRequestExpiryDateTime: "2026-12-01T08:00:00Z" } as never)).rejects.toBeInstanceOf(ContractViolationError);
    const v1Fake = await createRemoteAssistanceFake().listen();
    try {
      const response = await fetch(`${v1Fake.url}/deviceManagement/remoteAssistanceSettings`, { headers: { authorization: `Bearer ${TOKEN}` } });
      // Graph answers an unknown segment with 400 BadRequest (see the fake's sources).
      expect(response.status).toBe(400);
    } finally {
      await v1Fake.close();
    }
  });

  it("the partner's operations behave as v1.0's: listAll and count against the beta fake", async () => {
    const c = client();
    const ids: string[] = [];
    for await (const partner of c.listAll({ $top: 1 })) ids.push(partner.id!);
    expect(ids).toHaveLength(2);
    expect(await c.count()).toBe(2);
  });
});

describe("the beta validators and types", () => {
  it("refuse remoteAssistanceState 'on' at run time, and a settings body with id", () => {
    expect(validateRemoteAssistanceSettingsUpdate({ remoteAssistanceState: "on" }).valid).toBe(false);
    expect(validateRemoteAssistanceSettingsUpdate({ id: "x" })).toEqual({ valid: false, errors: [{ path: "/id", message: 'property "id" is not allowed here (read-only)' }] });
    expect(validateRemoteAssistanceSettings({ id: "s", remoteAssistanceState: "enabled", blockChat: false, "@odata.etag": "x" }).valid).toBe(true);
    expect(validateRemoteAssistanceSettings({ value: { remoteAssistanceState: "enabled" } }).valid).toBe(false);
  });
});

describe("the beta settings, what the client says of them", () => {
  const answering = (status: number, body: string | null) => async () =>
    new Response(body, { status, headers: body === null ? {} : { "content-type": "application/json" } });
  const betaClient = (fetch: () => Promise<Response>, options = {}) =>
    createRemoteAssistanceClient({ baseUrl: "https://graph.example/beta", getAccessToken: () => TOKEN, retry: false, fetch, ...options });

  it("settings that are not a JSON object: InvalidResponse naming which settings", async () => {
    await expect(betaClient(answering(200, "[]")).getSettings()).rejects.toMatchObject({ code: "InvalidResponse", message: "HTTP 200 with the settings that is not a JSON object (an array)" });
    await expect(betaClient(answering(200, "7")).updateSettings({ blockChat: true })).rejects.toMatchObject({ message: "HTTP 200 with the settings that is not a JSON object (number)" });
  });

  it("a 204 to updateSettings is undefined; a bad settings body is the settings body's TypeError", async () => {
    await expect(betaClient(answering(204, null)).updateSettings({ blockChat: true })).resolves.toBeUndefined();
    await expect(betaClient(answering(204, null)).updateSettings([] as never)).rejects.toThrow(new TypeError("The settings body must be a plain object, got an array"));
  });

  it("validation judges settings by the settings' schemas, both ways", async () => {
    const strict = betaClient(answering(200, JSON.stringify({ remoteAssistanceState: "sometimes" })), { validate: "both" });
    await expect(strict.updateSettings({ remoteAssistanceState: "on" } as never)).rejects.toMatchObject({ direction: "request", message: expect.stringMatching(/^The settings body breaks the contract: \/remoteAssistanceState /) });
    await expect(strict.getSettings()).rejects.toMatchObject({ direction: "response", errors: [expect.objectContaining({ path: "/remoteAssistanceState" })] });
  });

  it("reports the settings' operations by their ids", async () => {
    const operations: string[] = [];
    const client = betaClient(answering(204, null), { onCallEnd: (r: { operationId: string; url: string }) => void operations.push(`${r.operationId} ${r.url}`) });
    await client.updateSettings({});
    await client.getSettings().catch(() => undefined);
    expect(operations).toEqual([
      "updateRemoteAssistanceSettings https://graph.example/beta/deviceManagement/remoteAssistanceSettings",
      "getRemoteAssistanceSettings https://graph.example/beta/deviceManagement/remoteAssistanceSettings",
    ]);
  });
});
