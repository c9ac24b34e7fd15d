// Bodies both ways, the cases the client tests leave: what a request body may be (each refusal's message exactly),
// and what a success body must be for each kind of answer.
import { afterEach, describe, expect, it } from "vitest";
import { serialiseBody } from "../../src/client/request-body.js";
import { readBody } from "../../src/transport/body.js";
import { createRemoteAssistanceClient } from "../../src/entries/index.js";
import { noContent, rejection, seedPartner, startGraphServer, TOKEN, type GraphServer, type Handler } from "../helpers/graph-server.js";

let server: GraphServer;
afterEach(() => server?.close());

const id = seedPartner.id;

describe("serialiseBody", () => {
  it("a plain object, or one without a prototype, goes out as its JSON", () => {
    expect(serialiseBody("update", { displayName: "x", onboardingUrl: null })).toBe('{"displayName":"x","onboardingUrl":null}');
    const bare = Object.assign(Object.create(null), { displayName: "y" });
    expect(serialiseBody("update", bare)).toBe('{"displayName":"y"}');
  });

  class Named {}
  const anonymous = Object.create(Object.create(null, { constructor: { value: undefined } }));
  const unreadablePrototype = new Proxy({}, { getPrototypeOf: () => { throw new Error("no"); } });

  const unreadableConstructor = Object.create({
    get constructor() {
      throw new Error("no");
    },
  });
  class Unnamed {}
  Object.defineProperty(Unnamed, "name", { value: "" });
  const numberNamed = Object.create({ constructor: { name: 42 } });

  it.each([
    ["an object whose prototype's constructor cannot be read", unreadableConstructor, "The update body must be a plain object, got an object that cannot be read"],
    ["an instance of a class without a name", new Unnamed(), "The update body must be a plain object, got an object with a prototype"],
    ["an object whose constructor's name is not a string", numberNamed, "The update body must be a plain object, got an object with a prototype"],
    ["an object whose toJSON throws undefined", { a: { toJSON: () => { throw undefined; } } }, "The update body cannot be serialised as JSON: undefined"],
  ])("%s: a TypeError saying so", (_what, body, message) => {
    expect(() => serialiseBody("update", body)).toThrow(new TypeError(message));
  });

  it.each([
    ["null", null, "The update body must be a plain object, got null"],
    ["undefined", undefined, "The update body must be a plain object, got undefined"],
    ["a number", 1, "The update body must be a plain object, got number"],
    ["an array", [{ displayName: "x" }], "The update body must be a plain object, got an array"],
    ["a class instance", new Named(), "The update body must be a plain object, got an instance of Named"],
    ["an object whose prototype has no constructor name", anonymous, "The update body must be a plain object, got an object with a prototype"],
    ["a Proxy that refuses its prototype", unreadablePrototype, "The update body could not be read (a Proxy that refuses it)"],
    ["a toJSON giving an array", { toJSON: () => [1] }, "The update body must serialise to a JSON object, got a JSON array"],
    ["a toJSON giving undefined", { toJSON: () => undefined }, "The update body must serialise to a JSON object, got nothing"],
    ["a toJSON giving a number", { toJSON: () => 5 }, "The update body must serialise to a JSON object, got a JSON value"],
    ["a getter that throws", { get displayName() { throw new Error("boom"); } }, "The update body cannot be serialised as JSON: boom"],
    ["a cycle", (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })(), "The update body cannot be serialised as JSON: Converting circular structure to JSON"],
  ])("%s: TypeError", (_name, body, message) => {
    expect(() => serialiseBody("update", body)).toThrow(TypeError);
    expect(() => serialiseBody("update", body)).toThrow(message);
  });

  it("names the kind of body", () => {
    expect(() => serialiseBody("create", 1)).toThrow(new TypeError("The create body must be a plain object, got number"));
  });
});

