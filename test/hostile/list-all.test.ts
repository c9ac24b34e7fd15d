// Issue 23, class 5: listAll's memory is bounded whatever the next links are like (a length limit, fingerprints
// instead of whole links), items that are not objects are InvalidResponse even with validation off, redirects stay
// under the base path, and a URL with user info is refused without quoting it, and not retried.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, isContractViolationError } from "../../src/entries/index.js";
import { heapAfterGc, PARTNER, rejection, sendJson, startLoopback, type Loopback } from "./loopback.js";

const COLLECTION = "/v1.0/deviceManagement/remoteAssistancePartners";
const MiB = 1024 * 1024;

describe("listAll against a hostile server", () => {
  let server: Loopback;
  beforeAll(async () => {
    server = await startLoopback();
  });
  afterAll(() => server.close());

  const client = () => createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => "token-of-the-test", tracing: false, retry: { baseDelayMs: 0 } });
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
  const link = (query: string) => `${server.origin}${COLLECTION}?${query}`;

  it("a 2 MiB next link is refused without being followed or quoted, and leaves no heap behind", async () => {
    const huge = link(`$skiptoken=${"a".repeat(2 * MiB)}`);
    server.answer((_q, res) => sendJson(res, 200, { value: [PARTNER], "@odata.nextLink": huge }));
    const before = heapAfterGc();
    const runs: { items: unknown[]; error: any }[] = [];
    for (let i = 0; i < 20; i++) runs.push(await drain(client().listAll()));
    const grown = heapAfterGc() - before;
    for (const { items, error } of runs) {
      expect(items).toHaveLength(1);
      expect(isContractViolationError(error)).toBe(true);
      expect(error.message.length).toBeLessThan(500);
    }
    expect(server.seen).toHaveLength(20);
    // Keeping the links would hold 20 × 2 MiB (40 MiB and more); the errors and items kept here weigh kilobytes.
    expect(grown).toBeLessThan(8 * MiB);
  });

  it("a next link that comes back after another page is a cycle, caught by fingerprint", async () => {
    server.answer((request, res) => {
      const next = request.url.includes("skiptoken=B") ? link("$skiptoken=A") : link("$skiptoken=B");
      sendJson(res, 200, { value: [PARTNER], "@odata.nextLink": next });
    });
    const { items, error } = await drain(client().listAll());
    expect(items).toHaveLength(3);
    expect(error.message).toMatch(/cycle/);
    expect(server.seen).toHaveLength(3);
  });

  it("items that are not objects ([null, 1, \"x\"]) are InvalidResponse with validation off, and none is yielded", async () => {
    server.answer((_q, res) => sendJson(res, 200, { value: [null, 1, "x"] }));
    const { items, error } = await drain(client().listAll());
    expect(items).toEqual([]);
    expect(error).toMatchObject({ name: "GraphError", code: "InvalidResponse", status: 200 });
    await expect(client().list()).rejects.toMatchObject({ code: "InvalidResponse" });
  });

  it.each([
    ["another path on the same origin", "/elsewhere/deviceManagement/remoteAssistancePartners"],
    ["a sibling whose name starts like the base path", "/v1.0evil/deviceManagement/remoteAssistancePartners"],
    ["a path that climbs out with ..", "/v1.0/../admin/steal"],
  ])("a redirect to %s is refused: RedirectRefused, nothing sent there", async (_what, location) => {
    server.answer((request, res) => {
      if (request.url.startsWith(COLLECTION)) res.writeHead(307, { location }).end();
      else sendJson(res, 200, { value: [PARTNER] });
    });
    const { items, error } = await drain(client().listAll());
    expect(items).toEqual([]);
    expect(error).toMatchObject({ code: "RedirectRefused" });
    expect(server.seen.map((r) => r.url)).toEqual([COLLECTION]);
  });

  it("a next link with user info is refused without quoting the password, and not requested", async () => {
    const withUser = `${server.origin.replace("//", "//admin:hunter2@")}${COLLECTION}?$skiptoken=2`;
    server.answer((_q, res) => sendJson(res, 200, { value: [PARTNER], "@odata.nextLink": withUser }));
    const { items, error } = await drain(client().listAll());
    expect(items).toHaveLength(1);
    expect(isContractViolationError(error)).toBe(true);
    expect(inspect(error, { depth: Infinity })).not.toContain("hunter2");
    expect(JSON.stringify(error)).not.toContain("hunter2");
    expect(server.seen).toHaveLength(1);
  });

  it("a redirect to a URL with user info is refused without quoting the password, and not retried", async () => {
    const location = `${server.origin.replace("//", "//admin:hunter2@")}${COLLECTION}?$skiptoken=2`;
    server.answer((_q, res) => void res.writeHead(302, { location }).end());
    const error = await rejection(client().list());
    expect(error).toMatchObject({ code: "RedirectRefused", status: 302 });
    expect(inspect(error, { depth: Infinity })).not.toContain("hunter2");
    expect(JSON.stringify(error)).not.toContain("hunter2");
    expect(server.seen).toHaveLength(1);
  });
});
