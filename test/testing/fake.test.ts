// The stateful fake as a consumer uses it: the whole life of a partner with this package's client and with
// Microsoft's Graph SDK, over the fake's HTTP server and over its msw handlers; then every rule it keeps.
import { Client, HTTPMessageHandler, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { once } from "node:events";
import { connect } from "node:net";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, GraphError, type RemoteAssistancePartner } from "../../src/entries/index.js";
import { createRemoteAssistanceFake, type FakeServer, type RemoteAssistanceFake } from "../../src/testing.js";

const TOKEN = "fake-test-token";
// msw answers under this base; nothing listens there, so a request that slipped past msw would fail, not leave.
const MSW_BASE = "http://127.0.0.1:9/v1.0";
const SEED_IDS = ["7443c8b9-c8b9-7443-b9c8-4374b9c84374", "2b0c8f9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f"];

/** The lifecycle every client must be able to run: create, update, list, onboarding, disconnect, delete. */
interface Lifecycle {
  create(partner: Record<string, unknown>): Promise<RemoteAssistancePartner>;
  update(id: string, patch: Record<string, unknown>): Promise<void>;
  get(id: string): Promise<RemoteAssistancePartner>;
  listAll(filter?: string): Promise<RemoteAssistancePartner[]>;
  beginOnboarding(id: string): Promise<void>;
  disconnect(id: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Resolves to the HTTP status of a GET of `id` that fails. */
  statusOfGet(id: string): Promise<number>;
}

function ourClient(baseUrl: string): Lifecycle {
  const client = createRemoteAssistanceClient({ baseUrl, getAccessToken: () => TOKEN, validate: "both", retry: false });
  return {
    create: (partner) => client.create(partner),
    update: async (id, patch) => void (await client.update(id, patch)),
    get: (id) => client.get(id),
    listAll: async (filter) => {
      const all: RemoteAssistancePartner[] = [];
      for await (const p of client.listAll(filter ? { $filter: filter, $top: 1 } : { $top: 1 })) all.push(p);
      return all;
    },
    beginOnboarding: (id) => client.beginOnboarding(id),
    disconnect: (id) => client.disconnect(id),
    delete: (id) => client.delete(id),
    statusOfGet: (id) => client.get(id).then(() => 200, (e: GraphError) => e.status),
  };
}

/** The Graph SDK, with a middleware chain of our own: its auth handler sends tokens to https Graph hosts only. */
function graphSdk(baseUrl: string): Lifecycle {
  const auth: Middleware & { next?: Middleware } = {
    async execute(context: Context) {
      const headers = (context.options ??= {}).headers as Record<string, string> | undefined;
      context.options.headers = { ...headers, Authorization: `Bearer ${TOKEN}` };
      await auth.next!.execute(context);
    },
    setNext(next: Middleware) {
      auth.next = next;
    },
  };
  auth.setNext!(new HTTPMessageHandler());
  const url = new URL(baseUrl);
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: `${url.origin}/`, defaultVersion: url.pathname.slice(1) });
  const path = "/deviceManagement/remoteAssistancePartners";
  return {
    create: (partner) => client.api(path).post(partner),
    update: (id, patch) => client.api(`${path}/${id}`).patch(patch),
    get: (id) => client.api(`${path}/${id}`).get(),
    listAll: async (filter) => {
      const all: RemoteAssistancePartner[] = [];
      let page = await client.api(path).filter(filter ?? "").top(1).get();
      for (;;) {
        all.push(...page.value);
        if (!page["@odata.nextLink"]) return all;
        // The SDK takes an absolute URL only on Graph's own https hosts: give it the link relative to the version.
        page = await client.api(String(page["@odata.nextLink"]).slice(baseUrl.length)).get();
      }
    },
    beginOnboarding: (id) => client.api(`${path}/${id}/beginOnboarding`).post({}),
    disconnect: (id) => client.api(`${path}/${id}/disconnect`).post({}),
    delete: (id) => client.api(`${path}/${id}`).delete(),
    statusOfGet: (id) => client.api(`${path}/${id}`).get().then(() => 200, (e: { statusCode: number }) => e.statusCode),
  };
}

