// What each validation mode checks and with which schema, what a count may be, which header is the request's id, and
// the errors exactly as a caller reads, logs and serialises them.
import { afterEach, describe, expect, it } from "vitest";
import { ContractViolationError, createRemoteAssistanceClient, GraphError, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import createClient from "openapi-fetch";
import type { paths } from "../../src/entries/types.js";
import { json, noContent, rejection, seedPartner, startGraphServer, TOKEN, type GraphServer, type Handler } from "../helpers/graph-server.js";

let server: GraphServer;
afterEach(() => server?.close());

const id = seedPartner.id;
const badPartner = { ...seedPartner, onboardingStatus: "on" };

async function clientFor(handler: Handler, options: Partial<RemoteAssistanceClientOptions> = {}) {
  server = await startGraphServer(handler);
  return createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, retry: false, ...options });
}

describe("validation modes", () => {
  it("request: a valid body is sent; an invalid one refused; responses are not judged", async () => {
    const client = await clientFor((_q, r) => json(r, 200, badPartner), { validate: "request" });
    await expect(client.update(id, { displayName: "x" })).resolves.toMatchObject({ onboardingStatus: "on" });
    await expect(client.update(id, { onboardingStatus: "on" } as never)).rejects.toMatchObject({ name: "ContractViolationError", direction: "request" });
    expect(server.seen).toHaveLength(1);
  });

  it("response: an invalid body goes out as it is; a response breaking the contract is refused", async () => {
    const client = await clientFor((_q, r) => json(r, 200, badPartner), { validate: "response" });
    const error = await rejection(client.update(id, { onboardingStatus: "on" } as never));
    expect(error).toMatchObject({ name: "ContractViolationError", direction: "response", status: 200 });
    expect(server.seen).toHaveLength(1);
    expect(JSON.parse(server.seen[0]!.body)).toEqual({ onboardingStatus: "on" });
  });

  it("both: refuses before sending, and refuses a bad response", async () => {
    const client = await clientFor((_q, r) => json(r, 200, badPartner), { validate: "both" });
    await expect(client.update(id, { onboardingStatus: "on" } as never)).rejects.toMatchObject({ direction: "request" });
    expect(server.seen).toHaveLength(0);
    await expect(client.get(id)).rejects.toMatchObject({ direction: "response" });
  });

  it("a list page is judged as a page: a valid page passes, a bad partner inside it is named by its path", async () => {
    const page = { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/remoteAssistancePartners", value: [seedPartner] };
    let answer: unknown = page;
    const client = await clientFor((_q, r) => json(r, 200, answer), { validate: "response" });
    await expect(client.list()).resolves.toEqual(page);
    answer = { value: [seedPartner, badPartner] };
    const error = await rejection(client.list());
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.errors.map((e: { path: string }) => e.path)).toEqual(["/value/1/onboardingStatus"]);
    expect(error.message).toMatch(/^The 200 response body breaks the contract: \/value\/1\/onboardingStatus /);
  });

  it("a created partner and the create body are judged as such", async () => {
    const client = await clientFor((_q, r) => json(r, 201, seedPartner), { validate: "both" });
    await expect(client.create({ displayName: "x" })).resolves.toEqual(seedPartner);
    const refused = await rejection(client.create({ id: "x" } as never));
    expect(refused.message).toMatch(/^The create body breaks the contract: \/id /);
  });
});

describe("count", () => {
  it.each(["12", " 12\n", "0"])("reads %j", async (text) => {
    const client = await clientFor((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end(text);
    });
    expect(await client.count()).toBe(Number(text.trim()));
  });

  it.each(["12 partners", "x12", "1.5", "-1", "", "1e3"])("refuses %j: InvalidResponse", async (text) => {
    const client = await clientFor((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end(text);
    });
    const error = await rejection(client.count());
    expect(error).toMatchObject({ name: "GraphError", code: "InvalidResponse", status: 200 });
    expect(error.message).toBe(`HTTP 200 with a count that is not a whole number (${JSON.stringify(text.trim())})`);
  });

  it("a long refusal quotes the first 40 characters only", async () => {
    const client = await clientFor((_q, r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.end(`<html>${"x".repeat(100)}</html>`);
    });
    const error = await rejection(client.count());
    expect(error.message).toBe(`HTTP 200 with a count that is not a whole number (${JSON.stringify(`<html>${"x".repeat(34)}`)})`);
  });
});

