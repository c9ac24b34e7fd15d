// The benchmark's stand-in for Graph, in a child process so it does not share the measured event loop: answers
// PATCH with the source document's 200 response, and anything else with 204. Keep-alive, loopback only.
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { seedPartner } from "../../test/fixtures/seed-examples.ts";

const SEED_RESPONSE = JSON.stringify(seedPartner);

if (process.argv[2] === "--serve") {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "PATCH") {
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(SEED_RESPONSE) });
        res.end(SEED_RESPONSE);
      } else {
        res.writeHead(204).end();
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as { port: number }).port }));
  process.on("disconnect", () => process.exit(0));
}

export async function startBenchServer(): Promise<{ origin: string; stop(): void }> {
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, ["--serve"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
