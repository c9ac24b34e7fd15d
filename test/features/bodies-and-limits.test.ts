// Bodies and limits: what is sent (a plain object, serialised once, exactly what was validated), what a success
// body must be, and maxResponseBytes (declared, streamed, endless, error bodies).
import { describe, expect } from "vitest";
import { readBody } from "../../src/transport/body.js";
import { ContractViolationError, createRemoteAssistanceClient, GraphError, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { endlessBody, type Handler, json, noContent, rejection, seedPartner, TOKEN } from "../helpers/graph-server.js";
import { inspect } from "node:util";
import { clientOf, it, type Graph } from "../helpers/fixtures.js";
import { clientAnswering } from "../helpers/stub-client.js";


const id = seedPartner.id;


const BASE = "https://graph.example/v1.0";
const ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";


// The body as it goes out, seen from a call: what update and create send, or the TypeError they end in before
// anything is sent (a stub fetch records every attempt; validation is off, so only the serialising speaks).
describe("the request body a call serialises", () => {
  /** The error update(id, body) ends in, and whether anything was sent. */
  async function updateWith(body: unknown) {
    const { client, sent } = clientAnswering(() => new Response(null, { status: 204 }));
    const error = await rejection(client.update(ID, body as never));
    return { error, sent };
  }

  it("a plain object, or one without a prototype, goes out as its JSON", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r));
    await client.update(id, { displayName: "x", onboardingUrl: null });
    const bare = Object.assign(Object.create(null), { displayName: "y" });
    await client.update(id, bare);
    expect(graph.seen.map((r) => r.body)).toEqual(['{"displayName":"x","onboardingUrl":null}', '{"displayName":"y"}']);
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
  ])("%s: a TypeError saying so", async (_what, body, message) => {
    const { error, sent } = await updateWith(body);
    expect(error).toEqual(new TypeError(message));
    expect(error).toBeInstanceOf(TypeError);
    expect(sent).toEqual([]);
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
  ])("%s: TypeError", async (_name, body, message) => {
    const { error, sent } = await updateWith(body);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(message);
    expect(sent).toEqual([]);
  });

  it("names the kind of body", async () => {
    const { client, sent } = clientAnswering(() => new Response(null, { status: 204 }));
    await expect(client.create(1 as never)).rejects.toThrow(new TypeError("The create body must be a plain object, got number"));
    await expect(client.update(ID, [] as never)).rejects.toThrow(new TypeError("The update body must be a plain object, got an array"));
    expect(sent).toEqual([]);
  });
});

describe("what a success body must be", () => {
  const answer = (status: number, body: string, headers: Record<string, string>): Handler => (_q, r) => {
    r.writeHead(status, headers);
    r.end(body);
  };

  it.for([
    ["get: no body", "get", answer(200, "", { "content-type": "application/json" }), "HTTP 200 with a partner with no body"],
    ["get: no content-type", "get", answer(200, "{}", {}), "HTTP 200 with a partner that is not JSON (no content-type)"],
    ["get: invalid JSON", "get", answer(200, "{oops", { "content-type": "application/json" }), /^HTTP 200 with a body that is not valid JSON \(.+\)$/],
    ["create: not an object", "create", answer(201, '"made"', { "content-type": "application/json" }), "HTTP 201 with a partner that is not a JSON object (string)"],
    ["update: not an object", "update", answer(200, "[1]", { "content-type": "application/json" }), "HTTP 200 with a partner that is not a JSON object (an array)"],
    ["list: no body", "list", answer(200, "", {}), "HTTP 200 with a list page with no body"],
    ["list: value missing", "list", answer(200, "{}", { "content-type": "application/json" }), 'HTTP 200 with a list page whose "value" is not an array'],
  ] as const)("%s: InvalidResponse", async ([_name, method, handler, message], { graph }) => {
    const client = graph.client(handler);
    const call = { get: () => client.get(id), create: () => client.create({}), update: () => client.update(id, {}), list: () => client.list() }[method];
    const error = await rejection(call());
    expect(error).toMatchObject({ name: "GraphError", code: "InvalidResponse" });
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("an InvalidResponse carries the response's ids and date, and the JSON parser's error as cause", async ({ graph }) => {
    const client = graph.client(answer(200, "{oops", { "content-type": "application/json", "request-id": "r-9", date: "Sun, 29 Nov 2026 09:00:00 GMT" }));
    const error = await rejection(client.get(id, undefined, { headers: { "client-request-id": "c-9" } }));
    expect(error).toMatchObject({ requestId: "r-9", clientRequestId: "c-9", date: "Sun, 29 Nov 2026 09:00:00 GMT" });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("JSON is recognised by its media type in any form (application/json; odata.metadata=minimal, +json, upper case)", async ({ graph }) => {
    for (const type of ["application/json; odata.metadata=minimal; charset=utf-8", "application/problem+json", "APPLICATION/JSON"]) {
      const client = graph.client(answer(200, JSON.stringify(seedPartner), { "content-type": type }));
      await expect(client.get(id)).resolves.toEqual(seedPartner);
    }
  });

  it("a 200 with an empty body to an update is success without the partner; to delete and the actions too", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r));
    await expect(client.update(id, {})).resolves.toBeUndefined();
    await expect(client.delete(id)).resolves.toBeUndefined();
    await expect(client.beginOnboarding(id)).resolves.toBeUndefined();
  });

  it("delete and the actions answer nothing: a 200 with a JSON body still resolves to undefined, its body not handed out", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, { id: "not for the caller" }));
    await expect(client.delete(id)).resolves.toBeUndefined();
    await expect(client.disconnect(id)).resolves.toBeUndefined();
  });
});