async function runLifecycle(client: Lifecycle, fake: RemoteAssistanceFake) {
  const created = await client.create({ displayName: "Lifecycle partner" });
  expect(created).toMatchObject({ displayName: "Lifecycle partner", onboardingStatus: "notOnboarded", lastConnectionDateTime: "0001-01-01T00:00:00Z" });
  const id = created.id!;
  await client.update(id, { displayName: "Renamed", onboardingUrl: "https://example.com/onboard/" });
  expect(await client.get(id)).toMatchObject({ id, displayName: "Renamed", onboardingUrl: "https://example.com/onboard/" });
  // Page by page (one partner a page): the new partner is there, after the seeded two.
  expect((await client.listAll()).map((p) => p.id)).toEqual([...SEED_IDS, id]);
  await client.beginOnboarding(id);
  expect((await client.listAll("onboardingStatus eq 'onboarding'")).map((p) => p.id)).toContain(id);
  await client.disconnect(id);
  expect((await client.get(id)).onboardingStatus).toBe("notOnboarded");
  await client.delete(id);
  expect(await client.statusOfGet(id)).toBe(404);
  expect(fake.partners().map((p) => p.id)).toEqual(SEED_IDS);
}

describe("the whole life of a partner", () => {
  // Made in a hook, not in the describe body: a throw there fails every test below (a throw while collecting would
  // leave no test at all, and Stryker would count the mutant that caused it as survived).
  let fake: RemoteAssistanceFake;
  let msw: ReturnType<typeof setupServer>;
  let server: FakeServer;
  beforeAll(async () => {
    fake = createRemoteAssistanceFake({ baseUrl: MSW_BASE });
    msw = setupServer(...fake.handlers);
    server = await fake.listen({ port: 0 });
  });
  afterEach(() => {
    msw.close();
    fake.reset();
  });
  afterAll(() => server.close());

  it("this package's client, against fake.listen()", async () => {
    await runLifecycle(ourClient(server.url), fake);
  });

  it("the Graph SDK, against fake.listen()", async () => {
    await runLifecycle(graphSdk(server.url), fake);
  });

  it("this package's client, against fake.handlers (msw)", async () => {
    msw.listen({ onUnhandledRequest: "error" });
    await runLifecycle(ourClient(MSW_BASE), fake);
  });

  it("the Graph SDK, against fake.handlers (msw)", async () => {
    msw.listen({ onUnhandledRequest: "error" });
    await runLifecycle(graphSdk(MSW_BASE), fake);
  });
});

