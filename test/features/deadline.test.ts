// The deadline: one timeoutMs per call (token, attempts and waits included), the caller's signal beside it, and
// nothing left behind (listeners, timers) once the call is over; on the methods and on raw.
import { getEventListeners } from "node:events";
import { describe, expect } from "vitest";
import { createRemoteAssistanceClient, GraphError } from "../../src/entries/index.js";
import { type Handler, json, noContent, rejection, seedPartner, TOKEN } from "../helpers/graph-server.js";
import { clientOf, it } from "../helpers/fixtures.js";


const id = seedPartner.id;


describe("the caller's signal with timeoutMs", () => {
  it("the caller's abort wins before the timeout, with the caller's reason; no listener is left on the caller's signal", async ({ graph }) => {
    const client = graph.client(() => undefined, { timeoutMs: 5_000 });
    const controller = new AbortController();
    const reason = new Error("the caller gave up");
    setTimeout(() => controller.abort(reason), 30);
    await expect(client.get(id, undefined, { signal: controller.signal })).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("the timeout wins before the caller: Timeout, and the caller's signal keeps no listener", async ({ graph }) => {
    const client = graph.client(() => undefined, { timeoutMs: 30 });
    const controller = new AbortController();
    const error = await rejection(client.get(id, undefined, { signal: controller.signal }));
    expect(error).toMatchObject({ name: "GraphError", code: "Timeout", status: 0, message: "The request timed out (timeoutMs elapsed, retries included)" });
    expect(error.cause).toMatchObject({ name: "TimeoutError", message: "The request timed out" });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("calls sharing one caller's signal: one that ends leaves the others abortable, and the last takes the listener away", async () => {
    // The second call hangs until the signal fetch got aborts; the first answers at once.
    let n = 0;
    const fetch = (_input: unknown, init?: RequestInit) =>
      n++ === 0
        ? new Promise<Response>((_resolve, reject) => init!.signal!.addEventListener("abort", () => reject(init!.signal!.reason)))
        : Promise.resolve(new Response(null, { status: 204 }));
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => TOKEN, retry: false, fetch, timeoutMs: 60_000 });
    const controller = new AbortController();
    const hanging = client.delete(id, { signal: controller.signal }).then(() => "answered", (error: unknown) => error);
    await client.delete(id, { signal: controller.signal });
    const reason = new Error("the caller gave up");
    controller.abort(reason);
    const outcome = await Promise.race([hanging, new Promise((resolve) => setTimeout(() => resolve("still hanging"), 200))]);
    expect(outcome).toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("a signal already aborted: nothing is sent, the reason comes back", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r), { timeoutMs: 1_000 });
    const reason = new Error("before it started");
    await expect(client.update(id, {}, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(graph.seen).toHaveLength(0);
  });

  it("a finished call leaves no timer behind: the process could exit at once", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r), { timeoutMs: 2 ** 31 - 1 });
    const before = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    await client.update(id, {});
    // Not more than before (another test's timer may have ended meanwhile): a 24-day timer left behind would be one more.
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBeLessThanOrEqual(before);
  });
});

describe("raw's deadline", () => {
  it("released after a response and after a failure: timeoutMs leaves no listener of its own on the caller's signal", async ({ graph }) => {
    // openapi-fetch builds a Request with the caller's signal, and undici keeps a listener on it until that Request is
    // collected: a cost of raw with or without timeoutMs (see README). The deadline must add none that stays.
    let fail = false;
    const handler: Handler = (_q, r) => (fail ? void r.socket!.destroy() : json(r, 200, { value: [] }));
    const plain = graph.client(handler);
    const bounded = clientOf(graph.baseUrl, { retry: false, timeoutMs: 5_000 });
    const listenersAfter = async (client: typeof plain) => {
      const controller = new AbortController();
      await client.raw.GET("/deviceManagement/remoteAssistancePartners", { signal: controller.signal }).catch(() => undefined);
      return getEventListeners(controller.signal, "abort").length;
    };
    expect(await listenersAfter(bounded)).toBe(await listenersAfter(plain));
    fail = true;
    expect(await listenersAfter(bounded)).toBe(await listenersAfter(plain));
  });

  it("released after a response and after a failure: no timer left behind", async ({ graph }) => {
    let fail = false;
    const client = graph.client((_q, r) => (fail ? void r.socket!.destroy() : json(r, 200, { value: [] })), { timeoutMs: 2 ** 31 - 1 });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    fail = true;
    await client.raw.GET("/deviceManagement/remoteAssistancePartners").catch(() => undefined);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("a fetch that rejects with a string: raw rejects as the methods do (NetworkError carrying it), with or without retries", async ({ graph }) => {
    for (const retry of [false, { baseDelayMs: 1, maxRetries: 1 }] as const) {
      const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => TOKEN, timeoutMs: 5_000, retry, fetch: () => Promise.reject("connection reset") });
      const error = await client.raw.GET("/deviceManagement/remoteAssistancePartners").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ code: "NetworkError", message: "The connection failed: connection reset", cause: "connection reset" });
    }
  });

  it("a middleware of the caller's that replaces the request: raw with timeoutMs still answers", async ({ graph }) => {
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => TOKEN, timeoutMs: 5_000, fetch: async () => Response.json({ value: [] }) });
    client.raw.use({ onRequest: ({ request }) => new Request(request, { headers: { "x-added": "late" } }) });
    const { data, response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(response.status).toBe(200);
    expect(data).toEqual({ value: [] });
  });

  it("bounds a raw call that hangs: a Timeout GraphError, as the methods give", async ({ graph }) => {
    const client = graph.client(() => undefined, { timeoutMs: 40 });
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners")).rejects.toMatchObject({ name: "GraphError", code: "Timeout", call: { operationId: "listRemoteAssistancePartners" } });
  });
});
