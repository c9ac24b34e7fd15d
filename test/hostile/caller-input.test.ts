// Issue 23, class 7: what a caller gives is taken as meant. Own query keys only; header names merged whatever their
// case (the per-call value wins); hop-by-hop and framing headers a TypeError before anything is sent; a $count must be
// a safe integer; many calls in flight on one signal add one listener to it, not one each.
import { getEventListeners } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { PARTNER, rejection, sendJson, startLoopback, type Loopback } from "./loopback.js";

describe("caller input", () => {
  let server: Loopback;
  beforeAll(async () => {
    server = await startLoopback();
  });
  afterAll(() => server.close());
  const client = (options: Partial<RemoteAssistanceClientOptions> = {}) =>
    createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => "token-of-the-test", tracing: false, ...options });
  const headersNamed = (name: string) => server.seen[0]!.rawHeaders.filter(([n]) => n === name).map(([, v]) => v);

  it("keys a query object inherits from its prototype are not sent", async () => {
    server.answer((_q, res) => sendJson(res, 200, { value: [] }));
    const query = Object.assign(Object.create({ $filter: "inherited eq 'x'", $select: ["id"] }) as object, { $top: 2 });
    await client().list(query);
    expect(server.seen[0]!.url).toBe("/v1.0/deviceManagement/remoteAssistancePartners?$top=2");
  });

  it("header names that differ only in case are one header; the per-call value wins, never joined by a comma", async () => {
    server.answer((_q, res) => sendJson(res, 200, PARTNER));
    const c = client({ headers: { "Client-Request-Id": "from-the-client", "X-Tenant-Hint": "client", "Content-Type": "text/plain" } });
    await c.update("p1", { displayName: "x" }, { headers: { "client-request-id": "per-call", "x-tenant-hint": "per-call", "content-type": "application/json; charset=utf-8" } });
    expect(headersNamed("client-request-id")).toEqual(["per-call"]);
    expect(headersNamed("x-tenant-hint")).toEqual(["per-call"]);
    expect(headersNamed("content-type")).toHaveLength(1);
    expect(headersNamed("content-type")[0]).not.toContain(",");
  });

  describe("hop-by-hop and framing headers", () => {
    const names = ["Transfer-Encoding", "Keep-Alive", "Upgrade", "Expect", "transfer-encoding", "EXPECT"];
    const values: Record<string, string> = { "transfer-encoding": "chunked", "keep-alive": "timeout=5", upgrade: "websocket", expect: "100-continue" };
    const header = (name: string) => ({ [name]: values[name.toLowerCase()]! });

    it.each(names)("%s in the client's headers: a TypeError when the client is made", (name) => {
      expect(() => client({ headers: header(name) })).toThrow(TypeError);
    });

    it.each(names)("%s per call: a TypeError naming it, before anything is sent, not retried", async (name) => {
      server.answer((_q, res) => sendJson(res, 200, PARTNER));
      const error = await rejection(client().get("p1", undefined, { headers: header(name) }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(name);
      expect(server.seen).toHaveLength(0);
    });

    it.each(names)("%s in a raw call: a TypeError before anything is sent", async (name) => {
      server.answer((_q, res) => sendJson(res, 200, PARTNER));
      const call = client().raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: "p1" } }, headers: header(name) });
      await expect(call).rejects.toBeInstanceOf(TypeError);
      expect(server.seen).toHaveLength(0);
    });
  });

  it.each([
    ["400 digits", "9".repeat(400)],
    ["2^53 + 1", "9007199254740993"],
    ["a negative number", "-1"],
    ["an exponent", "1e3"],
  ])("a $count of %s is InvalidResponse", async (_what, text) => {
    server.answer((_q, res) => void res.writeHead(200, { "content-type": "text/plain" }).end(text));
    const error = await rejection(client().count());
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

    it("add one abort listener to it, not fifty (no MaxListenersExceededWarning), and none once they end", async () => {
      const held: (() => void)[] = [];
      server.answer((_q, res) => void held.push(() => sendJson(res, 200, PARTNER)));
      const signal = new AbortController().signal;
      const c = client();
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