describe("the rules the fake keeps", () => {
  let fake: RemoteAssistanceFake;
  let server: FakeServer;
  const partners = Array.from({ length: 5 }, (_, i) => ({
    "@odata.type": "#microsoft.graph.remoteAssistancePartner",
    id: `p${i}`,
    displayName: ["TeamViewer", "Zoom Assist", "teamwork", "Acme", "O'Brien Support"][i]!,
    onboardingUrl: null,
    onboardingStatus: (["onboarded", "notOnboarded", "onboarding", "onboarded", "notOnboarded"] as const)[i]!,
    lastConnectionDateTime: "2026-11-01T00:00:00Z",
  }));
  beforeAll(async () => {
    fake = createRemoteAssistanceFake({ partners, pageSize: 2 });
    server = await fake.listen();
  });
  afterEach(() => fake.reset());
  afterAll(() => server.close());

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...(init.headers as Record<string, string>) } });
  const json = async (path: string, init?: RequestInit) => {
    const response = await call(path, init);
    return { status: response.status, headers: response.headers, body: response.status === 204 ? undefined : await response.json() };
  };
  const ids = (body: { value: { id: string }[] }) => body.value.map((p) => p.id);
  const C = "/deviceManagement/remoteAssistancePartners";

  it("pages by pageSize with a nextLink on the fake's own origin, honouring $top, $skip and $count", async () => {
    const first = await json(C);
    expect(ids(first.body)).toEqual(["p0", "p1"]);
    expect(first.body["@odata.nextLink"]).toBe(`${server.url}${C}?%24skiptoken=fake-2`);
    const second = await fetch(first.body["@odata.nextLink"], { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());
    expect(ids(second)).toEqual(["p2", "p3"]);
    expect(ids((await json(`${C}?$top=3&$skip=1&$count=true`)).body)).toEqual(["p1", "p2", "p3"]);
    expect((await json(`${C}?$top=3&$skip=1&$count=true`)).body["@odata.count"]).toBe(5);
    const last = await json(`${C}?$top=3&$skip=3`);
    expect(ids(last.body)).toEqual(["p3", "p4"]);
    expect(last.body["@odata.nextLink"]).toBeUndefined();
    // A page that ends exactly at the last partner has no next link (no empty page after it).
    expect((await json(`${C}?$top=2&$skip=3`)).body).toEqual({
      "@odata.context": `${server.url}/$metadata#deviceManagement/remoteAssistancePartners`,
      value: [partners[3], partners[4]],
    });
  });

  it("a nextLink spends $skip on the first page and carries one $skiptoken, page after page", async () => {
    const first = await json(`${C}?$top=1&$skip=1&$select=id`);
    const second = new URL(first.body["@odata.nextLink"]);
    expect([...second.searchParams.keys()]).toEqual(["$top", "$select", "$skiptoken"]);
    expect(second.searchParams.get("$skiptoken")).toBe("fake-2");
    const page = await fetch(second, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());
    expect(page.value).toEqual([{ id: "p2" }]);
    expect([...new URL(page["@odata.nextLink"]).searchParams.entries()]).toEqual([["$top", "1"], ["$select", "id"], ["$skiptoken", "fake-3"]]);
  });

  it("an unknown id: 404 ResourceNotFound naming it", async () => {
    expect((await json(`${C}/nobody`)).body.error).toMatchObject({ code: "ResourceNotFound", message: "No remoteAssistancePartner with id 'nobody'." });
  });

  it("keeps the query on its nextLinks: a filtered, ordered, selected listing stays so page after page", async () => {
    const first = await json(`${C}?$filter=onboardingStatus eq 'notOnboarded' or x&$top=1`);
    expect(first.status).toBe(400);
    const page = await json(`${C}?$orderby=displayName desc&$select=displayName&$top=2`);
    // Case-insensitive, as Graph sorts: "teamwork" comes after "TeamViewer".
    expect(page.body.value).toEqual([{ id: "p1", displayName: "Zoom Assist" }, { id: "p2", displayName: "teamwork" }]);
    const next = new URL(page.body["@odata.nextLink"]);
    expect(next.searchParams.get("$orderby")).toBe("displayName desc");
    expect(next.searchParams.get("$select")).toBe("displayName");
    const rest = await fetch(next, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());
    expect(rest.value.map((p: { displayName: string }) => p.displayName)).toEqual(["TeamViewer", "O'Brien Support"]);
  });

  it.each([
    ["onboardingStatus eq 'onboarded'", ["p0", "p3"]],
    ["displayName eq 'Acme'", ["p3"]],
    ["startswith(displayName,'team')", ["p0", "p2"]],
    ["startswith(displayName,'team') and onboardingStatus eq 'onboarded'", ["p0"]],
    ["displayName eq 'O''Brien Support'", ["p4"]],
  ])("$filter=%s", async (filter, expected) => {
    expect(ids((await json(`${C}?$top=10&$filter=${encodeURIComponent(filter)}`)).body)).toEqual(expected);
  });

  it.each(["displayName ne 'Acme'", "onboardingStatus eq 'onboarded' or displayName eq 'Acme'", "contains(displayName,'a')"])(
    "an unsupported $filter (%s) is a 400 saying so, never ignored",
    async (filter) => {
      const { status, body } = await json(`${C}?$filter=${encodeURIComponent(filter)}`);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "BadRequest", message: expect.stringContaining("does not support the filter") });
    },
  );

  it.each([
    ["$top=ten", "$top must be a whole number ≥ 0, got 'ten'."],
    ["$skip=-1", "$skip must be a whole number ≥ 0, got '-1'."],
    ["$count=yes", "$count must be true or false, got 'yes'."],
    ["$levels=2", "The query option $levels is not supported on this request."],
    ["$search=%22team%22", "The fake does not support $search."],
    ["$expand=owner", "$expand=owner: remoteAssistancePartner has no navigation properties."],
    ["$select=displayName,colour", "$select: 'colour' is not a property of remoteAssistancePartner."],
    ["$skiptoken=abc", "$skiptoken 'abc' was not issued by this fake."],
    ["$orderby=onboardingStatus", "The fake supports $orderby on displayName only (asc or desc), got 'onboardingStatus'."],
  ])("?%s is a 400 naming what it cannot honour", async (query, message) => {
    const { status, body } = await json(`${C}?${query}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "BadRequest", message });
  });

  it("$expand=* and $count=false are accepted; a blank $filter filters nothing; $orderby asc is the default order", async () => {
    expect((await json(`${C}?$expand=*&$count=false&$top=10`)).body.value).toHaveLength(5);
    expect(ids((await json(`${C}?$filter=%20&$top=10`)).body)).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    const asc = ids((await json(`${C}?$orderby=displayName%20asc&$top=10`)).body);
    expect(asc).toEqual(ids((await json(`${C}?$orderby=displayName&$top=10`)).body));
    expect(asc).toEqual(["p3", "p4", "p0", "p2", "p1"]);
  });

  it("paths and methods it does not serve: Graph's 400 for an unknown segment, and Intune's 400 for a method the path does not take", async () => {
    expect(await json("/deviceManagement/somethingElse")).toMatchObject({ status: 400, body: { error: { code: "BadRequest", message: "Resource not found for the segment 'somethingElse'." } } });
    // a v1.0 fake has no settings
    expect((await json("/deviceManagement/remoteAssistanceSettings")).body.error.message).toBe("Resource not found for the segment 'remoteAssistanceSettings'.");
    expect(await json(C, { method: "PUT" })).toMatchObject({
      status: 400,
      body: { error: { code: "No method match route template", message: "No OData route exists that match template ~/singleton/navigation with http verb PUT for request /deviceManagement/remoteAssistancePartners." } },
    });
    expect((await json(`${C}/$count`, { method: "POST" })).body.error.message).toContain("template ~/singleton/navigation/$count with http verb POST");
    expect((await json(`${C}/p0/beginOnboarding`)).body.error.message).toBe(
      "No OData route exists that match template ~/singleton/navigation/key/action with http verb GET for request /deviceManagement/remoteAssistancePartners('p0')/beginOnboarding.",
    );
    expect((await json(`${C}/p0/disconnect`, { method: "PATCH", body: "{}" })).status).toBe(400);
    expect((await json(`${C}/p0`, { method: "POST", body: "{}" })).body.error.code).toBe("No method match route template");
  });

  it("$count is text/plain and honours $filter", async () => {
    const response = await call(`${C}/$count?$filter=${encodeURIComponent("onboardingStatus eq 'notOnboarded'")}`);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(await response.text()).toBe("2");
  });

  it("this package's client: listAll over pages of pageSize, and count with a filter", async () => {
    const client = createRemoteAssistanceClient({ baseUrl: server.url, getAccessToken: () => TOKEN, validate: "both" });
    const seen: string[] = [];
    for await (const partner of client.listAll({ $orderby: ["displayName"] })) seen.push(partner.id!);
    expect(seen).toEqual(["p3", "p4", "p0", "p2", "p1"]);
    expect(fake.requests.filter((r) => r.method === "GET")).toHaveLength(3);
    expect(await client.count({ $filter: "onboardingStatus eq 'onboarded'" })).toBe(2);
  });

  it("get: 200, or 404 ResourceNotFound", async () => {
    expect((await json(`${C}/p3`)).body).toMatchObject({ id: "p3", displayName: "Acme" });
    expect(await json(`${C}/nope`)).toMatchObject({ status: 404, body: { error: { code: "ResourceNotFound" } } });
  });

  it("create: 201 with a new UUID, defaults and a Location", async () => {
    const { status, headers, body } = await json(C, { method: "POST", body: JSON.stringify({ displayName: "New" }) });
    expect(status).toBe(201);
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body).toMatchObject({ displayName: "New", onboardingStatus: "notOnboarded", lastConnectionDateTime: "0001-01-01T00:00:00Z" });
    expect(headers.get("location")).toBe(`${server.url}${C}/${body.id}`);
    expect((await json(`${C}/${body.id}`)).body.displayName).toBe("New");
  });

  it("update: merges; 204, or 200 with Prefer: return=representation; 404 for an unknown id", async () => {
    expect((await json(`${C}/p3`, { method: "PATCH", body: JSON.stringify({ displayName: "Acme 2" }) })).status).toBe(204);
    expect((await json(`${C}/p3`)).body).toMatchObject({ displayName: "Acme 2", onboardingStatus: "onboarded" });
    const represented = await json(`${C}/p3`, { method: "PATCH", body: JSON.stringify({ onboardingUrl: null }), headers: { prefer: "return=representation" } });
    expect(represented).toMatchObject({ status: 200, body: { id: "p3", displayName: "Acme 2", onboardingUrl: null } });
    expect((await json(`${C}/nope`, { method: "PATCH", body: "{}" })).status).toBe(404);
  });

  it("update: option patchReturnsRepresentation answers 200 with the partner", async () => {
    const fake200 = createRemoteAssistanceFake({ patchReturnsRepresentation: true });
    const other = await fake200.listen();
    try {
      const response = await fetch(`${other.url}${C}/${SEED_IDS[0]}`, { method: "PATCH", body: '{"displayName":"x"}', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: SEED_IDS[0], displayName: "x" });
    } finally {
      await other.close();
    }
  });

  it("delete, beginOnboarding and disconnect change the state", async () => {
    expect((await json(`${C}/p1/beginOnboarding`, { method: "POST" })).status).toBe(204);
    expect(fake.partners().find((p) => p.id === "p1")!.onboardingStatus).toBe("onboarding");
    expect((await json(`${C}/p0/disconnect`, { method: "POST" })).status).toBe(204);
    expect(fake.partners().find((p) => p.id === "p0")!.onboardingStatus).toBe("notOnboarded");
    expect((await json(`${C}/p0`, { method: "DELETE" })).status).toBe(204);
    expect((await json(`${C}/p0`)).status).toBe(404);
    expect((await json(`${C}/p0`, { method: "DELETE" })).status).toBe(404);
  });

  it("a body that breaks the contract: 400 BadRequest, a details entry per path, nothing changed", async () => {
    const { status, body } = await json(`${C}/p3`, { method: "PATCH", body: JSON.stringify({ id: "x", onboardingStatus: "Done", displayNam: "typo" }) });
    expect(status).toBe(400);
    expect(body.error.code).toBe("BadRequest");
    expect(body.error.details.map((d: { target: string }) => d.target).sort()).toEqual(["/displayNam", "/id", "/onboardingStatus"]);
    expect(body.error.message.replace("The request body breaks the contract: ", "").split("; ").sort()).toEqual(body.error.details.map((d: { message: string }) => d.message).sort());
    expect(fake.partners().find((p) => p.id === "p3")).toEqual(partners[3]);
  });

  it("a body that is not JSON, or not an object: 400 whose one detail targets (body), in Graph's error shape", async () => {
    const notJson = await json(`${C}/p3`, { method: "PATCH", body: "displayName=x" });
    expect(notJson.status).toBe(400);
    const { innerError, ...error } = notJson.body.error;
    expect(error).toEqual({
      code: "BadRequest",
      message: "The request body breaks the contract: (body) is not valid JSON",
      details: [{ code: "BadRequest", message: "(body) is not valid JSON", target: "(body)" }],
    });
    // Graph's innerError: its date to the second, without a zone, and the ids of the exchange.
    expect(innerError).toEqual({ date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), "request-id": notJson.headers.get("request-id"), "client-request-id": notJson.headers.get("client-request-id") });
    const array = await json(`${C}/p3`, { method: "PATCH", body: "[]" });
    expect(array.body.error.message).toBe("The request body breaks the contract: (body) must be object");
    expect(array.body.error.details).toEqual([{ code: "BadRequest", message: "(body) must be object", target: "(body)" }]);
  });

  it("answers only under its own base path, for the paths of the resource and nothing longer", async () => {
    const under = (path: string) => fetch(`${new URL(server.url).origin}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then(async (r) => [r.status, r.status === 200 ? "" : (await r.json()).error.message]);
    expect(await under(`/beta${C}`)).toEqual([400, "Invalid version."]);
    expect(await under(`/v1.0/x${C}`)).toEqual([400, "Resource not found for the segment 'x'."]);
    expect(await under(`/v1.0${C}/p0/beginOnboarding/more`)).toEqual([400, "Resource not found for the segment 'more'."]);
    expect(await under(`/v1.0${C}/p0/`)).toEqual([200, ""]); // a trailing slash names no segment
    expect(await under(`/v1.0${C}/p0`)).toEqual([200, ""]);
  });

  it("a JSON answer says odata.metadata=minimal, as Graph's do; a 204 has no content-type and no body", async () => {
    const read = await call(`${C}/p3`);
    expect(read.headers.get("content-type")).toBe("application/json; odata.metadata=minimal");
    const updated = await call(`${C}/p3`, { method: "PATCH", body: "{}" });
    expect(updated.status).toBe(204);
    expect(updated.headers.get("content-type")).toBeNull();
    expect(await updated.text()).toBe("");
  });

  it("401 without a bearer token; the scheme in any case (RFC 9110, 11.1)", async () => {
    const response = await fetch(`${server.url}${C}`);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: "InvalidAuthenticationToken", message: "Access token is empty." });
    for (const authorization of [`bearer ${TOKEN}`, `BEARER ${TOKEN}`, `Bearer   ${TOKEN}`]) {
      expect((await fetch(`${server.url}${C}`, { headers: { authorization } })).status, authorization).toBe(200);
    }
    for (const authorization of ["Bearer ", "Basic abc", `Bearer${TOKEN}`, `x Bearer ${TOKEN}`]) {
      expect((await fetch(`${server.url}${C}`, { headers: { authorization } })).status, authorization).toBe(401);
    }
  });

  it("every response carries request-id, the echoed client-request-id (else the request-id), Date and x-ms-ags-diagnostic, like Graph", async () => {
    const response = await call(`${C}/p3`, { headers: { "client-request-id": "mine-123" } });
    expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("client-request-id")).toBe("mine-123");
    expect(Date.parse(response.headers.get("date")!)).not.toBeNaN();
    expect(JSON.parse(response.headers.get("x-ms-ags-diagnostic")!)).toEqual({ ServerInfo: expect.objectContaining({ DataCenter: expect.any(String), Slice: "E" }) });
    const own = await fetch(`${server.url}${C}/nope`);
    expect(own.headers.get("client-request-id")).toBe(own.headers.get("request-id"));
    const error = await call(`${C}/nope`, { headers: { "client-request-id": "mine-456" } });
    expect((await error.json()).error.innerError).toMatchObject({ "client-request-id": "mine-456", "request-id": error.headers.get("request-id") });
  });

  it("logs what was asked and answered; partners() is a snapshot; reset() starts again", async () => {
    await json(`${C}/p3?$select=displayName`);
    await json(`${C}/p3`, { method: "PATCH", body: '{"displayName":"Acme 3"}', headers: { "client-request-id": "c-1" } });
    expect(fake.requests).toMatchObject([
      { method: "GET", path: "/v1.0/deviceManagement/remoteAssistancePartners/p3", query: { $select: "displayName" }, status: 200, body: undefined },
      { method: "PATCH", path: "/v1.0/deviceManagement/remoteAssistancePartners/p3", query: {}, status: 204, body: { displayName: "Acme 3" } },
    ]);
    // The headers as sent, the token hidden behind its scheme.
    expect(fake.requests[1]!.headers).toMatchObject({ authorization: "Bearer [hidden]", "client-request-id": "c-1", "content-type": "application/json" });
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
    await json(`${C}/p3`, { method: "PATCH", body: '{"displayName":"Acme"}' });
    const snapshot = fake.partners();
    snapshot[0]!.displayName = "edited outside";
    expect(fake.partners()[0]!.displayName).toBe("TeamViewer");
    fake.reset();
    expect(fake.partners()).toHaveLength(5);
    expect(fake.requests).toEqual([]);
  });
});

