// The call's one deadline when the caller's signal and timeoutMs are both there, and the redirect rules one by one.
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, GraphError, type FetchLike, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { json, noContent, rejection, seedPartner, startGraphServer, TOKEN, type GraphServer, type Handler } from "../helpers/graph-server.js";

let server: GraphServer;
afterEach(() => server?.close());

const id = seedPartner.id;

async function clientFor(handler: Handler, options: Partial<RemoteAssistanceClientOptions> = {}) {
  server = await startGraphServer(handler);
  return createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: false, ...options });
}

describe("the caller's signal with timeoutMs", () => {
  it("the caller's abort wins before the timeout, with the caller's reason; no listener is left on the caller's signal", async () => {
    const client = await clientFor(() => undefined, { timeoutMs: 5_000 });
    const controller = new AbortController();
    const reason = new Error("the caller gave up");
    setTimeout(() => controller.abort(reason), 30);
    const started = performance.now();
    await expect(client.get(id, undefined, { signal: controller.signal })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("the timeout wins before the caller: Timeout, and the caller's signal keeps no listener", async () => {
    const client = await clientFor(() => undefined, { timeoutMs: 30 });
    const controller = new AbortController();
    const error = await rejection(client.get(id, undefined, { signal: controller.signal }));
    expect(error).toMatchObject({ name: "GraphError", code: "Timeout", status: 0, message: "The request timed out (timeoutMs elapsed, retries included)" });
    expect(error.cause).toMatchObject({ name: "TimeoutError", message: "The request timed out" });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("a signal already aborted: nothing is sent, the reason comes back", async () => {
    const client = await clientFor((_q, r) => noContent(r), { timeoutMs: 1_000 });
    const reason = new Error("before it started");
    await expect(client.update(id, {}, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.seen).toHaveLength(0);
  });

  it("a finished call leaves no timer behind: the process could exit at once", async () => {
    const client = await clientFor((_q, r) => noContent(r), { timeoutMs: 2 ** 31 - 1 });
    const before = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    await client.update(id, {});
    // Not more than before (another test's timer may have ended meanwhile): a 24-day timer left behind would be one more.
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBeLessThanOrEqual(before);
  });
});

describe("raw's deadline", () => {
  it("released after a response and after a failure: timeoutMs leaves no listener of its own on the caller's signal", async () => {
    // openapi-fetch builds a Request with the caller's signal, and undici keeps a listener on it until that Request is
    // collected: a cost of raw with or without timeoutMs (see README). The deadline must add none that stays.
    let fail = false;
    const handler: Handler = (_q, r) => (fail ? void r.socket!.destroy() : json(r, 200, { value: [] }));
    const plain = await clientFor(handler);
    const bounded = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: false, timeoutMs: 5_000 });
    const listenersAfter = async (client: typeof plain) => {
      const controller = new AbortController();
      await client.raw.GET("/deviceManagement/remoteAssistancePartners", { signal: controller.signal }).catch(() => undefined);
      return getEventListeners(controller.signal, "abort").length;
    };
    expect(await listenersAfter(bounded)).toBe(await listenersAfter(plain));
    fail = true;
    expect(await listenersAfter(bounded)).toBe(await listenersAfter(plain));
  });

  it("released after a response and after a failure: no timer left behind", async () => {
    let fail = false;
    const client = await clientFor((_q, r) => (fail ? void r.socket!.destroy() : json(r, 200, { value: [] })), { timeoutMs: 2 ** 31 - 1 });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    fail = true;
    await client.raw.GET("/deviceManagement/remoteAssistancePartners").catch(() => undefined);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("a fetch that rejects with a string: raw rejects as the methods do (NetworkError carrying it), with or without retries", async () => {
    for (const retry of [false, { baseDelayMs: 1, maxRetries: 1 }] as const) {
      const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => TOKEN, timeoutMs: 5_000, retry, fetch: () => Promise.reject("connection reset") });
      const error = await client.raw.GET("/deviceManagement/remoteAssistancePartners").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ code: "NetworkError", message: "The connection failed: connection reset", cause: "connection reset" });
    }
  });

  it("a middleware of the caller's that replaces the request: raw with timeoutMs still answers", async () => {
    const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => TOKEN, timeoutMs: 5_000, fetch: async () => Response.json({ value: [] }) });
    client.raw.use({ onRequest: ({ request }) => new Request(request, { headers: { "x-added": "late" } }) });
    const { data, response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(response.status).toBe(200);
    expect(data).toEqual({ value: [] });
  });

  it("bounds a raw call that hangs: a Timeout GraphError, as the methods give", async () => {
    const client = await clientFor(() => undefined, { timeoutMs: 40 });
    await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners")).rejects.toMatchObject({ name: "GraphError", code: "Timeout", call: { operationId: "listRemoteAssistancePartners" } });
  });
});

describe("redirects", () => {
  /** A fetch that answers each URL from a table, recording what it was sent. */
  const fake = (answers: Record<string, () => Response | object>, sent: { url: string; method: string; body: unknown; headers: Headers }[]): FetchLike =>
    (async (input: string | Request, init?: RequestInit) => {
      sent.push({ url: String(input), method: init?.method ?? "GET", body: init?.body, headers: new Headers(init?.headers) });
      const answer = answers[String(input)];
      return (answer ? answer() : new Response(null, { status: 204 })) as Response;
    }) as FetchLike;
  const base = "https://graph.example/v1.0";
  const item = `${base}/deviceManagement/remoteAssistancePartners/${id}`;
  const moved = (status: number, location: string) => () => new Response(null, { status, headers: { location } });

  it("a 301 after a POST becomes a GET without the body or its Content-Type; after a PATCH it keeps both", async () => {
    const sent: Parameters<typeof fake>[1] = [];
    const client = createRemoteAssistanceClient({
      baseUrl: base,
      getAccessToken: () => TOKEN,
      fetch: fake({ [`${item}/beginOnboarding`]: moved(301, `${base}/elsewhere`), [item]: moved(301, `${base}/moved-item`) }, sent),
    });
    await client.beginOnboarding(id);
    await client.update(id, { displayName: "x" });
    expect(sent.map((s) => [s.method, s.url.replace(base, ""), s.body ?? null, s.headers.get("content-type")])).toEqual([
      ["POST", `/deviceManagement/remoteAssistancePartners/${id}/beginOnboarding`, null, null],
      ["GET", "/elsewhere", null, null],
      ["PATCH", `/deviceManagement/remoteAssistancePartners/${id}`, '{"displayName":"x"}', "application/json"],
      ["PATCH", "/moved-item", '{"displayName":"x"}', "application/json"],
    ]);
  });

  it("a 302 after a POST and a 303 after anything become a GET without the body; a 302 after a PATCH and a 307 keep both", async () => {
    const sent: Parameters<typeof fake>[1] = [];
    const collection = `${base}/deviceManagement/remoteAssistancePartners`;
    let createAnswer = moved(302, `${base}/created-302`);
    const client = createRemoteAssistanceClient({
      baseUrl: base,
      getAccessToken: () => TOKEN,
      fetch: fake({ [collection]: () => createAnswer(), [item]: moved(303, `${base}/see-other`), [`${base}/created-302`]: () => Response.json({ id }, { status: 201 }), [`${base}/created-307`]: () => Response.json({ id }, { status: 201 }) }, sent),
    });
    await client.create({ displayName: "a" }).catch(() => undefined);
    createAnswer = moved(307, `${base}/created-307`);
    await client.create({ displayName: "b" }).catch(() => undefined);
    await client.update(id, { displayName: "c" });
    expect(sent.map((s) => [s.method, s.url.replace(base, ""), s.body ?? null, s.headers.get("content-type")])).toEqual([
      ["POST", "/deviceManagement/remoteAssistancePartners", '{"displayName":"a"}', "application/json"],
      ["GET", "/created-302", null, null],
      ["POST", "/deviceManagement/remoteAssistancePartners", '{"displayName":"b"}', "application/json"],
      ["POST", "/created-307", '{"displayName":"b"}', "application/json"],
      ["PATCH", `/deviceManagement/remoteAssistancePartners/${id}`, '{"displayName":"c"}', "application/json"],
      ["GET", "/see-other", null, null],
    ]);
    sent.length = 0;
    const kept = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake({ [item]: moved(302, `${base}/moved-302`) }, sent) });
    await kept.update(id, { displayName: "d" });
    expect(sent.map((s) => [s.method, s.url.replace(base, ""), s.body ?? null])).toEqual([
      ["PATCH", `/deviceManagement/remoteAssistancePartners/${id}`, '{"displayName":"d"}'],
      ["PATCH", "/moved-302", '{"displayName":"d"}'],
    ]);
  });

  it("a relative Location is resolved against the request's URL", async () => {
    const sent: Parameters<typeof fake>[1] = [];
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake({ [item]: moved(307, "../remoteAssistancePartners/other") }, sent) });
    await client.delete(id);
    expect(sent.map((s) => s.url)).toEqual([item, `${base}/deviceManagement/remoteAssistancePartners/other`]);
  });

  it("more than 10 redirects: RedirectRefused after the tenth is followed", async () => {
    const sent: Parameters<typeof fake>[1] = [];
    const answers: Record<string, () => Response> = { [item]: moved(302, `${base}/hop/1`) };
    for (let n = 1; n <= 20; n++) answers[`${base}/hop/${n}`] = moved(302, `${base}/hop/${n + 1}`);
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake(answers, sent) });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ name: "GraphError", code: "RedirectRefused", status: 302, message: "HTTP 302: more than 10 redirects" });
    expect(sent).toHaveLength(11);
  });

  it("a malformed Location is refused, not followed", async () => {
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake({ [item]: moved(308, "http://[bad") }, []) });
    await expect(client.get(id)).rejects.toMatchObject({ code: "RedirectRefused", message: "HTTP 308: a redirect to a malformed Location" });
  });

  it("a browser's opaque redirect (status 0, no Location to judge) is refused", async () => {
    const opaque = () => ({ type: "opaqueredirect", status: 0, ok: false, headers: new Headers(), body: null });
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake({ [item]: opaque }, []) });
    await expect(client.get(id)).rejects.toMatchObject({ code: "RedirectRefused", status: 0, message: "HTTP 0: a redirect the browser hides from the client" });
  });

  it("a 3xx without Location is an answer, not a redirect: an HTTP error", async () => {
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake({ [item]: () => new Response("", { status: 302 }) }, []) });
    await expect(client.get(id)).rejects.toMatchObject({ name: "GraphError", status: 302, code: "UnknownError" });
  });

  it("a redirect to another origin is refused with the response's ids", async () => {
    const other = () => new Response(null, { status: 307, headers: { location: "https://evil.example/steal", "request-id": "r-1", date: "Sun, 29 Nov 2026 09:00:00 GMT" } });
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake({ [item]: other }, []) });
    const error = await rejection(client.update(id, {}, { headers: { "client-request-id": "mine" } }));
    expect(error).toMatchObject({
      code: "RedirectRefused",
      status: 307,
      message: "HTTP 307: a redirect to another origin (https://evil.example); not followed, nothing was sent there",
      requestId: "r-1",
      clientRequestId: "mine",
      date: "Sun, 29 Nov 2026 09:00:00 GMT",
    });
  });

  it("raw refuses it the same way, with the client-request-id it sent", async () => {
    const sent: Parameters<typeof fake>[1] = [];
    const other = () => new Response(null, { status: 307, headers: { location: "https://evil.example/steal" } });
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, retry: false, fetch: fake({ [`${base}/deviceManagement/remoteAssistancePartners`]: other }, sent) });
    const error = await rejection(client.raw.GET("/deviceManagement/remoteAssistancePartners"));
    expect(error).toMatchObject({ code: "RedirectRefused", status: 307 });
    expect(error.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.clientRequestId).toBe(sent[0]!.headers.get("client-request-id"));
  });

  it("the server's own redirect within the origin, on the wire", async () => {
    const client = await clientFor((req, res) => {
      if (req.url.endsWith("/final")) return json(res, 200, seedPartner);
      res.writeHead(308, { location: `${server.baseUrl}/final` });
      res.end();
    });
    await expect(client.get(id)).resolves.toEqual(seedPartner);
    expect(server.seen.map((r) => r.url)).toEqual([`/v1.0/deviceManagement/remoteAssistancePartners/${id}`, "/v1.0/final"]);
  });
});
