// Redirects: which are followed (and with what method and body), and which are refused (another origin, a
// malformed Location, more than ten, a browser's opaque redirect).
import { describe, expect } from "vitest";
import { createRemoteAssistanceClient, type FetchLike, GraphError } from "../../src/entries/index.js";
import { json, rejection, seedPartner, TOKEN } from "../helpers/graph-server.js";
import { it } from "../helpers/fixtures.js";


const id = seedPartner.id;


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

  it("a redirect to the base path itself or below it is followed; out of it (a sibling that only starts alike) is refused", async () => {
    const sent: Parameters<typeof fake>[1] = [];
    const answers = { [item]: moved(307, base), [`${item}/x`]: moved(307, "https://graph.example/v1.0-other/x") };
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake(answers, sent) });
    await client.delete(id);
    expect(sent.map((s) => s.url)).toEqual([item, base]);
    const error = await rejection(client.raw.DELETE(`/deviceManagement/remoteAssistancePartners/${id}/x` as never));
    expect(error).toMatchObject({ code: "RedirectRefused", status: 307, message: "HTTP 307: a redirect out of the base path /v1.0; not followed, nothing was sent there" });
  });

  it.for(["https://someone@graph.example/v1.0/x", "https://:secret@graph.example/v1.0/x", "https://someone:secret@graph.example/v1.0/x"])(
    "a redirect to a URL with user info (%s) is refused without quoting it",
    async (location) => {
      const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake({ [item]: moved(307, location) }, []) });
      const error = await rejection(client.get(id));
      expect(error).toMatchObject({ code: "RedirectRefused", message: "HTTP 307: a redirect to a URL with user info (not quoted); not followed" });
    },
  );

  it("a 303 drops only the body's Content-Type: the token, the client-request-id and the caller's headers go on", async () => {
    const sent: Parameters<typeof fake>[1] = [];
    const client = createRemoteAssistanceClient({ baseUrl: base, getAccessToken: () => TOKEN, fetch: fake({ [item]: moved(303, `${base}/see-other`) }, sent) });
    await client.update(id, { displayName: "x" }, { headers: { "x-trace": "t-1" } });
    const [first, second] = sent.map((s) => Object.fromEntries(s.headers));
    const { "content-type": contentType, ...rest } = first!;
    expect(contentType).toBe("application/json");
    expect(second).toEqual(rest);
    expect(second).toMatchObject({ authorization: `Bearer ${TOKEN}`, "x-trace": "t-1" });
  });

  it("the server's own redirect within the origin, on the wire", async ({ graph }) => {
    const client = graph.client((req, res) => {
      if (req.url.endsWith("/final")) return json(res, 200, seedPartner);
      res.writeHead(308, { location: `${graph.baseUrl}/final` });
      res.end();
    });
    await expect(client.get(id)).resolves.toEqual(seedPartner);
    expect(graph.seen.map((r) => r.url)).toEqual([`/v1.0/deviceManagement/remoteAssistancePartners/${id}`, "/v1.0/final"]);
  });
});
