// Ids address exactly one partner, and the token goes nowhere but the client's own origin.
import { afterEach, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, GraphError } from "../../src/entries/index.js";
import { json, noContent, odataError, startGraphServer, TOKEN, type GraphServer } from "../helpers/graph-server.js";

const servers: GraphServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(handler: Parameters<typeof startGraphServer>[0]) {
  const server = await startGraphServer(handler);
  servers.push(server);
  return server;
}

describe("ids", () => {
  it.each([
    ["a/b", "a%2Fb"],
    ["a?b=1", "a%3Fb%3D1"],
    ["a#b", "a%23b"],
    ["a%2Fb", "a%252Fb"],
    ["パートナー", "%E3%83%91%E3%83%BC%E3%83%88%E3%83%8A%E3%83%BC"],
    ["../x", "..%2Fx"],
    ["a b", "a%20b"],
  ])("%j stays one path segment (%s)", async (id, encoded) => {
    const server = await serve((_q, r) => noContent(r));
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN });
    await client.update(id, {});
    await client.beginOnboarding(id);
    expect(server.seen.map((r) => r.url)).toEqual([
      `/v1.0/deviceManagement/remoteAssistancePartners/${encoded}`,
      `/v1.0/deviceManagement/remoteAssistancePartners/${encoded}/beginOnboarding`,
    ]);
  });

  const methods = {
    get: (c: any, id: unknown) => c.get(id),
    update: (c: any, id: unknown) => c.update(id, {}),
    delete: (c: any, id: unknown) => c.delete(id),
    beginOnboarding: (c: any, id: unknown) => c.beginOnboarding(id),
    disconnect: (c: any, id: unknown) => c.disconnect(id),
  };
  it.each(Object.entries(methods))("%s refuses '', '.', '..', '$count' and non-strings with a TypeError naming id, sending nothing", async (_name, call) => {
    const server = await serve((_q, r) => json(r, 200, {}));
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN });
    for (const id of ["", ".", "..", "$count"]) {
      await expect(call(client, id)).rejects.toThrow(TypeError);
      await expect(call(client, id)).rejects.toThrow(/^id must not/);
    }
    for (const id of [undefined, null, 42, { id: "x" }]) await expect(call(client, id)).rejects.toThrow(/^id must be a string/);
    expect(server.seen).toHaveLength(0);
  });
});

describe("the token", () => {
  it("nothing follows a redirect to another origin: RedirectRefused, nothing sent there, not even the body", async () => {
    const elsewhere = await serve((_q, r) => json(r, 200, { id: "p" }));
    // Same port family, other origin: "localhost" is another host than "127.0.0.1".
    const target = elsewhere.origin.replace("127.0.0.1", "localhost");
    const server = await serve((req, r) => {
      r.writeHead(307, { location: `${target}${req.url}` });
      r.end();
    });
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, headers: { "x-tenant-secret": "t" } });
    await expect(client.get("p")).rejects.toMatchObject({ name: "GraphError", status: 307, code: "RedirectRefused" });
    await expect(client.update("p", { displayName: "x" })).rejects.toMatchObject({ code: "RedirectRefused" });
    await expect(client.create({ displayName: "x" })).rejects.toThrow(/another origin \(http:\/\/localhost:\d+\); not followed/);
    const raw = await client.raw.POST("/deviceManagement/remoteAssistancePartners", { body: { displayName: "x" } }).catch((e: unknown) => e);
    expect(raw).toMatchObject({ code: "RedirectRefused" });
    expect(server.seen).toHaveLength(4);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it("follows a redirect within the origin, as before (a 307 keeps method and body; a 303 becomes a GET)", async () => {
    const server = await serve((req, r) => {
      if (req.url.endsWith("/old")) {
        r.writeHead(307, { location: `${server.baseUrl}/deviceManagement/remoteAssistancePartners/p` });
        return void r.end();
      }
      if (req.url.endsWith("/see-other")) {
        r.writeHead(303, { location: "/v1.0/deviceManagement/remoteAssistancePartners/p" });
        return void r.end();
      }
      json(r, 200, { id: "p", method: req.method, body: req.body });
    });
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN });
    await expect(client.update("old", { displayName: "x" })).resolves.toMatchObject({ method: "PATCH", body: '{"displayName":"x"}' });
    expect(server.seen[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await expect(client.update("see-other", { displayName: "x" })).resolves.toMatchObject({ method: "GET", body: "" });
  });

  it("is not sent to a next link on another origin: listAll refuses it", async () => {
    const elsewhere = await serve((_q, r) => json(r, 200, { value: [] }));
    const server = await serve((_q, r) =>
      json(r, 200, { value: [{ id: "p1" }], "@odata.nextLink": `${elsewhere.baseUrl}/deviceManagement/remoteAssistancePartners?$skiptoken=1` }),
    );
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN });
    const ids: string[] = [];
    await expect(async () => {
      for await (const p of client.listAll()) ids.push(p.id!);
    }).rejects.toThrow(/refusing to send the token to http:\/\/127\.0\.0\.1:\d+\/v1\.0\/deviceManagement/);
    expect(ids).toEqual(["p1"]);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it("is not sent to a next link under another path of the same origin", async () => {
    const server = await serve((req, r) =>
      req.url.startsWith("/v1.0/deviceManagement/remoteAssistancePartners")
        ? json(r, 200, { value: [], "@odata.nextLink": `${server.origin}/admin/steal?x=1` })
        : json(r, 200, { value: [] }),
    );
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN });
    await expect(async () => {
      for await (const _ of client.listAll()) void _;
    }).rejects.toThrow(/must stay on/);
    expect(server.seen).toHaveLength(1);
  });

  it("never appears in an error's message, JSON or inspection", async () => {
    const server = await serve((_q, r) => odataError(r, 401, "InvalidAuthenticationToken"));
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN });
    const error = await client.get("p").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    const { inspect } = await import("node:util");
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), (error as Error).stack ?? ""]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain("SECRET");
    }
  });

  it("the high-level client's raw refuses a per-request baseUrl elsewhere: a TypeError, nothing sent there", async () => {
    const server = await serve((_q, r) => json(r, 200, { value: [] }));
    const other = await serve((_q, r) => json(r, 200, { value: [] }));
    const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN });
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners", { baseUrl: other.baseUrl })).rejects.toThrow(TypeError);
    expect(other.seen).toEqual([]);
  });
});
