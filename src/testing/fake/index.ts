// createRemoteAssistanceFake: a stateful fake of the remoteAssistancePartner API, to test code that reads its own
// writes. One service (./service.ts), served two ways: msw handlers for in-process tests, and a real HTTP server on
// 127.0.0.1 for everything else (another process, the Graph SDK, curl).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { http, type HttpHandler } from "msw";
import { DEFAULT_BASE_URL, DEFAULT_BETA_BASE_URL } from "../../client/options.js";
import type { RemoteAssistancePartner } from "../../contracts/v1/types.js";
import { createFakeService, type FakeOptions, type FakeResponse, type LoggedRequest } from "./service.js";

export type { FakeOptions, LoggedRequest } from "./service.js";

export interface RemoteAssistanceFakeOptions extends FakeOptions {
  /** The base URL the msw handlers answer under. Default Graph's v1.0. */
  baseUrl?: string;
}

export interface FakeServer {
  /** The base URL to give a client, e.g. http://127.0.0.1:PORT/v1.0 (or /beta) */
  url: string;
  close(): Promise<void>;
}

export interface RemoteAssistanceFake {
  /** msw handlers over the fake: `setupServer(...fake.handlers)`. */
  handlers: HttpHandler[];
  /** Serves the fake over HTTP on 127.0.0.1 (port 0: any free port). */
  listen(options?: { port?: number }): Promise<FakeServer>;
  /** A snapshot of the current partners. */
  partners(): RemoteAssistancePartner[];
  /** What was asked and answered, in order: method, path (with query), status. */
  requests: LoggedRequest[];
  /** Back to the initial partners; the log, the throttle window and the fault sequence start again. */
  reset(): void;
}

export function createRemoteAssistanceFake(options: RemoteAssistanceFakeOptions = {}): RemoteAssistanceFake {
  const service = createFakeService(options);
  const baseUrl = (options.baseUrl ?? (options.version === "beta" ? DEFAULT_BETA_BASE_URL : DEFAULT_BASE_URL)).replace(/\/+$/, "");
  const handlers = [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      const answer = service.handle({ method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text() }, baseUrl);
      return new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
    }),
  ];
  return {
    handlers,
    listen: (listenOptions) => serve(service, listenOptions?.port, options.version ?? "v1.0"),
    partners: service.partners,
    requests: service.requests,
    reset: service.reset,
  };
}

async function serve(service: ReturnType<typeof createFakeService>, port: number | undefined, version: string): Promise<FakeServer> {
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        // HTTP/1.0 may leave out Host: answer (and link) under the address the fake listens on.
        const origin = `http://${req.headers.host ?? `127.0.0.1:${(server.address() as AddressInfo).port}`}`;
        const request = { method: req.method!, url: new URL(req.url!, origin), headers: { get: (name: string) => headerOf(req, name) }, body };
        const answer: FakeResponse = service.handle(request, `${origin}/${version}`);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      },
      // The caller went away mid-body: nobody is left to answer (Node closes the socket), and the consumer's process
      // must not see an unhandled rejection for it.
      () => undefined,
    );
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

/** The service asks for single-valued headers by their lower-case names. */
const headerOf = (req: IncomingMessage, name: string): string | null => (req.headers[name] as string | undefined) ?? null;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
