// The methods: update, create, get, list, count, delete and the actions, each on the wire.
import createClient from "openapi-fetch";
import { describe, expect, expectTypeOf } from "vitest";
import { ContractViolationError, createRemoteAssistanceClient, GraphError, type RemoteAssistancePartner } from "../../src/entries/index.js";
import { json, noContent, rejection, seedPartner, seedUpdate, TOKEN } from "../helpers/graph-server.js";
import { clientOf, it } from "../helpers/fixtures.js";



const id = seedPartner.id;
const itemPath = `/v1.0/deviceManagement/remoteAssistancePartners/${id}`;


const badPartner = { ...seedPartner, onboardingStatus: "on" };


describe("update (PATCH)", () => {
  it("sends the seed's request and resolves to the partner on 200", async ({ graph }) => {
    const client = graph.client((_req, res) => json(res, 200, seedPartner));
    const partner = await client.update(id, seedUpdate);
    expectTypeOf(partner).toEqualTypeOf<RemoteAssistancePartner | undefined>();
    expect(partner).toEqual(seedPartner);
    const [seen] = graph.seen;
    expect(seen!.method).toBe("PATCH");
    expect(seen!.url).toBe(itemPath);
    expect(JSON.parse(seen!.body)).toEqual(seedUpdate);
    expect(seen!.headers["content-type"]).toBe("application/json");
    expect(seen!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen!.headers["client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen!.headers["retry-attempt"]).toBeUndefined();
  });

  it("resolves to undefined on 204", async ({ graph }) => {
    const client = graph.client((_req, res) => noContent(res));
    await expect(client.update(id, { displayName: "x" })).resolves.toBeUndefined();
  });

  it("sends extra headers from the client and from the call", async ({ graph }) => {
    graph.answer((_req, res) => noContent(res));
    const client = clientOf(graph.baseUrl, { headers: { "x-team": "ops" } });
    await client.update(id, {}, { headers: { "Client-Request-Id": "11111111-2222-4333-8444-555555555555" } });
    expect(graph.seen[0]!.headers["x-team"]).toBe("ops");
    expect(graph.seen[0]!.headers["client-request-id"]).toBe("11111111-2222-4333-8444-555555555555");
  });

  it("the call's header wins over the client's of the same name in another case, sent once; every other name is kept, whatever it is", async ({ graph }) => {
    graph.answer((_req, res) => noContent(res));
    // "undefined" and "constructor" are header names like any other: merging must not treat them as its own.
    const client = clientOf(graph.baseUrl, { headers: { "X-Team": "ops", undefined: "u", constructor: "c" } });
    await client.update(id, {}, { headers: { "x-team": "sre", "x-call": "1" } });
    const { "x-team": team, undefined: u, constructor: c, "x-call": call } = graph.seen[0]!.headers;
    expect({ team, u, c, call }).toEqual({ team: "sre", u: "u", c: "c", call: "1" });
  });

  it("refuses an unknown key, id or an enum typo in an object literal at compile time; validate: request refuses them at run time", async ({ graph }) => {
    const client = graph.client((_req, res) => noContent(res));
    const strict = clientOf(graph.baseUrl, { validate: "request" });
    const refused = await Promise.allSettled([
      // @ts-expect-error unknown property
      strict.update(id, { displayNam: "x" }),
      // @ts-expect-error id is read-only
      strict.update(id, { id, displayName: "x" }),
      // @ts-expect-error not an onboardingStatus
      strict.update(id, { onboardingStatus: "Onboarded" }),
    ]);
    expect(refused.map((r) => r.status === "rejected" && r.reason.name)).toEqual(["ContractViolationError", "ContractViolationError", "ContractViolationError"]);
    expect(graph.seen).toHaveLength(0);
    expectTypeOf(client.update).parameter(1).toHaveProperty("displayName");
  });
});

describe("the other methods", () => {
  it("get sends $select and resolves to the partner", async ({ graph }) => {
    const client = graph.client((_req, res) => json(res, 200, seedPartner));
    await expect(client.get(id, { $select: ["displayName", "onboardingStatus"] })).resolves.toEqual(seedPartner);
    expect(graph.seen[0]!.method).toBe("GET");
    expect(graph.seen[0]!.url).toBe(`${itemPath}?$select=displayName,onboardingStatus`);
  });

  it("list sends the query options and resolves to the page", async ({ graph }) => {
    const page = { value: [seedPartner], "@odata.count": 1 };
    const client = graph.client((_req, res) => json(res, 200, page));
    await expect(client.list({ $top: 5, $count: true, $filter: "onboardingStatus eq 'onboarded'" })).resolves.toEqual(page);
    expect(decodeURIComponent(graph.seen[0]!.url)).toBe(
      "/v1.0/deviceManagement/remoteAssistancePartners?$top=5&$count=true&$filter=onboardingStatus eq 'onboarded'",
    );
  });

  it("listAll follows @odata.nextLink page after page, sending the token each time", async ({ graph }) => {
    const client = graph.client((req, res) => {
      const n = Number(new URL(req.url, graph.origin).searchParams.get("$skiptoken") ?? "0");
      const next = n < 2 ? `${graph.baseUrl}/deviceManagement/remoteAssistancePartners?$skiptoken=${n + 1}` : undefined;
      json(res, 200, { value: [{ ...seedPartner, id: `p${n}` }], ...(next ? { "@odata.nextLink": next } : {}) });
    });
    const ids: string[] = [];
    for await (const partner of client.listAll({ $top: 1 })) ids.push(partner.id!);
    expect(ids).toEqual(["p0", "p1", "p2"]);
    expect(graph.seen.map((r) => r.url)).toEqual([
      "/v1.0/deviceManagement/remoteAssistancePartners?$top=1",
      "/v1.0/deviceManagement/remoteAssistancePartners?$skiptoken=1",
      "/v1.0/deviceManagement/remoteAssistancePartners?$skiptoken=2",
    ]);
    expect(graph.seen.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("listAll stops at maxPages with an error rather than looping for ever", async ({ graph }) => {
    // An endless run of distinct pages: only maxPages ends it.
    let n = 0;
    const client = graph.client((_req, res) =>
      json(res, 200, { value: [seedPartner], "@odata.nextLink": `${graph.baseUrl}/deviceManagement/remoteAssistancePartners?$skiptoken=${++n}` }),
    );
    const seen: unknown[] = [];
    await expect(async () => {
      for await (const p of client.listAll(undefined, { maxPages: 3 })) seen.push(p);
    }).rejects.toThrow(/maxPages \(3\)/);
    expect(seen).toHaveLength(3);
    expect(graph.seen).toHaveLength(3);
  });

  it("listAll stops at a cycle at once: a nextLink already followed is an error, not 1000 pages", async ({ graph }) => {
    const client = graph.client((req, res) => {
      // Page 1 → page 2 → page 1 again.
      const next = req.url.includes("skiptoken=2") ? "1" : "2";
      json(res, 200, { value: [seedPartner], "@odata.nextLink": `${graph.baseUrl}/deviceManagement/remoteAssistancePartners?$skiptoken=${next}` });
    });
    const seen: unknown[] = [];
    await expect(async () => {
      for await (const p of client.listAll()) seen.push(p);
    }).rejects.toMatchObject({
      name: "ContractViolationError",
      direction: "response",
      // The link is not quoted: a next link carries the request's query values.
      errors: [{ path: "/@odata.nextLink", message: "repeats a link already followed: the pages go round in a cycle" }],
      message: "The list page breaks the contract: /@odata.nextLink repeats a link already followed: the pages go round in a cycle",
    });
    expect(graph.seen.map((r) => r.url)).toEqual([
      "/v1.0/deviceManagement/remoteAssistancePartners",
      "/v1.0/deviceManagement/remoteAssistancePartners?$skiptoken=2",
      "/v1.0/deviceManagement/remoteAssistancePartners?$skiptoken=1",
    ]);
    expect(seen).toHaveLength(3);
  });

  it("listAll treats a nextLink back to the first page as a cycle", async ({ graph }) => {
    const client = graph.client((_req, res) => json(res, 200, { value: [], "@odata.nextLink": `${graph.baseUrl}/deviceManagement/remoteAssistancePartners?$top=5` }));
    await expect(async () => {
      for await (const _ of client.listAll({ $top: 5 })) void _;
    }).rejects.toThrow(/repeats a link already followed/);
    expect(graph.seen).toHaveLength(1);
  });

  it.for([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "3"])("listAll refuses maxPages %s before any request", async (maxPages, { graph }) => {
    const client = graph.client((_req, res) => json(res, 200, { value: [] }));
    await expect(async () => {
      for await (const _ of client.listAll(undefined, { maxPages: maxPages as number })) void _;
    }).rejects.toThrow(new TypeError(`listAll: maxPages must be a whole number ≥ 1, got ${String(maxPages)}`));
    expect(graph.seen).toHaveLength(0);
  });

  it("count reads the plain-text integer", async ({ graph }) => {
    const client = graph.client((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("42");
    });
    await expect(client.count({ $filter: "onboardingStatus eq 'onboarded'" })).resolves.toBe(42);
    expect(graph.seen[0]!.url.startsWith("/v1.0/deviceManagement/remoteAssistancePartners/$count?$filter=")).toBe(true);
  });

  it("create POSTs the body and resolves to the 201 partner", async ({ graph }) => {
    const client = graph.client((_req, res) => json(res, 201, seedPartner));
    await expect(client.create(seedUpdate)).resolves.toEqual(seedPartner);
    expect(graph.seen[0]!.method).toBe("POST");
    expect(graph.seen[0]!.url).toBe("/v1.0/deviceManagement/remoteAssistancePartners");
    expect(JSON.parse(graph.seen[0]!.body)).toEqual(seedUpdate);
  });

  it("delete sends If-Match when asked; the actions POST with no body", async ({ graph }) => {
    const client = graph.client((_req, res) => noContent(res));
    await expect(client.delete(id, { ifMatch: 'W/"1"' })).resolves.toBeUndefined();
    await expect(client.beginOnboarding(id)).resolves.toBeUndefined();
    await expect(client.disconnect(id)).resolves.toBeUndefined();
    expect(graph.seen.map((r) => `${r.method} ${r.url} ${r.body.length}`)).toEqual([
      `DELETE ${itemPath} 0`,
      `POST ${itemPath}/beginOnboarding 0`,
      `POST ${itemPath}/disconnect 0`,
    ]);
    expect(graph.seen[0]!.headers["if-match"]).toBe('W/"1"');
    expect(graph.seen[1]!.headers["content-type"]).toBeUndefined();
  });

  it("raw is the typed openapi-fetch client with the same auth: { data, error, response }, never throwing on HTTP errors", async ({ graph }) => {
    const client = graph.client((_req, res) => json(res, 404, { error: { code: "ResourceNotFound", message: "gone" } }));
    const { data, error, response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", {
      params: { path: { remoteAssistancePartnerId: id } },
    });
    expect(data).toBeUndefined();
    expect(error?.error.code).toBe("ResourceNotFound");
    expect(response.status).toBe(404);
    expect(graph.seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe("count", () => {
  it.for(["12", " 12\n", "0"])("reads %j", async (text, { graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end(text);
    });
    expect(await client.count()).toBe(Number(text.trim()));
  });

  it.for(["12 partners", "x12", "1.5", "-1", "", "1e3"])("refuses %j: InvalidResponse", async (text, { graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end(text);
    });
    const error = await rejection(client.count());
    expect(error).toMatchObject({ name: "GraphError", code: "InvalidResponse", status: 200 });
    expect(error.message).toBe(`HTTP 200 with a count that is not a whole number (${JSON.stringify(text.trim())})`);
  });

  it("refuses a count past the largest safe integer, naming its digits: 2^53 + 1 would be read as 2^53", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end("9007199254740993");
    });
    await expect(client.count()).rejects.toMatchObject({ code: "InvalidResponse", message: "HTTP 200 with a count past the largest safe integer (16 digits)" });
  });

  it("a long refusal quotes the first 40 characters only", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end(`<html>${"x".repeat(100)}</html>`);
    });
    const error = await rejection(client.count());
    expect(error.message).toBe(`HTTP 200 with a count that is not a whole number (${JSON.stringify(`<html>${"x".repeat(34)}`)})`);
  });
});
