// What a failed call hands the caller: an error that names the call it came from (the methods' and raw's, a
// request or a response the contract refuses), cleared of the call's token in every field a server or a fetch could
// have filled (nested strings of the body, the cause), with a stack that keeps the frames but not the secret.
import { describe, expect, it } from "vitest";
import { ContractViolationError, GraphError, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { clientAnswering } from "../helpers/stub-client.js";

const BASE = "https://graph.example/v1.0";
const PARTNER_URL = `${BASE}/deviceManagement/remoteAssistancePartners/p1`;
/** A token new for each test: the redactor caches its pattern per token (see redaction.test.ts). */
const newToken = () => `tok-${Math.random().toString(36).slice(2, 10)}-secret`;

/** The stub client (../helpers/stub-client.ts) with a token of its own, which `answer` is given to echo. */
function clientWith(answer: (token: string) => Response | Promise<Response>, options: Partial<RemoteAssistanceClientOptions> = {}) {
  const token = newToken();
  return { token, ...clientAnswering(() => answer(token), { getAccessToken: () => token, ...options }) };
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("the call should fail"), (error: unknown) => error as any);

describe("the call an error names", () => {
  it("a response the contract refuses: the ContractViolationError names the call", async () => {
    const { client } = clientWith(async () => Response.json({ id: "p1", onboardingStatus: "done" }), { validate: "response" });
    const error = await failure(client.get("p1"));
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.call).toEqual({ operationId: "getRemoteAssistancePartner", method: "GET", url: PARTNER_URL });
  });

  it("a request body the contract refuses: nothing is sent, and the ContractViolationError names the call", async () => {
    const { client, sent } = clientWith(() => new Response(null, { status: 204 }), { validate: "request" });
    const error = await failure(client.update("p1", { onboardingStatus: "done" } as never));
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.call).toEqual({ operationId: "updateRemoteAssistancePartner", method: "PATCH", url: PARTNER_URL });
    expect(sent).toEqual([]);
  });

  it('a raw request to a path outside the contract: its failure names the call "raw", with its method and URL', async () => {
    const { client } = clientWith(() => Promise.reject(new TypeError("fetch failed")));
    const error = await failure(client.raw.GET("/deviceManagement/somethingElse" as never));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: "NetworkError", call: { operationId: "raw", method: "GET", url: `${BASE}/deviceManagement/somethingElse` } });
  });
});

describe("what an error keeps of a secret", () => {
  it("every string of an error body is cleared, however deep, in arrays too; numbers, booleans and nulls are kept", async () => {
    const { client } = clientWith((token) =>
      Response.json(
        {
          error: {
            code: "BadRequest",
            message: "bad",
            details: [{ code: "Echo", message: `token ${token} echoed`, target: null }, `bare ${token}`, 7],
            innerError: { count: 3, retryable: false, echo: [[token]] },
          },
        },
        { status: 400 },
      ),
    );
    const error = await failure(client.get("p1"));
    expect(error.body).toEqual({
      error: {
        code: "BadRequest",
        message: "bad",
        details: [{ code: "Echo", message: "token [redacted] echoed", target: null }, "bare [redacted]", 7],
        innerError: { count: 3, retryable: false, echo: [["[redacted]"]] },
      },
    });
  });

  it("the stack: the cleared message on its first line, then the frames where the error was thrown, and no token", async () => {
    const { client, token } = clientWith((echoed) => Response.json({ error: { code: "InvalidAuthenticationToken", message: `Token ${echoed} has expired.` } }, { status: 401 }));
    const error = await failure(client.get("p1"));
    expect(error.message).toBe("Token [redacted] has expired.");
    const [first, ...frames] = String(error.stack).split("\n");
    expect(first).toBe("GraphError: Token [redacted] has expired.");
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((line) => line.startsWith("    at "))).toBe(true);
    expect(error.stack).not.toContain(token);
  });

  it("a cause whose message holds the token: an error of the same name in its place, message and stack cleared", async () => {
    const { client, token } = clientWith((echoed) => {
      throw new TypeError(`refused header Authorization: Bearer ${echoed}`);
    });
    const error = await failure(client.get("p1"));
    expect(error).toMatchObject({ code: "NetworkError", message: "The connection failed: refused header Authorization: Bearer [redacted]" });
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({ name: "TypeError", message: "refused header Authorization: Bearer [redacted]" });
    expect(error.cause.stack).toBe("TypeError: refused header Authorization: Bearer [redacted]");
    expect(JSON.stringify([error.cause.message, error.cause.stack, error.stack])).not.toContain(token);
  });

  it("a cause that holds no secret is handed on as it was thrown", async () => {
    const thrown = new TypeError("fetch failed");
    const { client } = clientWith(() => Promise.reject(thrown));
    const error = await failure(client.get("p1"));
    expect(error.cause).toBe(thrown);
  });
});
