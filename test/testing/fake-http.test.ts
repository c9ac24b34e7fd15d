// The fake's HTTP server and request log, driven in the test's own process with raw HTTP over node:net: requests a
// well-behaved client never sends (bad Host forms, absolute-form targets, bodies at and past the cap, a fault inside
// the fake) and what `fake.requests` keeps of each. hostile.test.ts sends some of the same requests to a fake in a
// child process, to measure its memory and see that process live on; here the answers and the log are pinned,
// where the mutation run can see them. The last describe pins the body cap over msw (./body.ts's other reader).
import http from "node:http";
import { syncBuiltinESMExports } from "node:module";
import { connect, type Socket } from "node:net";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceFake, type FakeServer, type RemoteAssistanceFake } from "../../src/testing.js";

const PARTNERS = "/v1.0/deviceManagement/remoteAssistancePartners";
const SEED_ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";
/** The cap the shared fake runs with: above the log's 64 KiB body limit, so both can be reached in one fake. */
const CAP = 70 * 1024;
const TOO_LARGE = { code: "RequestEntityTooLarge", message: `The request body is larger than the fake accepts (${CAP} bytes).` };

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The body of a chunked response at the start of `bytes` and the bytes after it; undefined while incomplete. */
function dechunk(bytes: Buffer): { body: Buffer; rest: Buffer } | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(bytes.subarray(at, lineEnd).toString("latin1"), 16);
    if (size === 0) return bytes.length < lineEnd + 4 ? undefined : { body: Buffer.concat(parts), rest: bytes.subarray(lineEnd + 4) };
    if (bytes.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** The whole responses read from one connection, in order: framed by Content-Length, chunked, or (HTTP/1.0) by the close. */
function parseResponses(raw: Buffer, closed: boolean): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = raw;
  for (;;) {
    const end = rest.indexOf("\r\n\r\n");
    if (end < 0) return out;
    const [statusLine, ...lines] = rest.subarray(0, end).toString("latin1").split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of lines) headers[line.slice(0, line.indexOf(":")).toLowerCase()] = line.slice(line.indexOf(":") + 1).trim();
    const after = rest.subarray(end + 4);
    const length = headers["content-length"] === undefined ? (closed ? after.length : Infinity) : Number(headers["content-length"]);
    const framed = headers["transfer-encoding"] === "chunked" ? dechunk(after) : after.length < length ? undefined : { body: after.subarray(0, length), rest: after.subarray(length) };
    if (!framed) return out;
    out.push({ status: Number(statusLine!.split(" ")[1]), headers, body: framed.body.toString("utf8") });
    rest = framed.rest;
  }
}

/** A raw connection: what is written goes out as written; `until` waits for n whole responses without closing. */
class Connection {
  private received = Buffer.alloc(0);
  private isClosed = false;
  private readonly waiters: (() => void)[] = [];
  readonly closed: Promise<void>;
  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.on("close", () => {
        this.isClosed = true;
        for (const wake of this.waiters.splice(0)) wake();
        resolve();
      }),
    );
    // A reset after the last answer is not this test's concern: what was answered is what it checks.
    socket.on("error", () => undefined);
  }
  static async open(port: number): Promise<Connection> {
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    return new Connection(socket);
  }
  write(text: string | Buffer): void {
    this.socket.write(text);
  }
  responses(): RawResponse[] {
    return parseResponses(this.received, this.isClosed);
  }
  async until(count: number): Promise<RawResponse[]> {
    while (this.responses().length < count) {
      if (this.isClosed) throw new Error(`the connection closed after ${this.responses().length} of ${count} answers`);
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
    return this.responses();
  }
  end(): void {
    this.socket.end();
  }
  destroy(): void {
    this.socket.destroy();
  }
}

/** Sends one request as written (it should say Connection: close) and resolves to the one answer. */
async function exchange(port: number, text: string | Buffer): Promise<RawResponse> {
  const connection = await Connection.open(port);
  connection.write(text);
  const [response] = await connection.until(1);
  connection.end();
  return response!;
}

/** A request's text: `head` lines (each ending in CRLF) between the request line and the blank line; the last on its connection by default. */
const request = (method: string, target: string, head: string, body = "", last = true) => `${method} ${target} HTTP/1.1\r\n${head}${last ? "Connection: close\r\n" : ""}\r\n${body}`;
const AUTH = "Authorization: Bearer secret-token\r\n";
const HOST = "Host: 127.0.0.1\r\n";
const errorOf = (response: RawResponse) => (JSON.parse(response.body) as { error: { code: string; message: string } }).error;
/** A JSON body padded with blanks (still the same JSON) to exactly `bytes` bytes. */
const padded = (value: unknown, bytes: number) => JSON.stringify(value).padEnd(bytes, " ");
/** A chunk of a chunked request body. */
const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;