describe("the request's id", () => {
  it("a header other than client-request-id is sent, and is not taken for the id", async () => {
    const client = await clientFor((_q, r) => noContent(r));
    await client.update(id, {}, { headers: { "x-correlation": "mine" } });
    const sent = server.seen[0]!.headers;
    expect(sent["x-correlation"]).toBe("mine");
    expect(sent["client-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("client-request-id in any case is the caller's, sent once, and in the error", async () => {
    const client = await clientFor((_q, r) => json(r, 404, { error: { code: "ResourceNotFound", message: "no" } }));
    const error = await rejection(client.get(id, undefined, { headers: { "Client-Request-Id": "mine-1" } }));
    expect(server.seen[0]!.headers["client-request-id"]).toBe("mine-1");
    expect(error.clientRequestId).toBe("mine-1");
  });
});

describe("GraphError as a caller reads it", () => {
  it("toJSON: every field, and the message", () => {
    const error = new GraphError({
      status: 429,
      code: "TooManyRequests",
      message: "slow down",
      requestId: "r",
      clientRequestId: "c",
      date: "d",
      retryAfterMs: 1000,
      body: { error: { code: "TooManyRequests", message: "slow down" } },
      cause: new Error("not serialised"),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "GraphError",
      status: 429,
      code: "TooManyRequests",
      message: "slow down",
      requestId: "r",
      clientRequestId: "c",
      date: "d",
      retryAfterMs: 1000,
      body: { error: { code: "TooManyRequests", message: "slow down" } },
    });
    expect(error.cause).toBeInstanceOf(Error);
    expect(new GraphError({ status: 0, code: "Timeout", message: "m" }).cause).toBeUndefined();
  });

  it("a long HTML error body: the message quotes its first 200 characters and an ellipsis; body keeps it", async () => {
    const html = `<html><body>${"Service Unavailable ".repeat(50)}</body></html>`;
    const client = await clientFor((_q, r) => {
      r.writeHead(503, "Service Unavailable", { "content-type": "text/html" });
      r.end(html);
    });
    const error = await rejection(client.get(id));
    expect(error.message).toBe(`HTTP 503 Service Unavailable: ${html.slice(0, 200)}…`);
    expect(error.body).toBe(html);
    expect(error.code).toBe("UnknownError");
  });

  it("a short text body is quoted whole, no ellipsis; an empty one says so", async () => {
    let body = "  down for maintenance  ";
    const client = await clientFor((_q, r) => {
      r.writeHead(500, { "content-type": "text/plain" });
      r.end(body);
    });
    expect((await rejection(client.get(id))).message).toBe("HTTP 500 Internal Server Error: down for maintenance");
    body = "";
    const empty = await rejection(client.get(id));
    expect(empty.message).toBe("HTTP 500 Internal Server Error: (empty body)");
    expect(empty.body).toBeUndefined();
  });

  it("an OData error's ids come from innerError before the headers; the date too", async () => {
    const client = await clientFor((_q, r) =>
      json(r, 403, { error: { code: "Forbidden", message: "no", innerError: { "request-id": "inner-req", "client-request-id": "inner-client", date: "2026-11-29T09:00:00" } } }, { "request-id": "header-req", date: "Sun, 29 Nov 2026 09:00:00 GMT" }),
    );
    expect(await rejection(client.get(id))).toMatchObject({ status: 403, code: "Forbidden", message: "no", requestId: "inner-req", clientRequestId: "inner-client", date: "2026-11-29T09:00:00" });
  });

  it("JSON that is not an OData error is kept as text, UnknownError", async () => {
    const client = await clientFor((_q, r) => json(r, 400, { message: "not odata" }));
    const error = await rejection(client.get(id));
    expect(error).toMatchObject({ code: "UnknownError", body: '{"message":"not odata"}' });
  });

  it("ContractViolationError: direction, errors, status and a message listing each path", () => {
    const error = new ContractViolationError("response", [{ path: "", message: "must be object" }, { path: "/id", message: "must be string" }], "The 200 response body", 200);
    expect(error).toMatchObject({ name: "ContractViolationError", direction: "response", status: 200 });
    expect(error.message).toBe("The 200 response body breaks the contract: (body) must be object; /id must be string");
  });
});

describe("tokens from getAccessToken", () => {
  it("an empty token is refused, by the methods and raw alike: AuthenticationFailed, nothing sent (never `Bearer ` or `Bearer undefined`)", async () => {
    const requests: string[] = [];
    const fetch = async (input: string | Request) => (requests.push(String(input)), Response.json({ value: [] }));
    for (const [token, got] of [["", "an empty string"], [undefined, "undefined"]] as const) {
      const client = createRemoteAssistanceClient({ baseUrl: "https://graph.example/v1.0", getAccessToken: () => token as string, fetch, retry: false });
      const error = await rejection(client.list());
      expect(error).toMatchObject({ name: "GraphError", code: "AuthenticationFailed", message: `getAccessToken must give a non-empty string token, got ${got}` });
      await expect(client.raw.GET("/deviceManagement/remoteAssistancePartners")).rejects.toMatchObject({ code: "AuthenticationFailed" });
    }
    expect(requests).toEqual([]);
  });
});
