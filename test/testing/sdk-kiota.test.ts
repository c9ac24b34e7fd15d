// Kiota (Microsoft's generated Graph SDK for TypeScript, @microsoft/msgraph-sdk) against the fake over HTTP. The
// SDK's device management request builders are not published, so the few this test needs are written here, as
// Kiota generates them: a RequestInformation per call, the SDK's own models to (de)serialise. What Kiota sends on a
// get → change → PATCH round trip (`id`, `@odata.type`, `@odata.context` back) is what the service accepts, and so
// does the fake; a strict fake refuses it, naming the package's rule. PageIterator ends, $top=0 included.
import { HttpMethod, RequestInformation, type AuthenticationProvider, type RequestAdapter } from "@microsoft/kiota-abstractions";
import { DefaultRequestAdapter } from "@microsoft/kiota-bundle";
import {
  createRemoteAssistancePartnerCollectionResponseFromDiscriminatorValue,
  createRemoteAssistancePartnerFromDiscriminatorValue,
  serializeRemoteAssistancePartner,
  type RemoteAssistancePartner,
  type RemoteAssistancePartnerCollectionResponse,
} from "@microsoft/msgraph-sdk/models/index.js";
import { createODataErrorFromDiscriminatorValue } from "@microsoft/msgraph-sdk/models/oDataErrors/index.js";
import { PageIterator } from "@microsoft/msgraph-sdk-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceFake, type FakeServer, type RemoteAssistanceFake } from "../../src/testing.js";

const TOKEN = "kiota-test-token";
const ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";
const errors = { XXX: createODataErrorFromDiscriminatorValue };

/** Kiota's bearer providers send tokens to https hosts only: the fake is http on loopback, so the header is set here. */
const auth: AuthenticationProvider = {
  authenticateRequest: async (request) => void request.headers.tryAdd("Authorization", `Bearer ${TOKEN}`),
};

/** The request builders Kiota would generate for /deviceManagement/remoteAssistancePartners. */
function remoteAssistancePartners(adapter: RequestAdapter, base: string) {
  const request = (method: HttpMethod, path: string) => {
    const info = new RequestInformation(method);
    info.URL = `${base}/deviceManagement/remoteAssistancePartners${path}`;
    info.headers.tryAdd("Accept", "application/json");
    return info;
  };
  return {
    list: (query = "") => adapter.send<RemoteAssistancePartnerCollectionResponse>(request(HttpMethod.GET, query), createRemoteAssistancePartnerCollectionResponseFromDiscriminatorValue, errors),
    get: (id: string) => adapter.send<RemoteAssistancePartner>(request(HttpMethod.GET, `/${encodeURIComponent(id)}`), createRemoteAssistancePartnerFromDiscriminatorValue, errors),
    patch: (id: string, body: RemoteAssistancePartner) => {
      const info = request(HttpMethod.PATCH, `/${encodeURIComponent(id)}`);
      info.setContentFromParsable(adapter, "application/json", body, serializeRemoteAssistancePartner);
      return adapter.sendNoResponseContent(info, errors);
    },
  };
}

async function iterateAll(adapter: RequestAdapter, first: RemoteAssistancePartnerCollectionResponse): Promise<string[]> {
  const ids: string[] = [];
  const iterator = new PageIterator<RemoteAssistancePartner>(
    adapter,
    first as never,
    (partner) => {
      ids.push(partner.id!);
      return true;
    },
    createRemoteAssistancePartnerCollectionResponseFromDiscriminatorValue as never,
    errors,
  );
  await iterator.iterate();
  return ids;
}

describe("Kiota's @microsoft/msgraph-sdk against the fake over HTTP", () => {
  let fake: RemoteAssistanceFake;
  let strict: RemoteAssistanceFake;
  let server: FakeServer;
  let strictServer: FakeServer;
  let adapter: RequestAdapter;
  beforeAll(async () => {
    fake = createRemoteAssistanceFake();
    strict = createRemoteAssistanceFake({ strict: true });
    server = await fake.listen();
    strictServer = await strict.listen();
    adapter = new DefaultRequestAdapter(auth);
  });
  afterEach(() => {
    fake.reset();
    strict.reset();
  });
  afterAll(async () => {
    await server.close();
    await strictServer.close();
  });

  it("get → change → PATCH round trip: what Kiota sends back (id, @odata.type, @odata.context) is accepted and ignored", async () => {
    const partners = remoteAssistancePartners(adapter, server.url);
    const partner = (await partners.get(ID))!;
    partner.displayName = "Changed by Kiota";
    await partners.patch(ID, partner);
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ method: "PATCH", status: 204 });
    expect(sent.body).toMatchObject({ id: ID, "@odata.type": "#microsoft.graph.remoteAssistancePartner", displayName: "Changed by Kiota" });
    expect(sent.body).toHaveProperty(["@odata.context"]);
    expect((await partners.get(ID))!.displayName).toBe("Changed by Kiota");
    expect(fake.partners().find((p) => p.id === ID)).not.toHaveProperty(["@odata.context"]);
  });

  it("the same round trip against a strict fake: 400, naming the package's rules it breaks", async () => {
    const partners = remoteAssistancePartners(adapter, strictServer.url);
    const partner = (await partners.get(ID))!;
    partner.displayName = "Changed by Kiota";
    const error = (await partners.patch(ID, partner).then(
      () => undefined,
      (e: unknown) => e,
    )) as { responseStatusCode: number };
    expect(error.responseStatusCode).toBe(400);
    expect(strict.requests.at(-1)).toMatchObject({ method: "PATCH", status: 400 });
    const message = JSON.stringify(error);
    expect(message).toContain("/id");
    expect(message).toContain("/@odata.context");
  });

  it("PageIterator follows the fake's next links and ends; with $top=0 it ends at once (it used to loop)", async () => {
    const partners = remoteAssistancePartners(adapter, server.url);
    expect(await iterateAll(adapter, (await partners.list("?$top=1"))!)).toEqual([ID, "2b0c8f9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f"]);
    fake.reset();
    const empty = (await partners.list("?$top=0&$count=true"))!;
    expect(empty.odataCount).toBe(2);
    expect(await iterateAll(adapter, empty)).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });
});
