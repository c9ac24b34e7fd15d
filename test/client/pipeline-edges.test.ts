// The call pipeline at its edges, through a stand-in fetch (no server: the shapes here are ones a real server cannot
// easily produce): a 401 invalid_token without a body, fetch rejecting with odd things, a JSON content-type with no
// body, and tokens that JSON escapes when a server echoes them.
import { describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, type FetchLike, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { redactor } from "../../src/core/redact.js";
const redact = (text: string, tokens: Iterable<string>) => redactor(tokens)(text);

const BASE = "https://graph.example/v1.0";
const ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";

/** A client whose fetch is `answer`, with the Authorization header of every attempt recorded. */
function clientAnswering(answer: (attempt: number) => Response | Promise<Response>, options: Partial<RemoteAssistanceClientOptions> = {}) {
  const sent: string[] = [];
  const client = createRemoteAssistanceClient({
    baseUrl: BASE,
    getAccessToken: () => "token",
    retry: false,
    fetch: async (_input, init) => {
      sent.push(String((init?.headers as Record<string, string>).Authorization));
      return answer(sent.length);
    },
    ...options,
  });
  return { client, sent };
}

describe("a 401 invalid_token", () => {
  it("without a body: the cached token is dropped and the call resent, the same as with one", async () => {
    let asked = 0;
    const credential = { getToken: async () => ({ token: `token-${++asked}`, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const { client, sent } = clientAnswering(
      (attempt) => (attempt === 1 ? new Response(null, { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } }) : new Response(null, { status: 204 })),
      { getAccessToken: undefined, credential },
    );
    await expect(client.update(ID, { displayName: "x" })).resolves.toBeUndefined();
    expect(sent).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("a success is never resent, whatever it says", async () => {
    const credential = { getToken: async () => ({ token: "only", expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const { client, sent } = clientAnswering(() => new Response(null, { status: 204, headers: { "www-authenticate": 'Bearer error="invalid_token"' } }), { getAccessToken: undefined, credential });
    await client.update(ID, { displayName: "x" });
    expect(sent).toEqual(["Bearer only"]);
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

describe("a JSON content-type", () => {
  it("with no body where a partner is due: InvalidResponse saying there was no body", async () => {
    const { client } = clientAnswering(() => new Response("", { status: 200, headers: { "content-type": "application/json" } }));
    await expect(client.get(ID)).rejects.toMatchObject({ code: "InvalidResponse", message: "HTTP 200 with a partner with no body" });
  });
});

describe("redact", () => {
  it("replaces every token as sent and as JSON escapes it, and leaves everything else", () => {
    expect(redact('a tok"en\\ b tok\\"en\\\\ c', ['tok"en\\'])).toBe("a [redacted] b [redacted] c");
    expect(redact("one two one", ["one", "two"])).toBe("[redacted] [redacted] [redacted]");
    expect(redact("nothing here", ["absent"])).toBe("nothing here");
  });
});
