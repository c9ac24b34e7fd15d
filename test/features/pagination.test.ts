// Pagination: listAll follows @odata.nextLink within the base path, and stops at cycles, at maxPages, at hostile
// links; list and count.
import { describe, expect } from "vitest";
import { createRemoteAssistanceClient, isContractViolationError } from "../../src/entries/index.js";
import { json, PARTNER, rejection, seedPartner } from "../helpers/graph-server.js";
import { inspect } from "node:util";
import { heapAfterGc } from "../helpers/heap.js";
import { clientAnswering } from "../helpers/stub-client.js";
import { it, type Graph } from "../helpers/fixtures.js";


const id = seedPartner.id;

const COLLECTION = "/v1.0/deviceManagement/remoteAssistancePartners";
const MiB = 1024 * 1024;

describe("listAll's next links", () => {
  const drain = async (pages: AsyncIterable<unknown>) => {
    const seen: unknown[] = [];
    for await (const p of pages) seen.push(p);
    return seen;
  };

  it("the call's headers are checked again for every page: turned bad between pages, a TypeError, and that page is not sent", async () => {
    const nextPage = `https://graph.example${COLLECTION}?$skiptoken=2`;
    const { client: stub, sent: requested } = clientAnswering(() => Response.json({ value: [seedPartner], "@odata.nextLink": nextPage }));
    const headers: Record<string, string> = { "x-trace": "fine" };
    const partners = stub.listAll(undefined, { headers })[Symbol.asyncIterator]();
    await partners.next(); // the first page's one partner
    headers["x-trace"] = "bad\r\nX-Injected: 1";
    await expect(partners.next()).rejects.toThrow(new TypeError("headers: header x-trace cannot be sent: a carriage return (U+000D) at position 3"));
    expect(requested).toHaveLength(1);
  });

  it("a relative next link is refused: it must be absolute", async ({ graph }) => {
    const client = graph.client((_q, r) => void r.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ value: [seedPartner], "@odata.nextLink": "/v1.0/deviceManagement/remoteAssistancePartners?page=2" })));
    const error = await rejection(drain(client.listAll()));
    expect(error).toMatchObject({ name: "ContractViolationError", direction: "response", errors: [{ path: "/@odata.nextLink", message: "must be an absolute URL" }] });
    expect(error.message).toBe("The list page breaks the contract: /@odata.nextLink must be an absolute URL");
    expect(error.call).toEqual({ operationId: "listRemoteAssistancePartners", method: "GET", url: `${graph.baseUrl}/deviceManagement/remoteAssistancePartners` });
  });

  it("a base URL with a trailing slash still matches its own next links; maxPages 1 reads one page and says more remain", async ({ graph }) => {
    const client = graph.client((req, r) =>
      void r.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ value: [seedPartner], ...(req.url.includes("page=2") ? {} : { "@odata.nextLink": `${graph.baseUrl}/deviceManagement/remoteAssistancePartners?page=2` }) })),
    );
    expect(await drain(client.listAll())).toHaveLength(2);
    await expect(drain(client.listAll(undefined, { maxPages: 1 }))).rejects.toThrow(new RangeError("listAll: stopped after maxPages (1) pages; more remain"));
  });
});

