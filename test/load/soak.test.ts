// Soak: 5,000 calls of every operation, 50 in flight, against a server on 127.0.0.1 that answers 30% of requests
// with a fault: 429 (Retry-After: 0), 503, a reset connection, a truncated body, a stalled body, invalid JSON.
// Every call must settle, with its result or a documented error; nothing unhandled; no token in any error; the heap
// after GC back within a few MB of where it started.
import { inspect } from "node:util";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRemoteAssistanceClient, GraphError, type RemoteAssistanceClient } from "../../src/entries/index.js";
import { heapMb, seeded } from "../helpers/load.js";
import { json, noContent, odataError, seedPartner, startGraphServer, TOKEN, type GraphServer } from "../helpers/graph-server.js";

const CALLS = 5_000;
const CONCURRENCY = 50;
const FAULT_RATE = 0.3;
const TIMEOUT_MS = 400;

const FAULTS = ["429", "503", "reset", "truncated", "stalled", "invalid-json"] as const;
type Fault = (typeof FAULTS)[number];

const faultAnswers: Record<Fault, (res: ServerResponse) => void> = {
  "429": (res) => odataError(res, 429, "TooManyRequests", { "retry-after": "0" }),
  "503": (res) => odataError(res, 503, "ServiceUnavailable"),
  reset: (res) => void res.socket!.destroy(),
  truncated: (res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
    res.write('{"id":"7443c8b9-c8b9');
    setTimeout(() => res.socket?.destroy(), 5);
  },
  // Headers, a little of the body, then nothing: only timeoutMs ends it. The server drops it later.
  stalled: (res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"value":[');
    setTimeout(() => res.socket?.destroy(), TIMEOUT_MS * 3);
  },
  "invalid-json": (res) => void res.writeHead(200, { "content-type": "application/json" }).end('{"id": "7443c8b9-'),
};

/** The answer the service would give when there is no fault. */
function fairAnswer(method: string, url: string, res: ServerResponse) {
  if (url.includes("/$count")) return void res.writeHead(200, { "content-type": "text/plain" }).end("12");
  if (method === "GET" && /remoteAssistancePartners(\?|$)/.test(url)) return json(res, 200, { value: [seedPartner, seedPartner] });
  if (method === "GET") return json(res, 200, seedPartner);
  if (method === "POST" && /remoteAssistancePartners$/.test(url)) return json(res, 201, seedPartner);
  if (method === "PATCH") return url.length % 2 ? json(res, 200, seedPartner) : noContent(res);
  noContent(res);
}

const operations: ((client: RemoteAssistanceClient, i: number) => Promise<unknown>)[] = [
  (c, i) => c.get(`p${i}`),
  (c, i) => c.update(`p${i}`, { displayName: `n${i}` }),
  (c) => c.list({ $top: 2 }),
  (c) => c.count(),
  (c, i) => c.create({ displayName: `n${i}` }),
  (c, i) => c.delete(`p${i}`),
  (c, i) => c.beginOnboarding(`p${i}`),
];

/** What a failed call may end in: Graph's errors after retries, and the client's documented local codes. */
const DOCUMENTED = new Set(["429 TooManyRequests", "503 ServiceUnavailable", "0 NetworkError", "0 Timeout", "200 InvalidResponse", "201 InvalidResponse"]);

let server: GraphServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const injected = new Map<string, number>();

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  const random = seeded(20261129);
  server = await startGraphServer((req, res) => {
    const roll = random();
    const fault = roll < FAULT_RATE ? FAULTS[Math.floor((roll / FAULT_RATE) * FAULTS.length)]! : undefined;
    injected.set(fault ?? "none", (injected.get(fault ?? "none") ?? 0) + 1);
    if (fault) faultAnswers[fault](res);
    else fairAnswer(req.method, req.url, res);
  });
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await server.close();
});

it(`${CALLS} mixed calls, ${CONCURRENCY} at a time, ${FAULT_RATE * 100}% faults: every call settles, documented errors only, no token, flat heap`, async () => {
  const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => TOKEN, timeoutMs: TIMEOUT_MS, retry: { maxRetries: 3, baseDelayMs: 2 } });
  const run = async (count: number, outcomes: Map<string, number>) => {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        try {
          await operations[i % operations.length]!(client, i);
          outcomes.set("ok", (outcomes.get("ok") ?? 0) + 1);
        } catch (error) {
          expect(error).toBeInstanceOf(GraphError);
          const { status, code } = error as GraphError;
          expect(DOCUMENTED, `undocumented outcome ${status} ${code}: ${(error as Error).message}`).toContain(`${status} ${code}`);
          for (const text of [(error as Error).message, (error as Error).stack ?? "", JSON.stringify(error), inspect(error, { depth: 6 })]) expect(text).not.toContain(TOKEN);
          outcomes.set(`${status} ${code}`, (outcomes.get(`${status} ${code}`) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  // Warm-up: JIT, the connection pool, lazy modules; then measure from here.
  await run(500, new Map());
  injected.clear();
  server.seen.length = 0;
  const heapBefore = heapMb();
  const started = performance.now();
  const outcomes = new Map<string, number>();
  await run(CALLS, outcomes);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 4)); // let the stalled sockets go
  const requests = server.seen.length;
  server.seen.length = 0; // the test server's own log of requests is not the client's memory
  const heapAfter = heapMb();

  const settled = [...outcomes.values()].reduce((a, b) => a + b, 0);
  expect(settled).toBe(CALLS);
  expect(unhandled).toEqual([]);
  expect(heapAfter - heapBefore).toBeLessThan(6);
  // The faults really happened, every kind of them.
  for (const fault of FAULTS) expect(injected.get(fault) ?? 0).toBeGreaterThan(50);
  console.log(
    `soak: ${CALLS} calls in ${seconds.toFixed(2)} s; ${requests} requests ` +
      `(faults injected: ${FAULTS.map((f) => `${f} ${injected.get(f) ?? 0}`).join(", ")}); ` +
      `outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}; unhandled 0; ` +
      `heap ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after (after GC)`,
  );
});
