// Caller input: the caller's own query keys, header case merging, hop-by-hop headers, $count, many calls on one
// signal.
import { getEventListeners } from "node:events";
import { afterEach, beforeAll, describe, expect } from "vitest";
import { createRemoteAssistanceClient, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { PARTNER, rejection, json } from "../helpers/graph-server.js";
import { it, type Graph } from "../helpers/fixtures.js";



describe("caller input", () => {
  const client = (graph: Graph, options: Partial<RemoteAssistanceClientOptions> = {}) =>
    createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => "token-of-the-test", tracing: false, ...options });
  const headersNamed = (graph: Graph, name: string) => graph.seen[0]!.rawHeaders.filter(([n]) => n === name).map(([, v]) => v);

  it("keys a query object inherits from its prototype are not sent", async ({ graph }) => {
    graph.answer((_q, res) => json(res, 200, { value: [] }));
    const query = Object.assign(Object.create({ $filter: "inherited eq 'x'", $select: ["id"] }) as object, { $top: 2 });
    await client(graph).list(query);
    expect(graph.seen[0]!.url).toBe("/v1.0/deviceManagement/remoteAssistancePartners?$top=2");
  });

  it("header names that differ only in case are one header; the per-call value wins, never joined by a comma", async ({ graph }) => {
    graph.answer((_q, res) => json(res, 200, PARTNER));
    const c = client(graph, { headers: { "Client-Request-Id": "from-the-client", "X-Tenant-Hint": "client", "Content-Type": "text/plain" } });
    await c.update("p1", { displayName: "x" }, { headers: { "client-request-id": "per-call", "x-tenant-hint": "per-call", "content-type": "application/json; charset=utf-8" } });
    expect(headersNamed(graph, "client-request-id")).toEqual(["per-call"]);
    expect(headersNamed(graph, "x-tenant-hint")).toEqual(["per-call"]);
    expect(headersNamed(graph, "content-type")).toHaveLength(1);
    expect(headersNamed(graph, "content-type")[0]).not.toContain(",");
  });

  describe("hop-by-hop and framing headers", () => {
    const names = ["Transfer-Encoding", "Keep-Alive", "Upgrade", "Expect", "transfer-encoding", "EXPECT"];
    const values: Record<string, string> = { "transfer-encoding": "chunked", "keep-alive": "timeout=5", upgrade: "websocket", expect: "100-continue" };
    const header = (name: string) => ({ [name]: values[name.toLowerCase()]! });

    it.for(names)("%s in the client's headers: a TypeError when the client is made", (name, { graph }) => {
      expect(() => client(graph, { headers: header(name) })).toThrow(TypeError);
    });

    it.for(names)("%s per call: a TypeError naming it, before anything is sent, not retried", async (name, { graph }) => {
      graph.answer((_q, res) => json(res, 200, PARTNER));
      const error = await rejection(client(graph).get("p1", undefined, { headers: header(name) }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(name);
      expect(graph.seen).toHaveLength(0);
    });

    it.for(names)("%s in a raw call: a TypeError before anything is sent", async (name, { graph }) => {
      graph.answer((_q, res) => json(res, 200, PARTNER));
      const call = client(graph).raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: "p1" } }, headers: header(name) });
      await expect(call).rejects.toBeInstanceOf(TypeError);
      expect(graph.seen).toHaveLength(0);
    });
  });

  it.for([
    ["400 digits", "9".repeat(400)],
    ["2^53 + 1", "9007199254740993"],
    ["a negative number", "-1"],
    ["an exponent", "1e3"],
  ])("a $count of %s is InvalidResponse", async ([_what, text], { graph }) => {
    graph.answer((_q, res) => void res.writeHead(200, { "content-type": "text/plain" }).end(text));
    const error = await rejection(client(graph).count());
    expect(error).toMatchObject({ name: "GraphError", code: "InvalidResponse", status: 200 });
    expect(error.message.length).toBeLessThan(300);
  });

  describe("50 calls in flight on one caller signal", () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    beforeAll(() => {
      process.on("warning", onWarning);
    });
    afterEach(() => {
      process.off("warning", onWarning);
    });

    it("add one abort listener to it, not fifty (no MaxListenersExceededWarning), and none once they end", async ({ graph }) => {
      const held: (() => void)[] = [];
      graph.answer((_q, res) => void held.push(() => json(res, 200, PARTNER)));
      const signal = new AbortController().signal;
      const c = client(graph);
      const calls = Array.from({ length: 50 }, () => c.get("p1", undefined, { signal }));
      await new Promise<void>((resolve) => {
        const wait = () => (held.length === 50 ? resolve() : setTimeout(wait, 5));
        wait();
      });
      expect(getEventListeners(signal, "abort").length).toBeLessThanOrEqual(1);
      held.forEach((answer) => answer());
      await Promise.all(calls);
      await new Promise((resolve) => setImmediate(resolve));
      expect(getEventListeners(signal, "abort")).toHaveLength(0);
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    });
  });
});