describe("what a success body must be", () => {
  async function clientFor(handler: Handler) {
    server = await startGraphServer(handler);
    return createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: false });
  }
  const answer = (status: number, body: string, headers: Record<string, string>): Handler => (_q, r) => {
    r.writeHead(status, headers);
    r.end(body);
  };

  it.each([
    ["get: no body", "get", answer(200, "", { "content-type": "application/json" }), "HTTP 200 with a partner with no body"],
    ["get: no content-type", "get", answer(200, "{}", {}), "HTTP 200 with a partner that is not JSON (no content-type)"],
    ["get: invalid JSON", "get", answer(200, "{oops", { "content-type": "application/json" }), /^HTTP 200 with a body that is not valid JSON \(.+\)$/],
    ["create: not an object", "create", answer(201, '"made"', { "content-type": "application/json" }), "HTTP 201 with a partner that is not a JSON object (string)"],
    ["update: not an object", "update", answer(200, "[1]", { "content-type": "application/json" }), "HTTP 200 with a partner that is not a JSON object (an array)"],
    ["list: no body", "list", answer(200, "", {}), "HTTP 200 with a list page with no body"],
    ["list: value missing", "list", answer(200, "{}", { "content-type": "application/json" }), 'HTTP 200 with a list page whose "value" is not an array'],
  ] as const)("%s: InvalidResponse", async (_name, method, handler, message) => {
    const client = await clientFor(handler);
    const call = { get: () => client.get(id), create: () => client.create({}), update: () => client.update(id, {}), list: () => client.list() }[method];
    const error = await rejection(call());
    expect(error).toMatchObject({ name: "GraphError", code: "InvalidResponse" });
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("an InvalidResponse carries the response's ids and date, and the JSON parser's error as cause", async () => {
    const client = await clientFor(answer(200, "{oops", { "content-type": "application/json", "request-id": "r-9", date: "Sun, 29 Nov 2026 09:00:00 GMT" }));
    const error = await rejection(client.get(id, undefined, { headers: { "client-request-id": "c-9" } }));
    expect(error).toMatchObject({ requestId: "r-9", clientRequestId: "c-9", date: "Sun, 29 Nov 2026 09:00:00 GMT" });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("JSON is recognised by its media type in any form (application/json; odata.metadata=minimal, +json, upper case)", async () => {
    for (const type of ["application/json; odata.metadata=minimal; charset=utf-8", "application/problem+json", "APPLICATION/JSON"]) {
      const client = await clientFor(answer(200, JSON.stringify(seedPartner), { "content-type": type }));
      await expect(client.get(id)).resolves.toEqual(seedPartner);
      await server.close();
    }
  });

  it("a 200 with an empty body to an update is success without the partner; to delete and the actions too", async () => {
    const client = await clientFor((_q, r) => noContent(r));
    await expect(client.update(id, {})).resolves.toBeUndefined();
    await expect(client.delete(id)).resolves.toBeUndefined();
    await expect(client.beginOnboarding(id)).resolves.toBeUndefined();
  });
});

describe("reading within maxResponseBytes", () => {
  async function clientWith(handler: Handler, maxResponseBytes: number) {
    server = await startGraphServer(handler);
    return createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: false, maxResponseBytes });
  }
  /** Writes `parts` as separate chunks, without a Content-Length. */
  const chunked = (status: number, parts: Buffer[]): Handler => (_q, r) => {
    r.writeHead(status, { "content-type": "application/json" });
    const next = () => {
      const part = parts.shift();
      if (!part) return void r.end();
      r.write(part, () => setTimeout(next, 2));
    };
    next();
  };

  it("a chunked body of exactly the limit is read whole; a character split across chunks is decoded whole", async () => {
    const body = Buffer.from(JSON.stringify({ ...seedPartner, displayName: "Zoë — 東京" }));
    const cut = body.indexOf(Buffer.from("東")) + 1; // inside the three bytes of 東
    const client = await clientWith(chunked(200, [body.subarray(0, cut), body.subarray(cut)]), body.length);
    await expect(client.get(id)).resolves.toMatchObject({ displayName: "Zoë — 東京" });
  });

  it("one byte over, chunked: ResponseTooLarge, it went on past the limit", async () => {
    const body = Buffer.from(JSON.stringify(seedPartner));
    const client = await clientWith(chunked(200, [body.subarray(0, 10), body.subarray(10)]), body.length - 1);
    await expect(client.get(id)).rejects.toMatchObject({
      code: "ResponseTooLarge",
      status: 200,
      message: `HTTP 200: the body went on past the limit of ${body.length - 1} bytes (maxResponseBytes); reading stopped`,
    });
  });

  it("a declared length of exactly the limit is read; one over is refused before reading, naming the length", async () => {
    const text = JSON.stringify(seedPartner);
    const client = await clientWith((_q, r) => {
      r.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "request-id": "r-1", date: "Sun, 29 Nov 2026 09:00:00 GMT" });
      r.end(text);
    }, Buffer.byteLength(text));
    await expect(client.get(id)).resolves.toEqual(seedPartner);
    await server.close();
    const smaller = await clientWith((_q, r) => {
      r.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "request-id": "r-1", date: "Sun, 29 Nov 2026 09:00:00 GMT" });
      r.end(text);
    }, Buffer.byteLength(text) - 1);
    await expect(smaller.get(id)).rejects.toMatchObject({
      code: "ResponseTooLarge",
      message: `HTTP 200: the body declares ${Buffer.byteLength(text)} bytes, over the limit of ${Buffer.byteLength(text) - 1} bytes (maxResponseBytes); reading stopped`,
      requestId: "r-1",
      date: "Sun, 29 Nov 2026 09:00:00 GMT",
    });
  });

  it("an error body over the limit is cut at it, not refused: the error keeps the first bytes", async () => {
    const client = await clientWith(chunked(503, [Buffer.from("a".repeat(30)), Buffer.from("b".repeat(30))]), 40);
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 503, code: "UnknownError", body: `${"a".repeat(30)}${"b".repeat(10)}` });
  });
});