describe("reading within maxResponseBytes", () => {
  async function clientWith(graph: Graph, handler: Handler, maxResponseBytes: number) {
    graph.answer(handler);
    return clientOf(graph.baseUrl, { retry: false, maxResponseBytes });
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

  it("a chunked body of exactly the limit is read whole; a character split across chunks is decoded whole", async ({ graph }) => {
    const body = Buffer.from(JSON.stringify({ ...seedPartner, displayName: "Zoë — 東京" }));
    const cut = body.indexOf(Buffer.from("東")) + 1; // inside the three bytes of 東
    const client = await clientWith(graph, chunked(200, [body.subarray(0, cut), body.subarray(cut)]), body.length);
    await expect(client.get(id)).resolves.toMatchObject({ displayName: "Zoë — 東京" });
  });

  it("one byte over, chunked: ResponseTooLarge, it went on past the limit", async ({ graph }) => {
    const body = Buffer.from(JSON.stringify(seedPartner));
    const client = await clientWith(graph, chunked(200, [body.subarray(0, 10), body.subarray(10)]), body.length - 1);
    await expect(client.get(id)).rejects.toMatchObject({
      code: "ResponseTooLarge",
      status: 200,
      message: `HTTP 200: the body went on past the limit of ${body.length - 1} bytes (maxResponseBytes); reading stopped`,
    });
  });

  it("a declared length of exactly the limit is read; one over is refused before reading, naming the length", async ({ graph }) => {
    const text = JSON.stringify(seedPartner);
    const client = await clientWith(graph, (_q, r) => {
      r.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "request-id": "r-1", date: "Sun, 29 Nov 2026 09:00:00 GMT" });
      r.end(text);
    }, Buffer.byteLength(text));
    await expect(client.get(id)).resolves.toEqual(seedPartner);
    const smaller = await clientWith(graph, (_q, r) => {
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

  it("an error body over the limit is cut at it, not refused: the error keeps the first bytes", async ({ graph }) => {
    const client = await clientWith(graph, chunked(503, [Buffer.from("a".repeat(30)), Buffer.from("b".repeat(30))]), 40);
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 503, code: "UnknownError", body: `${"a".repeat(30)}${"b".repeat(10)}` });
  });

  it("an error body that declares a length over the limit is cut the same way, not refused unread", async () => {
    const text = `${"a".repeat(30)}${"b".repeat(30)}`;
    const { client } = clientAnswering(() => new Response(text, { status: 503, headers: { "content-length": "60" } }), { maxResponseBytes: 40 });
    const error = await rejection(client.get(ID));
    expect(error).toMatchObject({ status: 503, code: "UnknownError", body: `${"a".repeat(30)}${"b".repeat(10)}` });
  });

  it("an OData error body of exactly 64 KiB is whole: its code and message are read", async () => {
    const envelope = (padding: string) => JSON.stringify({ error: { code: "TooManyNames", message: `names: ${padding}` } });
    const text = envelope("x".repeat(64 * 1024 - envelope("").length));
    expect(text.length).toBe(64 * 1024);
    const { client } = clientAnswering(() => new Response(text, { status: 400, headers: { "content-type": "application/json" } }));
    const error = await rejection(client.get(ID));
    expect(error).toMatchObject({ status: 400, code: "TooManyNames" });
    expect(error.message.startsWith("names: xxx")).toBe(true);
  });

  it("a success that declares a length over the limit and has no body at all (a fetch of the caller's): ResponseTooLarge", async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 200, headers: { "content-length": "5000", "content-type": "application/json" } }), { maxResponseBytes: 4096 });
    await expect(client.get(ID)).rejects.toMatchObject({ code: "ResponseTooLarge", status: 200 });
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

describe("what comes back", () => {
  it("an endless 200 body stops at maxResponseBytes with ResponseTooLarge, no timeout needed", async ({ graph }) => {
    const client = graph.client((_q, r) => endlessBody(r, Buffer.alloc(64 * 1024, "a")), { maxResponseBytes: 1024 * 1024 });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ name: "GraphError", status: 200, code: "ResponseTooLarge" });
    expect(error.message).toContain("1048576 bytes");
  });

  it("an endless body with the default limit (16 MiB) ends too, and the heap comes back down", async ({ graph }) => {
    const client = graph.client((_q, r) => endlessBody(r, Buffer.alloc(256 * 1024, "a")));
    const before = process.memoryUsage().heapUsed;
    await expect(client.list()).rejects.toMatchObject({ code: "ResponseTooLarge", message: expect.stringContaining("16777216 bytes") });
    // What was read is let go: at most the 16 MiB text (UTF-16, so up to 32 MiB) while reading, none of it after.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 2 ** 20);
  });

  it("a declared Content-Length above the limit is refused before reading", async ({ graph }) => {
    const client = graph.client((_q, r) => {
      r.writeHead(200, { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) });
      r.write("{");
    }, { maxResponseBytes: 1024 });
    await expect(client.get(id)).rejects.toMatchObject({ code: "ResponseTooLarge", message: expect.stringContaining("declares 52428800 bytes") });
  });

  it("a 300 MB error body: the error keeps a bounded prefix, and the rest is not read", async ({ graph }) => {
    const chunk = Buffer.alloc(1024 * 1024, "x");
    let sent = 0;
    const client = graph.client((_q, r) => {
      r.writeHead(500, { "content-type": "text/plain" });
      const pump = () => {
        while (!r.destroyed && sent < 300 && r.write(chunk)) sent++;
        if (sent >= 300) r.end();
        else if (!r.destroyed) r.once("drain", pump);
      };
      pump();
    });
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 500, code: "UnknownError" });
    expect(typeof error.body).toBe("string");
    expect(error.body.length).toBeLessThanOrEqual(64 * 1024);
    expect(error.message.length).toBeLessThan(300);
    expect(sent).toBeLessThan(300);
  });

  it.for([
    ["null", "application/json", "null", "a partner that is not a JSON object (null)"],
    ["a number", "application/json", "123", "a partner that is not a JSON object (number)"],
    ["an array", "application/json", "[]", "a partner that is not a JSON object (an array)"],
    ["HTML", "text/html", "<html>hi</html>", "a partner that is not JSON (text/html)"],
  ])("validate off: get() refuses %s as a partner (InvalidResponse)", async ([_what, type, body, message], { graph }) => {
    const client = graph.client((_q, r) => void r.writeHead(200, { "content-type": type }).end(body));
    await expect(client.get(id)).rejects.toMatchObject({ name: "GraphError", status: 200, code: "InvalidResponse", message: `HTTP 200 with ${message}` });
  });

  it("validate off: a page whose value is not an array is InvalidResponse, in list and listAll", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, { value: "abc" }));
    await expect(client.list()).rejects.toMatchObject({ code: "InvalidResponse", message: 'HTTP 200 with a list page whose "value" is not an array' });
    const yielded: unknown[] = [];
    await expect(async () => {
      for await (const p of client.listAll()) yielded.push(p);
    }).rejects.toMatchObject({ code: "InvalidResponse" });
    expect(yielded).toEqual([]);
  });

  it("validate off: an update's 200 body must be a partner object too", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 200, "done"));
    await expect(client.update(id, {})).rejects.toMatchObject({ code: "InvalidResponse" });
  });

  it("an error with a JSON body that is not an OData error quotes it and keeps it", async ({ graph }) => {
    const client = graph.client((_q, r) => json(r, 500, { oops: true, detail: "database on fire" }));
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ status: 500, code: "UnknownError" });
    expect(error.message).toBe('HTTP 500 Internal Server Error: {"oops":true,"detail":"database on fire"}');
    expect(error.body).toBe('{"oops":true,"detail":"database on fire"}');
  });

  it("a long HTML error body is quoted by its start only", async ({ graph }) => {
    const client = graph.client((_q, r) => void r.writeHead(502, { "content-type": "text/html" }).end(`<html>${"x".repeat(5000)}</html>`));
    const error = await rejection(client.get(id));
    expect(error.message).toMatch(/^HTTP 502 Bad Gateway: <html>x+…$/);
    expect(error.message.length).toBeLessThan(260);
  });
});

