// 2,000 updates, 32 in flight, against a server that answers 30% of requests with 429, 503 or a connection reset.
// Every call must settle with a success or a documented GraphError, the client's retries must match what the server
// saw, nothing may be left unhandled or hanging, and the heap must come back down.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRemoteAssistanceClient, GraphError } from "../../src/entries/index.js";
import { heapMb, seeded } from "../helpers/load.js";
import { json, noContent, odataError, seedPartner, seedUpdate, startGraphServer, TOKEN, type GraphServer } from "../helpers/graph-server.js";

const CALLS = 2_000;
const CONCURRENCY = 32;
const FAULT_RATE = 0.3;
const MAX_RETRIES = 3;

let server: GraphServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
/** client-request-id → what the server answered each attempt. */
const attempts = new Map<string, { retryAttempt: string | undefined; answer: string }[]>();

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  const random = seeded(20261128);
  server = await startGraphServer((req, res) => {
    const roll = random();
    const answer = roll < FAULT_RATE / 3 ? "429" : roll < (2 * FAULT_RATE) / 3 ? "503" : roll < FAULT_RATE ? "reset" : roll < 0.65 ? "200" : "204";
    const id = String(req.headers["client-request-id"]);
    const log = attempts.get(id) ?? [];
    log.push({ retryAttempt: req.headers["retry-attempt"] as string | undefined, answer });
    attempts.set(id, log);
    if (answer === "429") odataError(res, 429, "TooManyRequests", { "retry-after": "0" });
    else if (answer === "503") odataError(res, 503, "ServiceUnavailable");
    else if (answer === "reset") res.socket!.destroy();
    else if (answer === "200") json(res, 200, seedPartner);
    else noContent(res);
  });
  server.seen.length = 0;
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await server.close();
});

it(`${CALLS} updates, ${CONCURRENCY} at a time, ${FAULT_RATE * 100}% faults: all settle, retries match the server's log`, async () => {
  let retriesCounted = 0;
  const client = createRemoteAssistanceClient({
    baseUrl: server.baseUrl,
    getAccessToken: () => TOKEN,
    timeoutMs: 10_000,
    retry: { maxRetries: MAX_RETRIES, baseDelayMs: 2, onRetry: () => void retriesCounted++ },
  });
  // Warm up first (JIT, connection pool, module loading), so that the heap figures speak of the calls themselves.
  for (let i = 0; i < 200; i++) await client.update(seedPartner.id, seedUpdate).catch(() => undefined);
  server.seen.length = 0;
  attempts.clear();
  retriesCounted = 0;
  const heapBefore = heapMb();
  const started = performance.now();
  const outcomes: ("200" | "204" | string)[] = [];
  let next = 0;
  async function worker() {
    while (next < CALLS) {
      next++;
      try {
        const result = await client.update(seedPartner.id, seedUpdate);
        outcomes.push(result === undefined ? "204" : "200");
      } catch (error) {
        expect(error).toBeInstanceOf(GraphError);
        const { status, code } = error as GraphError;
        expect(["429 TooManyRequests", "503 ServiceUnavailable", "0 NetworkError"]).toContain(`${status} ${code}`);
        outcomes.push(`${status} ${code}`);
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;

  // Every call settled, once.
  expect(outcomes).toHaveLength(CALLS);
  // One client-request-id per call, kept across its retries, with Retry-Attempt counting 1, 2, 3…
  expect(attempts.size).toBe(CALLS);
  let failedCalls = 0;
  for (const log of attempts.values()) {
    expect(log.map((a) => a.retryAttempt)).toEqual(log.map((_, i) => (i === 0 ? undefined : String(i))));
    const last = log.at(-1)!.answer;
    if (last !== "200" && last !== "204") {
      failedCalls++;
      expect(log).toHaveLength(MAX_RETRIES + 1);
    }
    // Only the final attempt may be a success: a success is never retried.
    expect(log.slice(0, -1).every((a) => !["200", "204"].includes(a.answer))).toBe(true);
  }
  // The retries the client counted are exactly the requests the server saw beyond the first of each call.
  expect(server.seen.length).toBe(CALLS + retriesCounted);
  expect(outcomes.filter((o) => o !== "200" && o !== "204")).toHaveLength(failedCalls);
  expect(unhandled).toEqual([]);

  // Drop the test's own logs, then measure what the client and the runtime still hold.
  const requestsSeen = server.seen.length;
  server.seen.length = 0;
  attempts.clear();
  outcomes.length = 0;
  await new Promise((r) => setTimeout(r, 50));
  const heapAfter = heapMb();
  // Generous: a leak of the per-request replay copies alone would be far more over 2,000 calls with retries.
  expect(heapAfter - heapBefore).toBeLessThan(32);

  console.log(
    `load: ${CALLS} updates in ${seconds.toFixed(2)} s; ${requestsSeen} requests, ${retriesCounted} retries; ` +
      `${CALLS - failedCalls} succeeded, ${failedCalls} failed with a documented GraphError; ` +
      `heap ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after (after GC)`,
  );
});
