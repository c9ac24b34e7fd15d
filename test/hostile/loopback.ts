// A hostile stand-in for Graph on 127.0.0.1 (random port), one per describe: each test says how it answers
// (`server.answer(handler)`), and every request it saw is kept with its raw headers, so tests assert on the wire.
// Started and closed in hooks inside a describe (a throw while a file is collected is invisible to StrykerJS).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface Seen {
  method: string;
  /** Path and query as sent (still percent-encoded). */
  url: string;
  /** Header names and values as sent, in order, names lower-cased: duplicates stay duplicates. */
  rawHeaders: [string, string][];
  authorization: string | undefined;
  body: string;
}

export type Answer = (request: Seen, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface Loopback {
  origin: string;
  /** `${origin}/v1.0`, the base URL to give a client. */
  baseUrl: string;
  seen: Seen[];
  /** How the server answers from now on; also forgets the requests seen so far. */
  answer(handler: Answer): void;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const seen: Seen[] = [];
  let handler: Answer = (_request, response) => void response.writeHead(500).end();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const rawHeaders: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!]);
      const request: Seen = { method: req.method!, url: req.url!, rawHeaders, authorization: req.headers.authorization, body: Buffer.concat(chunks).toString("utf8") };
      seen.push(request);
      void Promise.resolve(handler(request, res, req)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: `${origin}/v1.0`,
    seen,
    answer(next) {
      handler = next;
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const PARTNER = { id: "p1", displayName: "TeamViewer", onboardingStatus: "onboarded", lastConnectionDateTime: "2016-12-31T23:58:36.6670033-08:00" };

/** The error a promise rejects with; throws (failing the test) if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, got a value");
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Bytes of heap in use after a full garbage collection. */
export function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
