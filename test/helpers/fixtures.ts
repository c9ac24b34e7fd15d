// The test's own stand-in for Graph and the one way tests build a client.
//
// `it` (vitest's test.extend) gives a test `graph`: a node:http server on 127.0.0.1 (random port) that lives exactly as
// long as the test. `graph.answer(handler)` says how it answers from now on (and forgets what it saw), `graph.seen` is
// every request it received (`elsewhere` is a second one, for what must never reach it), and `graph.client(handler?, options?)` answers with `handler` and hands back a client
// pointed at it, built by `clientOf` with the suite's one set of defaults (a test token, retries 1 ms apart).
import { test as base } from "vitest";
import { createRemoteAssistanceClient, type RemoteAssistanceClient, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";
import { startGraphServer, TOKEN, type GraphServer, type Handler } from "./graph-server.js";

export type ClientOptions = Partial<RemoteAssistanceClientOptions>;

/** The suite's defaults: a fixed test token, and retries 1 ms apart so that a retried test does not sleep. */
export const CLIENT_DEFAULTS = { getAccessToken: () => TOKEN, retry: { baseDelayMs: 1 } } as const satisfies ClientOptions;

/** A client of the root entry on `baseUrl` with the suite's defaults; `options` replace them key by key. */
export function clientOf(baseUrl: string, options: ClientOptions = {}): RemoteAssistanceClient {
  return createRemoteAssistanceClient({ baseUrl, ...CLIENT_DEFAULTS, ...options } as RemoteAssistanceClientOptions);
}

export interface Graph extends GraphServer {
  /** How the server answers from now on; also forgets the requests seen so far. */
  answer(handler: Handler): void;
  /** Answers with `handler` (when given) and returns a client on this server, built by `clientOf`. */
  client(handler?: Handler, options?: ClientOptions): RemoteAssistanceClient;
}

async function serveGraph(use: (graph: Graph) => Promise<void>): Promise<void> {
  {
    let current: Handler = (_request, response) => void response.writeHead(500).end();
    const server = await startGraphServer((request, response, raw) => current(request, response, raw));
    const graph: Graph = Object.assign(server, {
      answer(handler: Handler) {
        current = handler;
        server.seen.length = 0;
      },
      client(handler?: Handler, options: ClientOptions = {}) {
        if (handler) graph.answer(handler);
        return clientOf(server.baseUrl, options);
      },
    });
    await use(graph);
    await server.close();
  }
}

export const it = base.extend<{ graph: Graph; elsewhere: Graph }>({
  // eslint-disable-next-line no-empty-pattern
  graph: async ({}, use) => serveGraph(use),
  /** A second server, for what must never reach it (another origin, another base URL). */
  // eslint-disable-next-line no-empty-pattern
  elsewhere: async ({}, use) => serveGraph(use),
});
export const test = it;
