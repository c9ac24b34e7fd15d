// The exported `retry` middleware on a consumer's own openapi-fetch client (raw uses it too): what it replays, which
// ids it sends, what it gives back when retries run out or fail, and what it leaves alone.
import createClient, { type Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { retry, type paths } from "../../src/index.js";

const BASE = "https://graph.example/v1.0";
const ITEM = "/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}";
const params = { path: { remoteAssistancePartnerId: "p1" } };

interface Sent {
  method: string;
  body: string;
  clientRequestId: string | null;
  retryAttempt: string | null;
}

/** An openapi-fetch client with `middleware`, whose fetch answers with `answers` in turn (a thrown value rejects). */
function clientWith(answers: (Response | { reject: unknown })[], ...middleware: Middleware[]) {
  const sent: Sent[] = [];
  const client = createClient<paths>({
    baseUrl: BASE,
    fetch: async (request: Request) => {
      sent.push({ method: request.method, body: await request.text(), clientRequestId: request.headers.get("client-request-id"), retryAttempt: request.headers.get("retry-attempt") });
      const answer = answers.shift()!;
      if ("reject" in answer) throw answer.reject;
      return answer;
    },
  });
  client.use(...middleware);
  return { client, sent };
}
const status = (code: number, headers: Record<string, string> = {}) => new Response(code === 204 ? null : "{}", { status: code, headers: { "content-type": "application/json", ...headers } });

describe("the retry middleware", () => {
  it("replays the request, body included, with one client-request-id and Retry-Attempt on the replays", async () => {
    const { client, sent } = clientWith([status(503, { "retry-after": "0" }), status(503, { "retry-after": "0" }), status(204)], retry({ baseDelayMs: 1 }));
    const { response } = await client.PATCH(ITEM, { params, body: { displayName: "x" } });
    expect(response.status).toBe(204);
    expect(sent.map((s) => [s.method, s.body, s.retryAttempt])).toEqual([
      ["PATCH", '{"displayName":"x"}', null],
      ["PATCH", '{"displayName":"x"}', "1"],
      ["PATCH", '{"displayName":"x"}', "2"],
    ]);
    expect(sent[0]!.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(sent.map((s) => s.clientRequestId)).size).toBe(1);
  });

  it("keeps the caller's client-request-id", async () => {
    const { client, sent } = clientWith([status(204)], retry());
    await client.PATCH(ITEM, { params, body: {}, headers: { "client-request-id": "mine" } });
    expect(sent[0]!.clientRequestId).toBe("mine");
  });

  it("leaves a response it does not retry as it is: one request", async () => {
    const { client, sent } = clientWith([status(400)], retry({ baseDelayMs: 1 }));
    expect((await client.GET(ITEM, { params })).response.status).toBe(400);
    expect(sent).toHaveLength(1);
  });

  it("when retries run out, the last response", async () => {
    const { client, sent } = clientWith([status(503), status(504)], retry({ maxRetries: 1, baseDelayMs: 1 }));
    expect((await client.GET(ITEM, { params })).response.status).toBe(504);
    expect(sent).toHaveLength(2);
  });

  it("a replay that fails: the failure, not the earlier response", async () => {
    const failure = new TypeError("fetch failed");
    const { client } = clientWith([status(503), { reject: failure }], retry({ maxRetries: 1, baseDelayMs: 1 }));
    await expect(client.GET(ITEM, { params })).rejects.toBe(failure);
  });

  it("a connection that fails each time: the last error; one that is not an Error becomes one, carrying it", async () => {
    const { client, sent } = clientWith([{ reject: new Error("first") }, { reject: "second" }], retry({ maxRetries: 1, baseDelayMs: 1 }));
    const error = await client.GET(ITEM, { params }).catch((e: unknown) => e);
    expect(sent).toHaveLength(2);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ message: "second", cause: "second" });
  });

  it("a request another middleware replaced after it is not replayed (it never saw that one): its 503 comes back as it is", async () => {
    const replacing: Middleware = { onRequest: ({ request }) => new Request(request, { headers: { "x-added": "late" } }) };
    const { client, sent } = clientWith([status(503), status(204)], retry({ baseDelayMs: 1 }), replacing);
    expect((await client.GET(ITEM, { params })).response.status).toBe(503);
    expect(sent).toHaveLength(1);
  });
});
