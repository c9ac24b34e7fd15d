// The ./testing export over msw, as a consumer's unit test uses it: the fake's handlers (and createRemoteAssistanceHandlers,
// a fake seeded with the spec's examples) answer in-process exactly as the fake over HTTP does, and a test can put
// its own typed override in front with openapi-msw's createOpenApiHttp and the package's `paths`.
import { setupServer } from "msw/node";
import { createOpenApiHttp } from "openapi-msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, GraphError } from "../../src/entries/index.js";
import type { paths } from "../../src/entries/types.js";
import { createRemoteAssistanceFake, createRemoteAssistanceHandlers, type RemoteAssistanceFake } from "../../src/testing.js";

// A loopback address nothing listens on: should a request ever slip past msw, it fails here, never on the network.
const baseUrl = "http://127.0.0.1:9/v1.0";
const id = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";

describe("the ./testing export over msw", () => {
  let server: ReturnType<typeof setupServer>;
  let fake: RemoteAssistanceFake;
  let client: ReturnType<typeof createRemoteAssistanceClient>;
  beforeAll(() => {
    fake = createRemoteAssistanceFake({ baseUrl, maxRequestBodyBytes: 64 });
    server = setupServer(...fake.handlers);
    server.listen({ onUnhandledRequest: "error" });
    client = createRemoteAssistanceClient({ baseUrl, getAccessToken: () => "test-token", retry: false, validate: "response" });
  });
  afterEach(() => {
    server.resetHandlers();
    fake.reset();
  });
  afterAll(() => server.close());

  it("every operation, as the service answers it: PATCH 204 and the change seen by the next GET", async () => {
    await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
    expect((await client.get(id)).displayName).toBe("x");
    expect(await client.count()).toBe(2);
    const created = await client.create({ displayName: "New" });
    expect((await client.list()).value.map((p) => p.id)).toContain(created.id);
    await expect(client.beginOnboarding(id)).resolves.toBeUndefined();
    await expect(client.disconnect(id)).resolves.toBeUndefined();
    await expect(client.delete(id)).resolves.toBeUndefined();
    await expect(client.get(id)).rejects.toMatchObject({ status: 404, code: "ResourceNotFound" });
  });

  it("a body that breaks the contract: 400 BadRequest naming the property, as over HTTP", async () => {
    const response = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners/${id}`, { method: "PATCH", headers: { authorization: "Bearer t" }, body: '{"displayNam":"x"}' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details).toEqual([{ code: "BadRequest", message: '/displayNam unknown property "displayNam" is not allowed', target: "/displayNam" }]);
  });

  it("a body past the cap: 413, read while it streams, and logged", async () => {
    const response = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners/${id}`, { method: "PATCH", headers: { authorization: "Bearer t" }, body: JSON.stringify({ displayName: "x".repeat(100) }) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("RequestEntityTooLarge");
    expect(fake.requests.at(-1)).toMatchObject({ method: "PATCH", status: 413 });
  });

  it("a test's typed override (openapi-msw and the package's paths) goes in front of the fake's handlers", async () => {
    const http = createOpenApiHttp<paths>({ baseUrl });
    server.use(
      http.patch("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", ({ params, response }) =>
        response(404).json({ error: { code: "ResourceNotFound", message: `no partner ${params.remoteAssistancePartnerId}` } }),
      ),
    );
    const error = await client.update(id, { displayName: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 404, message: expect.stringContaining(`no partner ${id}`) });
  });
});

describe("createRemoteAssistanceHandlers: a fake seeded with the spec's examples", () => {
  let server: ReturnType<typeof setupServer>;
  beforeAll(() => {
    server = setupServer(...createRemoteAssistanceHandlers({ baseUrl: "http://127.0.0.1:9/other//" }));
    server.listen({ onUnhandledRequest: "error" });
  });
  afterAll(() => server.close());

  it("serves the example partners under the base without its trailing slashes, and pages there", async () => {
    const page = await fetch("http://127.0.0.1:9/other/deviceManagement/remoteAssistancePartners?$top=1", { headers: { authorization: "Bearer t" } }).then((r) => r.json());
    expect(page.value.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(page["@odata.nextLink"]).toBe("http://127.0.0.1:9/other/deviceManagement/remoteAssistancePartners?%24top=1&%24skiptoken=fake-1");
  });
});