describe("listAll against a hostile server", () => {

  const client = (graph: Graph) => createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => "token-of-the-test", tracing: false, retry: { baseDelayMs: 0 } });
  /** Collects what listAll yields until it ends or throws: the items, and the error if any. */
  async function drain(iterator: AsyncIterable<unknown>): Promise<{ items: unknown[]; error: any }> {
    const items: unknown[] = [];
    try {
      for await (const item of iterator) items.push(item);
    } catch (error) {
      return { items, error };
    }
    return { items, error: undefined };
  }
  const link = (graph: Graph, query: string) => `${graph.origin}${COLLECTION}?${query}`;

  it("a 2 MiB next link is refused without being followed or quoted, and leaves no heap behind", async ({ graph }) => {
    const huge = link(graph, `$skiptoken=${"a".repeat(2 * MiB)}`);
    graph.answer((_q, res) => json(res, 200, { value: [PARTNER], "@odata.nextLink": huge }));
    const before = heapAfterGc();
    const runs: { items: unknown[]; error: any }[] = [];
    for (let i = 0; i < 20; i++) runs.push(await drain(client(graph).listAll()));
    const grown = heapAfterGc() - before;
    for (const { items, error } of runs) {
      expect(items).toHaveLength(1);
      expect(isContractViolationError(error)).toBe(true);
      expect(error.message.length).toBeLessThan(500);
    }
    expect(graph.seen).toHaveLength(20);
    // Keeping the links would hold 20 × 2 MiB (40 MiB and more); the errors and items kept here weigh kilobytes.
    expect(grown).toBeLessThan(8 * MiB);
  });

  it("a next link that comes back after another page is a cycle, caught by fingerprint", async ({ graph }) => {
    graph.answer((request, res) => {
      const next = request.url.includes("skiptoken=B") ? link(graph, "$skiptoken=A") : link(graph, "$skiptoken=B");
      json(res, 200, { value: [PARTNER], "@odata.nextLink": next });
    });
    const { items, error } = await drain(client(graph).listAll());
    expect(items).toHaveLength(3);
    expect(error.message).toMatch(/cycle/);
    // The call named is the page that handed back the repeated link (the third), its query values redacted.
    expect(error.call).toEqual({ operationId: "listRemoteAssistancePartners", method: "GET", url: `${graph.baseUrl}/deviceManagement/remoteAssistancePartners?$skiptoken=REDACTED` });
    expect(graph.seen).toHaveLength(3);
  });

  it.for([[[null, 1, "x"], 0], [[1], 0], [["x"], 0], [[PARTNER, []], 1], [[PARTNER, null], 1]] as const)(
    "items that are not objects (%j) are InvalidResponse with validation off, naming the first, and none is yielded",
    async ([value, first], { graph }) => {
      graph.answer((_q, res) => json(res, 200, { value }));
      const { items, error } = await drain(client(graph).listAll());
      expect(items).toEqual([]);
      expect(error).toMatchObject({ name: "GraphError", code: "InvalidResponse", status: 200, message: `HTTP 200 with a list page whose item ${first} is not a JSON object` });
      await expect(client(graph).list()).rejects.toMatchObject({ code: "InvalidResponse" });
    },
  );

  /** The error listAll ends in after a first page whose next link is `nextLink`, and the requests it made. */
  async function afterNextLink(graph: Graph, nextLink: unknown) {
    graph.answer((request, res) => json(res, 200, { value: [PARTNER], ...(request.url.includes("$skiptoken") ? {} : { "@odata.nextLink": nextLink }) }));
    const { error } = await drain(client(graph).listAll());
    return { error, requested: graph.seen.length };
  }
  const refusal = (message: string) => ({ name: "ContractViolationError", errors: [{ path: "/@odata.nextLink", message }] });

  it("a next link that is not a string is refused as such", async ({ graph }) => {
    expect(await afterNextLink(graph, 42)).toEqual({ error: expect.objectContaining(refusal("must be a string")), requested: 1 });
  });

  it("a next link of exactly 16 KiB (docs/client.md) is followed; one character more is refused, naming both lengths", async () => {
    // A stub fetch: Node's own HTTP server refuses a 16 KiB request line (431) before a test server could answer.
    const ofLength = (n: number) => {
      const start = `https://graph.example${COLLECTION}?$skiptoken=`;
      return start + "a".repeat(n - start.length);
    };
    const run = async (nextLink: string) => {
      const { client: stub, sent } = clientAnswering((attempt) => Response.json({ value: [PARTNER], ...(attempt === 1 ? { "@odata.nextLink": nextLink } : {}) }));
      const { error } = await drain(stub.listAll());
      return { error, requested: sent.length };
    };
    expect(await run(ofLength(16 * 1024))).toEqual({ error: undefined, requested: 2 });
    expect(await run(ofLength(16 * 1024 + 1))).toEqual({ error: expect.objectContaining(refusal(`is ${16 * 1024 + 1} characters long, over the ${16 * 1024} the client follows`)), requested: 1 });
  });

  it.for(["someone@", ":hunter2@", "someone:hunter2@"])("a next link with user info (%s) is refused, not quoted", async (userInfo, { graph }) => {
    const withUser = `${graph.origin.replace("//", `//${userInfo}`)}${COLLECTION}?$skiptoken=2`;
    const { error, requested } = await afterNextLink(graph, withUser);
    expect(error).toMatchObject(refusal("must not carry user info (not quoted); not followed"));
    expect(requested).toBe(1);
  });

  it.for([
    ["another path on the same origin", "/elsewhere/deviceManagement/remoteAssistancePartners"],
    ["a sibling whose name starts like the base path", "/v1.0evil/deviceManagement/remoteAssistancePartners"],
    ["a path that climbs out with ..", "/v1.0/../admin/steal"],
  ])("a redirect to %s is refused: RedirectRefused, nothing sent there", async ([_what, location], { graph }) => {
    graph.answer((request, res) => {
      if (request.url.startsWith(COLLECTION)) res.writeHead(307, { location }).end();
      else json(res, 200, { value: [PARTNER] });
    });
    const { items, error } = await drain(client(graph).listAll());
    expect(items).toEqual([]);
    expect(error).toMatchObject({ code: "RedirectRefused" });
    expect(graph.seen.map((r) => r.url)).toEqual([COLLECTION]);
  });

  it("a next link with user info is refused without quoting the password, and not requested", async ({ graph }) => {
    const withUser = `${graph.origin.replace("//", "//admin:hunter2@")}${COLLECTION}?$skiptoken=2`;
    graph.answer((_q, res) => json(res, 200, { value: [PARTNER], "@odata.nextLink": withUser }));
    const { items, error } = await drain(client(graph).listAll());
    expect(items).toHaveLength(1);
    expect(isContractViolationError(error)).toBe(true);
    expect(inspect(error, { depth: Infinity })).not.toContain("hunter2");
    expect(JSON.stringify(error)).not.toContain("hunter2");
    expect(graph.seen).toHaveLength(1);
  });

  it("a redirect to a URL with user info is refused without quoting the password, and not retried", async ({ graph }) => {
    const location = `${graph.origin.replace("//", "//admin:hunter2@")}${COLLECTION}?$skiptoken=2`;
    graph.answer((_q, res) => void res.writeHead(302, { location }).end());
    const error = await rejection(client(graph).list());
    expect(error).toMatchObject({ code: "RedirectRefused", status: 302 });
    expect(inspect(error, { depth: Infinity })).not.toContain("hunter2");
    expect(JSON.stringify(error)).not.toContain("hunter2");
    expect(graph.seen).toHaveLength(1);
  });
});