describe("readBody, on its own", () => {
  const streamOf = (...parts: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });
  const options = (limit: number, truncate: boolean) => ({ limit, truncate });

  it("past the limit with truncate: the first bytes and truncated, whether a length was declared or not", async () => {
    expect(await readBody(new Response(streamOf("a".repeat(30), "b".repeat(30))), options(40, true))).toEqual({ text: `${"a".repeat(30)}${"b".repeat(10)}`, truncated: true, overLimit: false });
    expect(await readBody(new Response("c".repeat(60), { headers: { "content-length": "60" } }), options(40, true))).toEqual({ text: "c".repeat(40), truncated: true, overLimit: false });
  });

  it("within the limit: all of it, not truncated", async () => {
    expect(await readBody(new Response(streamOf("ab", "cd")), options(4, true))).toEqual({ text: "abcd", truncated: false, overLimit: false });
    expect(await readBody(new Response(null), options(4, false))).toEqual({ text: "", truncated: false, overLimit: false });
  });

  it("past the limit without truncate: nothing kept, overLimit (the body step makes it ResponseTooLarge)", async () => {
    expect(await readBody(new Response(streamOf("a".repeat(30), "b".repeat(30))), options(40, false))).toEqual({ text: "", truncated: true, overLimit: true });
  });

  it("counts decoded bytes, not the declared length: a declared 60 that holds more is still cut at the limit", async () => {
    expect(await readBody(new Response(streamOf("x".repeat(100)), { headers: { "content-length": "60" } }), options(50, true))).toEqual({ text: "x".repeat(50), truncated: true, overLimit: false });
  });
});

describe("listAll's next links", () => {
  async function clientFor(handler: Handler) {
    server = await startGraphServer(handler);
    return createRemoteAssistanceClient({ baseUrl: `${server.baseUrl}/`, getAccessToken: () => TOKEN, retry: false });
  }
  const drain = async (pages: AsyncIterable<unknown>) => {
    const seen: unknown[] = [];
    for await (const p of pages) seen.push(p);
    return seen;
  };

  it("a relative next link is refused: it must be absolute", async () => {
    const client = await clientFor((_q, r) => void r.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ value: [seedPartner], "@odata.nextLink": "/v1.0/deviceManagement/remoteAssistancePartners?page=2" })));
    const error = await rejection(drain(client.listAll()));
    expect(error).toMatchObject({ name: "ContractViolationError", direction: "response", errors: [{ path: "/@odata.nextLink", message: "must be an absolute URL" }] });
    expect(error.message).toBe("The list page breaks the contract: /@odata.nextLink must be an absolute URL");
  });

  it("a base URL with a trailing slash still matches its own next links; maxPages 1 reads one page and says more remain", async () => {
    const client = await clientFor((req, r) =>
      void r.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ value: [seedPartner], ...(req.url.includes("page=2") ? {} : { "@odata.nextLink": `${server.baseUrl}/deviceManagement/remoteAssistancePartners?page=2` }) })),
    );
    expect(await drain(client.listAll())).toHaveLength(2);
    await expect(drain(client.listAll(undefined, { maxPages: 1 }))).rejects.toThrow(new RangeError("listAll: stopped after maxPages (1) pages; more remain"));
  });
});
