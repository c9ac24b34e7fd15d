// raw: the openapi-fetch client the package hands out, with the same transport as the methods.
import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import { describe, expect } from "vitest";
import { createRemoteAssistanceClient, type FetchLike, GraphError, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { noContent, odataError, seedPartner, TOKEN , closedPort} from "../helpers/graph-server.js";
import { clientOf, it } from "../helpers/fixtures.js";
import { clientAnswering } from "../helpers/stub-client.js";


const id = seedPartner.id;


const BASE = "https://graph.example/v1.0";
const ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";


describe("raw, as the README says", () => {
  it("returns HTTP errors as values, and throws the methods' NetworkError on a refused connection", async ({ graph }) => {
    const client = graph.client((_q, r) => odataError(r, 404, "ResourceNotFound"));
    const { error, response } = await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ error: { code: "ResourceNotFound" } });
    const refused = clientOf(`http://127.0.0.1:${await closedPort()}/v1.0`, { retry: false });
    await expect(refused.raw.GET("/deviceManagement/remoteAssistancePartners")).rejects.toMatchObject({ name: "GraphError", code: "NetworkError", status: 0 });
  });
});

describe("no listener leak", () => {
  it("200 sequential calls sharing one long-lived signal: no warning, no listener left", async ({ graph }) => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const client = graph.client((_q, r) => noContent(r));
      const controller = new AbortController();
      for (let i = 0; i < 200; i++) await client.update(id, {}, { signal: controller.signal });
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("fetch rejecting", () => {
  it.each([
    ["an Error without a cause: its message", new Error("socket hang up"), "The connection failed: socket hang up"],
    ["an Error whose cause has a message only: the cause's message", new TypeError("fetch failed", { cause: { message: "other side closed" } }), "The connection failed: other side closed"],
    ["an Error whose cause has a code: the code", new TypeError("fetch failed", { cause: { code: "ECONNRESET", message: "read ECONNRESET" } }), "The connection failed: ECONNRESET"],
    ["a string: the string", "gone", "The connection failed: gone"],
    ["null: said as null", null, "The connection failed: null"],
    ["undefined: said as undefined", undefined, "The connection failed: undefined"],
  ])("with %s, as a NetworkError carrying it as the cause", async (_what, thrown, message) => {
    const { client } = clientAnswering(() => Promise.reject(thrown));
    const error = await client.get(ID).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "GraphError", status: 0, code: "NetworkError", message });
    expect((error as Error).cause).toBe(thrown);
  });
});

describe("the signal fetch gets", () => {
  it("none under the default bound alone (it ends the call by a race, cheaper than a signal); one per call with a caller's signal or timeoutMs", async () => {
    const signals: unknown[] = [];
    const fetch: FetchLike = async (_input, init) => (signals.push(init?.signal), new Response(null, { status: 204 }));
    const client = createRemoteAssistanceClient({ baseUrl: BASE, getAccessToken: () => "t", fetch });
    await client.delete(ID);
    const callers = new AbortController().signal;
    await client.delete(ID, { signal: callers });
    await createRemoteAssistanceClient({ baseUrl: BASE, getAccessToken: () => "t", fetch, timeoutMs: 60_000 }).delete(ID);
    expect(signals[0]).toBeUndefined();
    expect(signals[1]).toBeInstanceOf(AbortSignal);
    expect(signals[1]).not.toBe(callers);
    expect(signals[2]).toBeInstanceOf(AbortSignal);
  });
});

describe("raw's limits are the methods' limits (one transport)", () => {
  it("a 20 kB body over maxResponseBytes 4096: ResponseTooLarge from raw.GET exactly as from get", async () => {
    const body = JSON.stringify({ ...seedPartner, displayName: "x".repeat(20_000) });
    const client = createRemoteAssistanceClient({
      baseUrl: "https://graph.example/v1.0",
      getAccessToken: () => "t",
      retry: false,
      maxResponseBytes: 4096,
      fetch: async () => new Response(body, { headers: { "content-type": "application/json" } }),
    });
    const fromMethod = await client.get("p").catch((e: unknown) => e);
    const fromRaw = await client.raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: "p" } } }).catch((e: unknown) => e);
    for (const error of [fromMethod, fromRaw]) {
      expect(error).toMatchObject({ name: "GraphError", code: "ResponseTooLarge", status: 200, message: "HTTP 200: the body went on past the limit of 4096 bytes (maxResponseBytes); reading stopped" });
    }
    expect((fromRaw as { call: unknown }).call).toEqual({ operationId: "getRemoteAssistancePartner", method: "GET", url: "https://graph.example/v1.0/deviceManagement/remoteAssistancePartners/p" });
  });
});