describe("the fake over HTTP, in the test's process", () => {
  let fake: RemoteAssistanceFake;
  let server: FakeServer;
  let port: number;
  beforeAll(async () => {
    fake = createRemoteAssistanceFake({ maxRequestBodyBytes: CAP, throttle: false });
    server = await fake.listen();
    port = Number(new URL(server.url).port);
  });
  afterEach(() => fake.reset());
  afterAll(() => server.close());

  describe("requests the fake cannot read: 400 in Graph's error shape, and logged", () => {
    it("a path whose percent-encoding is broken: the segment is named, and the log keeps the path as sent", async () => {
      const response = await exchange(port, request("GET", `${PARTNERS}/%E0%A4%A`, HOST + AUTH));
      expect(response.status).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: "BadRequest", message: "The request URI is not valid: the segment '%E0%A4%A' is not percent-encoded correctly." });
      expect(fake.requests).toMatchObject([{ method: "GET", path: `${PARTNERS}/%E0%A4%A`, status: 400 }]);
    });

    it.each([
      ["a blank in it", "Host: a b\r\n"],
      ["user info", "Host: user@x\r\n"],
      ["a path in it", "Host: x/y\r\n"],
      ["nothing in it", "Host: \r\n"],
      ["a port too long", "Host: x:123456\r\n"],
      ["an unclosed IPv6 literal", "Host: [::1\r\n"],
      ["a bracketed name that is not an IP literal", "Host: [zz]\r\n"],
      ["a second Host after it", "Host: a\r\nHost: b\r\n"],
    ])("a Host with %s", async (_, host) => {
      const response = await exchange(port, request("GET", `${PARTNERS}?$top=1`, host + AUTH));
      expect(response.status).toBe(400);
      expect(response.headers["content-type"]).toBe("application/json; odata.metadata=minimal");
      expect(errorOf(response)).toMatchObject({ code: "BadRequest", message: "The Host header is missing, repeated or not a valid host." });
      expect(fake.requests).toEqual([{ method: "GET", path: PARTNERS, query: { $top: "1" }, status: 400, headers: expect.any(Object), body: undefined }]);
    });

    it("an absolute-form target that is not a URL: logged with an empty path and no query", async () => {
      const response = await exchange(port, request("GET", "http://[::1/v1.0/x?$top=1", HOST + AUTH));
      expect(response.status).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: "BadRequest", message: "The request target is not a path the fake can read." });
      expect(fake.requests).toEqual([{ method: "GET", path: "", query: {}, status: 400, headers: expect.any(Object), body: undefined }]);
    });
  });

  describe("what it reads", () => {
    /** The base URL the fake put in a list's @odata.context: it is built from the Host the request came with. */
    const contextBase = (response: RawResponse) => (JSON.parse(response.body) as Record<string, string>)["@odata.context"]!.replace(/\/\$metadata#.*$/, "");

    it.each(["127.0.0.1", "localhost:8080", "[::1]:8080", "[::ffff:127.0.0.1]", "fake.example"])("a Host of %s: served, and the links are under it", async (host) => {
      const response = await exchange(port, request("GET", `${PARTNERS}?$top=1`, `Host: ${host}\r\n${AUTH}`));
      expect(response.status).toBe(200);
      expect(contextBase(response)).toBe(`http://${host}/v1.0`);
    });

    it("no Host (HTTP/1.0): the links are under the address the fake listens on", async () => {
      const response = await exchange(port, `GET ${PARTNERS}?$top=1 HTTP/1.0\r\n${AUTH}\r\n`);
      expect(response.status).toBe(200);
      expect(contextBase(response)).toBe(`http://127.0.0.1:${port}/v1.0`);
    });

    it("an absolute-form target (as a proxy sends it): routed and logged by its path and query", async () => {
      const response = await exchange(port, request("GET", `http://127.0.0.1:${port}${PARTNERS}?%24top=1&x=a%20b`, HOST + AUTH));
      expect(response.status).toBe(200);
      expect((JSON.parse(response.body) as { value: unknown[] }).value).toHaveLength(1);
      expect(fake.requests).toMatchObject([{ method: "GET", path: PARTNERS, query: { $top: "1", x: "a b" } }]);
      const plain = await exchange(port, request("GET", `http://fake.example${PARTNERS}/${SEED_ID}`, HOST + AUTH));
      expect(plain.status).toBe(200);
      expect(JSON.parse(plain.body)).toMatchObject({ id: SEED_ID });
    });

    // RFC 9112 §3.2.2: with an absolute-form target the server ignores Host and uses the target's authority.
    it("an absolute-form target: the links are under its authority, whatever Host says (even two Hosts)", async () => {
      const listed = await exchange(port, request("GET", `https://fake.example:8443${PARTNERS}?$top=1`, HOST + AUTH));
      expect(listed.status).toBe(200);
      expect(contextBase(listed)).toBe("https://fake.example:8443/v1.0");
      const twoHosts = await exchange(port, request("GET", `http://proxy.example${PARTNERS}?$top=1`, `Host: a\r\nHost: b\r\n${AUTH}`));
      expect(twoHosts.status).toBe(200);
      expect(contextBase(twoHosts)).toBe("http://proxy.example/v1.0");
    });
  });

  describe("a request header Node's parser lets through but fetch's Headers refuses", () => {
    // Only a process run with --insecure-http-parser (NODE_OPTIONS) lets a NUL through in a header value; the fake
    // still answers it. The flag cannot be turned on in a running process, so node:http's createServer is swapped,
    // for this describe only, for one that passes the same setting as a server option.
    let original: typeof http.createServer;
    let lenient: RemoteAssistanceFake;
    let lenientServer: FakeServer;
    beforeAll(async () => {
      original = http.createServer;
      http.createServer = ((listener: Parameters<typeof http.createServer>[1]) => original({ insecureHTTPParser: true }, listener)) as typeof http.createServer;
      syncBuiltinESMExports();
      lenient = createRemoteAssistanceFake({ throttle: false });
      lenientServer = await lenient.listen();
    });
    afterAll(async () => {
      http.createServer = original;
      syncBuiltinESMExports();
      await lenientServer.close();
    });

    it("a NUL in a header value: 400, logged without the headers", async () => {
      const response = await exchange(Number(new URL(lenientServer.url).port), request("GET", `${PARTNERS}?$top=0`, `${HOST}${AUTH}X-Odd: a\u0000b\r\n`));
      expect(response.status).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: "BadRequest", message: "A request header cannot be read." });
      expect(lenient.requests).toEqual([{ method: "GET", path: PARTNERS, query: { $top: "0" }, status: 400, headers: {}, body: undefined }]);
    });
  });

  describe("the body cap", () => {
    const patch = (head: string, body = "", last = true) => request("PATCH", `${PARTNERS}/${SEED_ID}`, HOST + AUTH + "Content-Type: application/json\r\n" + head, body, last);

    it("a declared Content-Length over the cap: 413 before a byte of the body is sent", async () => {
      // The body never comes: only an answer made from the headers alone can arrive.
      const connection = await Connection.open(port);
      connection.write(patch(`Content-Length: ${CAP + 1}\r\n`));
      const [response] = await connection.until(1);
      connection.end();
      expect(response!.status).toBe(413);
      expect(errorOf(response!)).toMatchObject(TOO_LARGE);
      expect(fake.requests).toMatchObject([{ method: "PATCH", path: `${PARTNERS}/${SEED_ID}`, status: 413, body: undefined }]);
    });

    it("a body of exactly the cap, declared: accepted", async () => {
      const body = padded({ displayName: "At the cap" }, CAP);
      const response = await exchange(port, patch(`Content-Length: ${CAP}\r\n`, body));
      expect(response.status).toBe(204);
      expect(fake.partners().find((p) => p.id === SEED_ID)?.displayName).toBe("At the cap");
    });

    it("a body of exactly the cap, streamed without a length: accepted", async () => {
      const body = padded({ displayName: "Streamed to the cap" }, CAP);
      const response = await exchange(port, patch("Transfer-Encoding: chunked\r\n", chunk(body.slice(0, 1000)) + chunk(body.slice(1000)) + "0\r\n\r\n"));
      expect(response.status).toBe(204);
      expect(fake.partners().find((p) => p.id === SEED_ID)?.displayName).toBe("Streamed to the cap");
    });

    it("a body streamed past the cap: one 413, the rest read and dropped, and the connection serves the next request", async () => {
      const connection = await Connection.open(port);
      connection.write(patch("Transfer-Encoding: chunked\r\n", chunk("a".repeat(CAP / 2)) + chunk("a".repeat(CAP / 2 + 1)), false));
      const [refused] = await connection.until(1);
      expect(refused!.status).toBe(413);
      expect(errorOf(refused!)).toMatchObject(TOO_LARGE);
      // More of the body after the 413, then its end, then another request on the same connection.
      connection.write(chunk("a".repeat(1000)) + "0\r\n\r\n");
      connection.write(request("GET", `${PARTNERS}?$top=0`, HOST + AUTH));
      const [, next] = await connection.until(2);
      expect(next!.status).toBe(200);
      // Logged once, without the body: neither the chunks after the refusal nor the body's end count again.
      expect(fake.requests.map((r) => [r.method, r.status, r.body])).toEqual([
        ["PATCH", 413, undefined],
        ["GET", 200, undefined],
      ]);
      expect(fake.partners().find((p) => p.id === SEED_ID)?.displayName).toBe("Display Name value");
    });
    it("a caller that goes away mid-body: nothing is answered or logged, and the fake serves the next request", async () => {
      const connection = await Connection.open(port);
      connection.write(patch("Content-Length: 1000\r\n", '{"displayName":', false));
      connection.destroy();
      await connection.closed;
      expect((await exchange(port, request("GET", `${PARTNERS}?$top=0`, HOST + AUTH))).status).toBe(200);
      expect(fake.requests.map((r) => [r.method, r.status])).toEqual([["GET", 200]]);
    });
  });

  describe("fake.requests", () => {
    it("records the method, the path as sent, the query decoded, the status, the headers by lower-case name and the body parsed", async () => {
      const body = JSON.stringify({ displayName: "Logged" });
      const head = `${HOST}${AUTH}Content-Type: application/json\r\nClient-Request-ID: c-1\r\nX-Custom: Kept As Sent\r\nContent-Length: ${body.length}\r\n`;
      await exchange(port, request("PATCH", `${PARTNERS}/${SEED_ID}?a%20b=c%2Fd&n=1&n=2`, head, body));
      expect(fake.requests).toEqual([
        {
          method: "PATCH",
          path: `${PARTNERS}/${SEED_ID}`,
          // Decoded, and the last value of a repeated name.
          query: { "a b": "c/d", n: "2" },
          status: 204,
          headers: {
            host: "127.0.0.1",
            authorization: "Bearer [hidden]",
            "content-type": "application/json",
            "client-request-id": "c-1",
            "x-custom": "Kept As Sent",
            "content-length": String(body.length),
            connection: "close",
          },
          body: { displayName: "Logged" },
        },
      ]);
    });

    it.each([
      ["Bearer secret-token", "Bearer [hidden]"],
      ["Basic dXNlcjpwYXNz", "Basic [hidden]"],
      ["Bearer  secret-token  with blanks", "Bearer [hidden]"],
      // A token sent without its scheme is all secret: none of it is kept.
      ["secret-token", "[hidden]"],
      ["", "[hidden]"],
    ])("Authorization: %j is logged as %j", async (sent, logged) => {
      await exchange(port, request("GET", `${PARTNERS}?$top=0`, `${HOST}Authorization: ${sent}\r\n`));
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.headers.authorization).toBe(logged);
      expect(JSON.stringify(fake.requests)).not.toContain("secret-token");
    });

    it.each([
      ["text that is not JSON: as text", "not json", "not json"],
      ["64 KiB of JSON: parsed", padded({ displayName: "Large" }, 64 * 1024), { displayName: "Large" }],
      ["one character past 64 KiB: its size only", padded({ displayName: "Larger" }, 64 * 1024 + 1), `[${64 * 1024 + 1} characters, not recorded]`],
    ])("a body of %s", async (_, body, logged) => {
      const head = `${HOST}${AUTH}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
      await exchange(port, request("PATCH", `${PARTNERS}/${SEED_ID}`, head, body));
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.body).toEqual(logged);
    });

    it("no body, and a refused request's: undefined", async () => {
      await exchange(port, request("GET", `${PARTNERS}?$top=0`, HOST + AUTH));
      await exchange(port, request("GET", `${PARTNERS}?$top=0`, "Host: a b\r\n" + AUTH));
      expect(fake.requests.map((r) => [r.status, r.body])).toEqual([
        [200, undefined],
        [400, undefined],
      ]);
    });

    it("keeps the last 1,000 requests", async () => {
      // Pipelined on one connection, each told apart by its client-request-id.
      const connection = await Connection.open(port);
      const total = 1001;
      for (let n = 1; n <= total; n++) connection.write(request("GET", `${PARTNERS}?$top=0`, `${HOST}${AUTH}client-request-id: ${n}\r\n`, "", n === total));
      await connection.closed;
      expect(connection.responses()).toHaveLength(total);
      expect(fake.requests).toHaveLength(1000);
      expect(fake.requests[0]!.headers["client-request-id"]).toBe("2");
      expect(fake.requests.at(-1)!.headers["client-request-id"]).toBe(String(total));
    });
    it("an absolute-form target with no path: logged with an empty path and its query, and outside the version", async () => {
      const response = await exchange(port, request("GET", "foo://h?a=1", HOST + AUTH));
      expect(response.status).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: "BadRequest", message: "Invalid version." });
      expect(fake.requests).toMatchObject([{ path: "", query: { a: "1" }, status: 400 }]);
    });
  });

  describe("a fault inside the fake", () => {
    let broken: RemoteAssistanceFake;
    let brokenServer: FakeServer;
    beforeAll(async () => {
      // A clock that fails: every answer the fake builds reads it, so building one throws inside the server.
      broken = createRemoteAssistanceFake({ now: () => { throw new Error("the test's clock failed"); }, throttle: false });
      brokenServer = await broken.listen();
    });
    afterAll(() => brokenServer.close());

    it("is answered 500 with what failed, as text, before any header was sent", async () => {
      const response = await exchange(Number(new URL(brokenServer.url).port), request("GET", PARTNERS, "Host: a b\r\n"));
      expect(response.status).toBe(500);
      expect(response.headers["content-type"]).toBe("text/plain");
      expect(response.body).toBe("The fake failed: Error: the test's clock failed");
    });
  });
});

describe("the body cap over msw, where the body is a web stream", () => {
  // A loopback address nothing listens on: should a request slip past msw, it fails here, never on the network.
  const base = "http://127.0.0.1:9/v1.0";
  const url = `${base}/deviceManagement/remoteAssistancePartners/${SEED_ID}`;
  const headers = { authorization: "Bearer t", "content-type": "application/json" };
  const MSW_CAP = 100;
  let fake: RemoteAssistanceFake;
  let server: ReturnType<typeof setupServer>;
  beforeAll(() => {
    fake = createRemoteAssistanceFake({ baseUrl: base, maxRequestBodyBytes: MSW_CAP, throttle: false });
    server = setupServer(...fake.handlers);
    server.listen({ onUnhandledRequest: "error" });
  });
  afterEach(() => fake.reset());
  afterAll(() => server.close());

  it("a request without a body is logged without one", async () => {
    expect((await fetch(`${base}/deviceManagement/remoteAssistancePartners?$top=0`, { headers })).status).toBe(200);
    expect(fake.requests).toMatchObject([{ method: "GET", status: 200, body: undefined }]);
  });

  it.each([
    // Declared past the cap: refused on the declaration, though the body sent is small.
    [`${MSW_CAP + 1}`, 413],
    [`${MSW_CAP}`, 204],
    // Not a whole number of bytes: not trusted, the body is read and measured instead.
    ["1e9", 204],
    ["+1000", 204],
  ])("a declared Content-Length of %s with a small body: %i", async (declared, status) => {
    const response = await fetch(url, { method: "PATCH", headers: { ...headers, "content-length": declared }, body: JSON.stringify({ displayName: "Small" }) });
    expect(response.status).toBe(status);
    expect(fake.requests).toMatchObject([{ method: "PATCH", status }]);
  });

  it("a body of exactly the cap is accepted; one byte more is 413", async () => {
    const at = await fetch(url, { method: "PATCH", headers, body: padded({ displayName: "At the cap" }, MSW_CAP) });
    expect(at.status).toBe(204);
    const past = await fetch(url, { method: "PATCH", headers, body: padded({ displayName: "Past the cap" }, MSW_CAP + 1) });
    expect(past.status).toBe(413);
    expect((await past.json()).error).toMatchObject({ code: "RequestEntityTooLarge", message: `The request body is larger than the fake accepts (${MSW_CAP} bytes).` });
    expect(fake.partners().find((p) => p.id === SEED_ID)?.displayName).toBe("At the cap");
  });

  it("a character split between two chunks of the stream arrives whole", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ displayName: "Café ☕" }));
    const cut = bytes.indexOf(0xc3) + 1; // inside é's two bytes
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    const response = await fetch(url, { method: "PATCH", headers, body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(204);
    expect(fake.requests[0]!.body).toEqual({ displayName: "Café ☕" });
    expect(fake.partners().find((p) => p.id === SEED_ID)?.displayName).toBe("Café ☕");
  });
});
