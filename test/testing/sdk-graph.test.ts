// Microsoft's Graph JS SDK 3.0.7 against the fake over HTTP: a get → change → PATCH round trip sends back what it
// got (`@odata.context`, `@odata.type`, `id`), which the service accepts and so does the fake. What a consumer
// needs: a middleware chain of its own, since the SDK's AuthenticationHandler sends tokens only to https Graph hosts
// and deletes Authorization on any other; and next links given relative to the version, since its PageIterator turns
// an absolute link on a non-Graph http host into `{base}/http://…`.
import { Client, HTTPMessageHandler, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceFake, type FakeServer, type RemoteAssistanceFake } from "../../src/testing.js";

const TOKEN = "graph-sdk-token";
const ID = "2b0c8f9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f";

function graphClient(baseUrl: string): Client {
  const auth: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      context.options = { ...context.options, headers: { ...(context.options?.headers as Record<string, string>), Authorization: `Bearer ${TOKEN}` } };
      await auth.next!.execute(context);
    },
    setNext(next: Middleware) {
      auth.next = next;
    },
  };
  auth.setNext!(new HTTPMessageHandler());
  const url = new URL(baseUrl);
  return Client.initWithMiddleware({ middleware: auth, baseUrl: `${url.origin}/`, defaultVersion: url.pathname.slice(1) });
}

describe("the Graph JS SDK 3.0.7 against the fake over HTTP", () => {
  let fake: RemoteAssistanceFake;
  let server: FakeServer;
  beforeAll(async () => {
    fake = createRemoteAssistanceFake();
    server = await fake.listen();
  });
  afterAll(() => server.close());

  it("get → change → PATCH: the partner as it came back, changed, is accepted (204) and kept", async () => {
    const client = graphClient(server.url);
    const path = `/deviceManagement/remoteAssistancePartners/${ID}`;
    const partner = await client.api(path).get();
    expect(partner["@odata.context"]).toBe(`${server.url}/$metadata#deviceManagement/remoteAssistancePartners/$entity`);
    await client.api(path).patch({ ...partner, displayName: "Changed by the Graph SDK" });
    expect(fake.requests.at(-1)).toMatchObject({ method: "PATCH", status: 204, body: { id: ID, "@odata.context": partner["@odata.context"] } });
    expect((await client.api(path).get()).displayName).toBe("Changed by the Graph SDK");
  });
});
