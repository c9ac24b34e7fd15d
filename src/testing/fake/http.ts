// The fake over HTTP on 127.0.0.1, for everything that is not in the test's process (another process, Microsoft's
// SDKs, curl, `npm run mock`). Whatever arrives gets an HTTP answer and never an exception in the hosting process:
// a request it cannot read is a 400 (RFC 9112, 3.2: "a server MUST respond with a 400 (Bad Request) status code to
// any HTTP/1.1 request message that lacks a Host header field and to any request message that contains more than
// one Host header field line or a Host header field with an invalid field value"), a body past the cap a 413, read
// while it streams. Node itself answers what its parser refuses (400, 431 for headers too large).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tooLarge, declaredTooLarge } from "./body.js";
import type { FakeResponse } from "./replies.js";
import type { FakeRequest } from "./service.js";

/** What the HTTP adapter needs of the fake: its answers, its refusals (both logged), and the body cap. */
export interface FakeCore {
  answer(request: FakeRequest, base: string): FakeResponse;
  refuse(request: Omit<FakeRequest, "body">, status: number, code: string, message: string): FakeResponse;
  maxRequestBodyBytes: number;
}

export interface FakeServer {
  /** The base URL to give a client, e.g. http://127.0.0.1:PORT/v1.0 (or /beta) */
  url: string;
  close(): Promise<void>;
}

export async function serve(core: FakeCore, version: string, port = 0): Promise<FakeServer> {
  const server = createServer((req, res) => {
    try {
      handle(core, version, req, res);
    } catch (cause) {
      // Nothing above should throw; if it does, the caller still gets an answer and the host process lives on.
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`The fake failed: ${String(cause)}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/${version}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function handle(core: FakeCore, version: string, req: IncomingMessage, res: ServerResponse): void {
  const headers = readHeaders(req);
  const target = splitTarget(req.url ?? "/");
  const head = { method: req.method ?? "GET", path: target?.path ?? "", query: target?.query ?? new URLSearchParams(), headers: headers.value };
  // RFC 9112 §3.2.2: a server given an absolute-form target ignores Host and uses the target's authority.
  const origin = target?.origin ?? originOf(req);
  const refuse = (status: number, code: string, message: string) => {
    send(res, core.refuse(head, status, code, message));
    // What is left of the body is read and dropped, never kept. The connection is not closed under the caller: a
    // close with unread data sends a reset, and the caller's side would drop the 413 before reading it.
    req.resume();
  };
  if (!headers.ok) return refuse(400, "BadRequest", "A request header cannot be read.");
  if (!target) return refuse(400, "BadRequest", "The request target is not a path the fake can read.");
  if (!origin) return refuse(400, "BadRequest", "The Host header is missing, repeated or not a valid host.");
  const limit = core.maxRequestBodyBytes;
  if (declaredTooLarge(headers.value.get("content-length"), limit)) return refuse(413, tooLarge(limit).code, tooLarge(limit).message);
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on("data", (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > limit) {
      refused = true;
      chunks.length = 0;
      return refuse(413, tooLarge(limit).code, tooLarge(limit).message);
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (!refused) send(res, core.answer({ ...head, body: Buffer.concat(chunks).toString("utf8") }, `${origin}/${version}`));
  });
  // The caller went away mid-body: nobody is left to answer (Node closes the socket).
  req.on("error", () => undefined);
}

/** The headers as a fetch Headers; Node has already refused what HTTP does not allow, but the two differ at the edges. */
function readHeaders(req: IncomingMessage): { ok: boolean; value: Headers } {
  const value = new Headers();
  try {
    for (const [name, values] of Object.entries(req.headersDistinct)) for (const one of values ?? []) value.append(name, one);
    return { ok: true, value };
  } catch {
    return { ok: false, value: new Headers() };
  }
}

function send(res: ServerResponse, answer: FakeResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/**
 * The path and query of a request target (origin-form, or absolute-form as a proxy would send, with its http(s)
 * origin); undefined if unreadable.
 */
function splitTarget(target: string): { path: string; query: URLSearchParams; origin?: string } | undefined {
  if (target.startsWith("/")) return splitPath(target);
  if (!URL.canParse(target)) return undefined;
  const url = new URL(target);
  const web = url.protocol === "http:" || url.protocol === "https:";
  return { ...splitPath(`${url.pathname}${url.search}`), ...(web ? { origin: url.origin } : {}) };
}

function splitPath(pathAndQuery: string): { path: string; query: URLSearchParams } {
  const at = pathAndQuery.indexOf("?");
  return at < 0 ? { path: pathAndQuery, query: new URLSearchParams() } : { path: pathAndQuery.slice(0, at), query: new URLSearchParams(pathAndQuery.slice(at + 1)) };
}

/** http://<Host> for the links the fake writes; the address it listens on when Host is absent (HTTP/1.0). */
function originOf(req: IncomingMessage): string | undefined {
  const hosts = req.headersDistinct.host;
  if (!hosts) {
    return `http://127.0.0.1:${(req.socket.address() as Partial<AddressInfo>).port ?? 0}`;
  }
  if (hosts.length !== 1) return undefined;
  const host = hosts[0]!;
  // RFC 3986's host (an IP literal in brackets, or a reg-name) and an optional port: no user info, path or blanks.
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%!$&'()*+,;=-]+)(:\d{1,5})?$/.test(host) || !URL.canParse(`http://${host}`)) return undefined;
  return `http://${host}`;
}
