// A real HTTP server on 127.0.0.1 (random port) standing in for Graph: each test says how to answer, and every
// request it saw is logged, so tests assert on what actually went over the wire.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  /** Path and query exactly as sent (still percent-encoded). */
  url: string;
  headers: IncomingHttpHeaders;
  /** Header names (lower-cased) and values as sent, in order: duplicates stay duplicates. */
  rawHeaders: [string, string][];
  authorization: string | undefined;
  body: string;
}

export type Handler = (request: SeenRequest, response: ServerResponse, raw?: IncomingMessage) => void | Promise<void>;

export interface GraphServer {
  origin: string;
  /** The base URL to give the client: `${origin}/v1.0`. */
  baseUrl: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startGraphServer(handler: Handler): Promise<GraphServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawHeaders: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!]);
      const request = { method: req.method!, url: req.url!, headers: req.headers, rawHeaders, authorization: req.headers.authorization, body: Buffer.concat(chunks).toString("utf8") };
      seen.push(request);
      void Promise.resolve(handler(request, res, req)).catch((error) => {
        if (res.headersSent) return void res.destroy();
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: `${origin}/v1.0`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function noContent(res: ServerResponse, headers: Record<string, string> = {}) {
  res.writeHead(204, headers);
  res.end();
}

export function odataError(res: ServerResponse, status: number, code: string, headers: Record<string, string> = {}) {
  json(res, status, { error: { code, message: `${code} from the test server`, innerError: { date: "2026-11-28T10:00:00", "request-id": `req-${code}`, "client-request-id": "echoed" } } }, headers);
}

/** Writes `chunk` for ever (as fast as the client reads), after a 200 JSON head: a body that never ends. */
export function endlessBody(res: ServerResponse, chunk: Buffer) {
  res.writeHead(200, { "content-type": "application/json" });
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once("drain", pump);
  };
  pump();
}

/** The error a promise rejects with; a test failure if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

export { seedPartner, seedUpdate } from "../fixtures/seed-examples.js";

export const TOKEN = "test-token-eyJhbGciOi.SECRET.signature";

/** A partner as the hostile tests answer it. */
export const PARTNER = { id: "p1", displayName: "TeamViewer", onboardingStatus: "onboarded", lastConnectionDateTime: "2016-12-31T23:58:36.6670033-08:00" };

/** A port on 127.0.0.1 that was just free: nothing listens there now (a connection to it is refused). */
export async function closedPort(): Promise<number> {
  const server = await startGraphServer(() => undefined);
  await server.close();
  return Number(new URL(server.origin).port);
}
