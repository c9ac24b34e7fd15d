// Not a test (vitest runs *.test.ts only): the number issue 23 asks for, peak memory while the client refuses a
// compressed bomb under the default limit (16 MiB decoded). `npx tsx test/load/measure-bomb-memory.ts`
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { createRemoteAssistanceClient } from "../../src/entries/index.js";
import { startGraphServer, type Handler } from "../helpers/graph-server.js";
import { heapAfterGc } from "../helpers/heap.js";

const MiB = 1024 * 1024;
let current: Handler = (_q, res) => void res.writeHead(500).end();
const server = { ...(await startGraphServer((q, res, raw) => current(q, res, raw))), answer: (handler: Handler) => void (current = handler) };
const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => "token-of-the-measure", retry: false, tracing: false });
const partner = (bytes: number) => `{"id":"p1","displayName":"${"A".repeat(bytes - 30)}"}`;
const cases = [
  ["gzip, 64 MiB decoded (200)", 200, gzipSync(partner(64 * MiB)), "gzip"],
  ["brotli, 256 MiB decoded (200)", 200, brotliCompressSync(partner(256 * MiB), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), "br"],
  ["brotli, 256 MiB decoded (500)", 500, brotliCompressSync(partner(256 * MiB), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), "br"],
  ["gzip, 15 MiB decoded (200, within the limit: the reference)", 200, gzipSync(partner(15 * MiB)), "gzip"],
] as const;
// A warm-up call first, so that loading undici and the client is not counted against the first bomb.
server.answer((_q, res) => void res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipSync(partner(1024))));
await client.get("p1");
console.log("| body | on the wire | outcome | peak RSS over baseline | peak heap over baseline |\n|---|---|---|---|---|");
for (const [name, status, wire, encoding] of cases) {
  server.answer((_q, res) => {
    res.writeHead(status, { "content-type": "application/json", "content-encoding": encoding, "content-length": wire.length });
    res.end(wire);
  });
  heapAfterGc();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 1);
  const outcome = await client.get("p1").then(
    () => "ok",
    (e: { code: string }) => e.code,
  );
  clearInterval(sampler);
  const m = process.memoryUsage();
  rss = Math.max(rss, m.rss);
  heap = Math.max(heap, m.heapUsed);
  console.log(`| ${name} | ${wire.length.toLocaleString("en")} B | ${outcome} | ${((rss - base.rss) / MiB).toFixed(0)} MiB | ${((heap - base.heapUsed) / MiB).toFixed(0)} MiB |`);
}
await server.close();