describe("what goes out", () => {
  class Hijack {
    toJSON() {
      return { id: "hijacked", onboardingStatus: "BOGUS" };
    }
  }
  it.for([
    ["a class instance with toJSON", new Hijack(), "must be a plain object, got an instance of Hijack"],
    ["a Date", new Date(0), "must be a plain object, got an instance of Date"],
    ["a boxed boolean", Object(true), "must be a plain object, got an instance of Boolean"],
    ["a plain object whose toJSON gives a string", { toJSON: () => "x" }, "must serialise to a JSON object, got a JSON value"],
    ["a plain object with a BigInt", { displayName: 1n }, "cannot be serialised as JSON"],
    ["a string", "x", "must be a plain object, got string"],
  ])("%s is a TypeError in every validation mode, nothing sent", async ([_what, body, message], { graph }) => {
    for (const validate of ["off", "request", "response", "both"] as const) {
      const client = graph.client((_q, r) => noContent(r), { validate });
      const error = await rejection(client.update(id, body as never));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(message);
      await expect(client.create(body as never)).rejects.toThrow(TypeError);
      expect(graph.seen).toHaveLength(0);
    }
  });

  it("a getter that answers differently on each read: what is validated is exactly what is sent", async ({ graph }) => {
    let reads = 0;
    const shifty = {
      get onboardingStatus() {
        return reads++ === 0 ? "onboarding" : "BOGUS";
      },
    };
    const client = graph.client((_q, r) => noContent(r), { validate: "request" });
    await client.update(id, shifty as never);
    expect(reads).toBe(1);
    expect(graph.seen[0]!.body).toBe('{"onboardingStatus":"onboarding"}');

    const refused = { get onboardingStatus() { return reads++ === 1 ? "BOGUS" : "onboarding"; } };
    await expect(client.update(id, refused as never)).rejects.toBeInstanceOf(ContractViolationError);
    expect(graph.seen).toHaveLength(1);
  });

  it.for([
    ["a line feed in a custom header", { headers: { "x-note": "a\nb" } }, "headers: header x-note cannot be sent: a line feed (U+000A) at position 1"],
    ["a CR in client-request-id", { headers: { "client-request-id": "id\r\nX: y" } }, "header client-request-id cannot be sent"],
    ["an invalid header name", { headers: { "bad name": "v" } }, 'headers: "bad name" is not a valid header name'],
    ["a non-string value", { headers: { "x-n": 5 } }, "header x-n must be a string, got number"],
    ["Authorization per call", { headers: { authorization: "Bearer mine" } }, "authorization is not allowed"],
  ])("%s is the caller's TypeError, nothing sent", async ([_what, callOptions, message], { graph }) => {
    const client = graph.client((_q, r) => noContent(r));
    const error = await rejection(client.update(id, {}, callOptions as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(message);
    expect(graph.seen).toHaveLength(0);
  });

  it("an ifMatch with a line break is the caller's TypeError naming If-Match", async ({ graph }) => {
    const client = graph.client((_q, r) => noContent(r));
    await expect(client.delete(id, { ifMatch: 'W/"1"\r\nX: y' })).rejects.toThrow(/header If-Match cannot be sent/);
    expect(graph.seen).toHaveLength(0);
  });

  it("an Authorization value is never quoted, even when it cannot be sent", () => {
    const error = (() => {
      try {
        createRemoteAssistanceClient({ getAccessToken: () => TOKEN, headers: { "x-auth": "SECRET\n" } });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain("SECRET");
  });

  it.each(["Authorization", "authorization", "AUTHORIZATION"])("%s in the client's headers is refused when the client is made", (name) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => TOKEN, headers: { [name]: "Bearer x" } })).toThrow(
      new TypeError(`headers: ${name} is not allowed; the client sends the token itself`),
    );
  });
});

describe("a JSON content-type", () => {
  it("with no body where a partner is due: InvalidResponse saying there was no body", async () => {
    const { client } = clientAnswering(() => new Response("", { status: 200, headers: { "content-type": "application/json" } }));
    await expect(client.get(ID)).rejects.toMatchObject({ code: "InvalidResponse", message: "HTTP 200 with a partner with no body" });
  });
});