describe("throttling and faults, deterministic", () => {
  // The fake's clock is the test's: time moves only when the test says so.
  let now = 0;
  const clock = () => now;
  let fake: RemoteAssistanceFake;
  let server: FakeServer;
  beforeAll(async () => {
    fake = createRemoteAssistanceFake({ throttle: { writesPerApp: 2, requestsPerApp: 4 }, now: clock });
    server = await fake.listen();
  });
  afterEach(() => {
    fake.reset();
    now = 0;
  });
  afterAll(() => server.close());
  const send = (method: string, path = `/deviceManagement/remoteAssistancePartners/${SEED_IDS[0]}`) =>
    fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}` }, ...(method === "PATCH" ? { body: "{}" } : {}) });

  it("throttle: past the writes per app in the window, 429 TooManyRequests with a fractional Retry-After; refusals are not counted", async () => {
    expect((await send("PATCH")).status).toBe(204);
    now = 1_000;
    expect((await send("PATCH")).status).toBe(204);
    now = 2_872;
    const throttled = await send("PATCH");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("17.128"); // the first write leaves the 20 s window at 20 000
    expect((await throttled.json()).error).toMatchObject({ code: "TooManyRequests", message: "Too many requests: the Intune remote assistance limits for this window are used up." });
    expect((await send("GET")).status).toBe(200); // a read has its own quota
    now = 20_000;
    expect((await send("PATCH")).status).toBe(204);
  });

  it("throttle: reads count toward the requests per app", async () => {
    for (let i = 0; i < 4; i++) expect((await send("GET")).status).toBe(200);
    const throttled = await send("GET");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("20");
  });

  it("throttle is on by default, with Microsoft's numbers: the 101st write in 20 s is a 429", async () => {
    const busy = createRemoteAssistanceFake({ now: () => 0 });
    const other = await busy.listen();
    try {
      const patch = () => fetch(`${other.url}/deviceManagement/remoteAssistancePartners/${SEED_IDS[0]}`, { method: "PATCH", body: "{}", headers: { authorization: `Bearer ${TOKEN}` } });
      for (let i = 0; i < 100; i++) expect((await patch()).status).toBe(204);
      expect((await patch()).status).toBe(429);
      expect(createRemoteAssistanceFake({ throttle: false }).requests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("the client's retries meet the throttle: a fractional Retry-After honoured, then success", async () => {
    const quick = createRemoteAssistanceFake({ throttle: { writesPerApp: 1, windowMs: 150 } });
    const other = await quick.listen();
    try {
      const client = createRemoteAssistanceClient({ baseUrl: other.url, getAccessToken: () => TOKEN });
      await client.update(SEED_IDS[0]!, { displayName: "a" });
      await client.update(SEED_IDS[0]!, { displayName: "b" });
      expect(quick.requests.map((r) => r.status)).toEqual([204, 429, 204]);
      expect(Number(quick.requests.length)).toBe(3);
    } finally {
      await other.close();
    }
  });

  it("faults: the same seed gives the same sequence of 503/504, and reset() replays it", async () => {
    const run = async (fake: RemoteAssistanceFake) => {
      const server = await fake.listen();
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await fetch(`${server.url}/deviceManagement/remoteAssistancePartners`, { headers: { authorization: `Bearer ${TOKEN}` } })).status);
        return statuses;
      } finally {
        await server.close();
      }
    };
    const a = createRemoteAssistanceFake({ faults: { rate: 0.3, seed: 7 } });
    const first = await run(a);
    expect(first.filter((s) => s === 503 || s === 504).length).toBeGreaterThan(4);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(20);
    expect(await run(createRemoteAssistanceFake({ faults: { rate: 0.3, seed: 7 } }))).toEqual(first);
    a.reset();
    expect(await run(a)).toEqual(first);
    expect(await run(createRemoteAssistanceFake({ faults: { rate: 0.3, seed: 8 } }))).not.toEqual(first);
  });

  it("faults: the sequence for a seed is fixed (a consumer's test written against seed 7 keeps seeing it), and statuses can be chosen", async () => {
    const statusesOf = async (options: Parameters<typeof createRemoteAssistanceFake>[0], n: number) => {
      const server = await createRemoteAssistanceFake(options).listen();
      try {
        const out: { status: number; code?: string }[] = [];
        for (let i = 0; i < n; i++) {
          const response = await fetch(`${server.url}/deviceManagement/remoteAssistancePartners`, { headers: { authorization: `Bearer ${TOKEN}` } });
          out.push({ status: response.status, ...(response.ok ? {} : { code: (await response.json()).error.code }) });
        }
        return out;
      } finally {
        await server.close();
      }
    };
    const seven = await statusesOf({ faults: { rate: 0.3, seed: 7 } }, 20);
    expect(seven.map((r) => r.status)).toEqual([503, 200, 200, 200, 200, 200, 504, 200, 503, 200, 200, 503, 504, 504, 504, 503, 503, 200, 200, 504]);
    expect(new Set(seven.filter((r) => r.code).map((r) => `${r.status} ${r.code}`))).toEqual(new Set(["503 ServiceUnavailable", "504 GatewayTimeout"]));
    const chosen = await statusesOf({ faults: { rate: 1, seed: 1, statuses: [500, 502] } }, 8);
    expect(chosen.map((r) => r.status)).toEqual([500, 502, 500, 502, 502, 500, 500, 500]);
    expect((await statusesOf({ faults: { rate: 0, seed: 1 } }, 5)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it("a fault comes before the throttle and the body's check, but after authentication", async () => {
    const server = await createRemoteAssistanceFake({ faults: { rate: 1, seed: 1 } }).listen();
    try {
      const url = `${server.url}/deviceManagement/remoteAssistancePartners/${SEED_IDS[0]}`;
      expect((await fetch(url, { method: "PATCH", body: "{}" })).status).toBe(401);
      const fault = await fetch(url, { method: "PATCH", body: '{"id":"x"}', headers: { authorization: `Bearer ${TOKEN}` } });
      expect([503, 504]).toContain(fault.status);
      expect((await fault.json()).error.message).toBe("The fake answered with an injected fault.");
    } finally {
      await server.close();
    }
  });
});

describe("the fake's adapters", () => {
  const C = "/deviceManagement/remoteAssistancePartners";
  /** Sends `request` as written and resolves to everything the server answers before it closes. */
  const rawExchange = (port: number, host: string, request: string) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect(port, host, () => socket.end(request));
      socket.on("data", (chunk: Buffer) => chunks.push(chunk));
      socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      socket.on("error", reject);
    });

  it("msw handlers answer under Graph's own base by default (v1.0, or beta for a beta fake), or under a given base without its trailing slash", async () => {
    const cases = [
      [createRemoteAssistanceFake(), "https://graph.microsoft.com/v1.0"],
      [createRemoteAssistanceFake({ version: "beta" }), "https://graph.microsoft.com/beta"],
      [createRemoteAssistanceFake({ baseUrl: "http://127.0.0.1:9/mine//" }), "http://127.0.0.1:9/mine"],
    ] as const;
    for (const [fake, base] of cases) {
      const msw = setupServer(...fake.handlers);
      msw.listen({ onUnhandledRequest: "error" });
      try {
        const response = await fetch(`${base}/deviceManagement/remoteAssistancePartners/${SEED_IDS[0]}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(response.status).toBe(200);
        expect((await response.json())["@odata.context"]).toBe(`${base}/$metadata#deviceManagement/remoteAssistancePartners/$entity`);
      } finally {
        msw.close();
      }
    }
  });

  it("listen() on a chosen port serves there; a port in use is an error, not a hang; close() ends open connections", async () => {
    const first = await createRemoteAssistanceFake().listen();
    const port = Number(new URL(first.url).port);
    await expect(createRemoteAssistanceFake().listen({ port })).rejects.toMatchObject({ code: "EADDRINUSE" });
    await first.close();
    const again = await createRemoteAssistanceFake({ version: "beta" }).listen({ port });
    expect(again.url).toBe(`http://127.0.0.1:${port}/beta`);
    const response = await fetch(`${again.url}/deviceManagement/remoteAssistanceSettings`, { headers: { authorization: `Bearer ${TOKEN}`, "x-many": "a" } });
    expect((await response.json()).remoteAssistanceState).toBe("disabled");
    await again.close();
    await expect(fetch(again.url)).rejects.toThrow();
  });

  it("listens on 127.0.0.1 only: another loopback address is refused", async () => {
    const server = await createRemoteAssistanceFake().listen();
    try {
      const { port } = new URL(server.url);
      await expect(rawExchange(Number(port), "127.0.0.2", "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    } finally {
      await server.close();
    }
  });

  it("an HTTP/1.0 request without Host is answered, its links under the address the fake listens on", async () => {
    const server = await createRemoteAssistanceFake().listen();
    try {
      const { port } = new URL(server.url);
      const answer = await rawExchange(Number(port), "127.0.0.1", `GET /v1.0${C}?$top=1 HTTP/1.0\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(answer).toContain(`"@odata.nextLink":"${server.url}${C}?%24top=1&%24skiptoken=fake-1"`);
      // With a Host, links name it, as a server behind a name would.
      const named = await rawExchange(Number(port), "127.0.0.1", `GET /v1.0${C}?$top=1 HTTP/1.1\r\nHost: fake.example:1234\r\nConnection: close\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`);
      expect(named).toContain(`"@odata.nextLink":"http://fake.example:1234/v1.0${C}?%24top=1&%24skiptoken=fake-1"`);
    } finally {
      await server.close();
    }
  });

  it("a caller gone mid-body leaves no unhandled rejection in the consumer's process, and the fake serves on", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    const server = await createRemoteAssistanceFake().listen();
    try {
      const { port } = new URL(server.url);
      const socket = connect(Number(port), "127.0.0.1");
      await once(socket, "connect");
      socket.write(`POST /v1.0${C} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 100\r\n\r\n{"displayName":`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
      expect((await fetch(`${server.url}${C}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      process.off("unhandledRejection", record);
      await server.close();
    }
  });
});