// openapi-fetch is imported on the first raw call; middleware given before then must behave as openapi-fetch's own.
describe("raw middleware, before and after the first call", () => {
  const listing = () => clientAnswering(() => Response.json({ value: [] }));

  it("a wrong middleware fails at use(), before any call, and nothing is sent", async () => {
    const { client, sent } = listing();
    expect(() => client.raw.use({} as never)).toThrow("Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`");
    expect(() => client.raw.use("x" as never)).toThrow(/Middleware must be an object/);
    expect(sent).toEqual([]);
    await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    // After the first call (openapi-fetch loaded) the same rule holds.
    expect(() => client.raw.use({} as never)).toThrow(/Middleware must be an object/);
  });

  it("middleware given before the first call runs on it, in order; ejected before, it does not", async () => {
    const { client } = listing();
    const order: string[] = [];
    const first = { onRequest: () => void order.push("first") };
    const second = { onRequest: () => void order.push("second") };
    const dropped = { onRequest: () => void order.push("dropped") };
    client.raw.use(first, undefined as never, dropped, second);
    client.raw.eject(dropped);
    await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(order).toEqual(["first", "second"]);
    client.raw.eject(first);
    const late = { onResponse: () => void order.push("late") };
    client.raw.use(late);
    await client.raw.GET("/deviceManagement/remoteAssistancePartners");
    expect(order).toEqual(["first", "second", "second", "late"]);
  });

  it("calls made together before openapi-fetch has arrived all go out, through one openapi-fetch client", async () => {
    const { client, sent } = listing();
    const seen: Request[] = [];
    client.raw.use({ onRequest: ({ request }) => void seen.push(request) });
    const answers = await Promise.all([1, 2, 3].map(() => client.raw.GET("/deviceManagement/remoteAssistancePartners")));
    expect(answers.map((a) => a.data)).toEqual([{ value: [] }, { value: [] }, { value: [] }]);
    expect(sent).toHaveLength(3);
    expect(seen).toHaveLength(3);
  });
});

describe("raw's answers and refusals", () => {
  it("a 204 and a 304 come back as responses without a body, not as errors", async () => {
    for (const status of [204, 304]) {
      const { client } = clientAnswering(() => new Response(null, { status }));
      const { data, response } = await client.raw.DELETE("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: ID } } });
      expect(response.status).toBe(status);
      expect(data).toBeUndefined();
    }
  });

  it("a request is the call of the operation with its method and path: a raw DELETE of a partner is deleteRemoteAssistancePartner", async () => {
    const reports: string[] = [];
    const { client } = clientAnswering(() => new Response(null, { status: 204 }), { onCallEnd: (report) => void reports.push(report.operationId) });
    const path = { params: { path: { remoteAssistancePartnerId: ID } } };
    await client.raw.DELETE("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", path);
    await client.raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", path);
    expect(reports).toEqual(["deleteRemoteAssistancePartner", "getRemoteAssistancePartner"]);
  });

  it("a per-request baseUrl elsewhere is refused, its URL cut at 200 characters and its query values redacted; nothing is sent", async () => {
    const { client, sent } = clientAnswering(() => Response.json({ value: [] }));
    const refusal = (baseUrl: string) =>
      client.raw.GET("/deviceManagement/remoteAssistancePartners", { baseUrl, params: { query: { $filter: "displayName eq 'secret'" } } }).catch((e: unknown) => e);
    const refused = (shown: string) => new TypeError(`raw: ${shown} is not under the client's baseUrl ${BASE}; nothing was sent`);
    expect(await refusal("https://elsewhere.example/v1.0")).toEqual(refused("https://elsewhere.example/v1.0/deviceManagement/remoteAssistancePartners?$filter=REDACTED"));
    const long = `https://elsewhere.example/${"p".repeat(300)}`;
    expect(await refusal(long)).toEqual(refused(long.slice(0, 200)));
    expect(sent).toEqual([]);
  });
});
