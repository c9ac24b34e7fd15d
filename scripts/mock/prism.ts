// Starts Prism as a validating mock of the bundled spec on 127.0.0.1, and stops it for sure. Prism's own script is
// run with this Node binary directly (not through npx or a shell), so the PID we hold is Prism's and killing it
// leaves nothing behind; and Prism exits by itself when this process is gone, however it ended.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const PRISM = `${root}node_modules/@stoplight/prism-cli/dist/index.js`;
const EXIT_WITH_PARENT = new URL("./exit-with-parent.mjs", import.meta.url).href;

export interface MockServer {
  /** e.g. http://127.0.0.1:4010: Prism serves the spec's paths without the /v1.0 of its server URL. */
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** `bundle`: which generated contract to serve (default v1.0's; `generated/beta/openapi.json` for beta). */
export async function startMock(options: { port?: number; spec?: string; bundle?: string; startTimeoutMs?: number } = {}): Promise<MockServer> {
  const port = options.port ?? (await freePort());
  const spec = options.spec ?? servableSpec(options.bundle ?? "generated/openapi.json");
  const child = spawn(process.execPath, ["--import", EXIT_WITH_PARENT, PRISM, "mock", spec, "--host", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    // stdin: the pipe whose closing tells Prism that we are gone (exit-with-parent.mjs).
    stdio: ["pipe", "pipe", "pipe"],
  });
  // The servable copy is ours to remove; a spec given by the caller is not.
  const stop = () => stopChild(child).then(() => (options.spec ? undefined : rmSync(dirname(spec), { recursive: true, force: true })));
  try {
    await waitForListening(child, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid!, stop };
}

/**
 * The bundle as Prism can serve it. Prism serves examples as written, and two of ours it cannot use: a list page's
 * `@odata.nextLink` points at graph.microsoft.com (a client following it would leave the mock; the client refuses
 * to), and the `$count` example is the number 2, which Prism will not send as text/plain (`NO_COMPLEX_OBJECT_TEXT`,
 * a 500). The copy drops the next links (every page Prism serves is a last page) and writes text/plain examples as
 * strings. The contract itself is unchanged; the copy lives in a temporary folder.
 */
function servableSpec(source: string): string {
  const bundle = JSON.parse(readFileSync(`${root}${source}`, "utf8")) as Record<string, unknown>;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    for (const [key, child] of Object.entries(node)) {
      if (key === "content" && child && typeof child === "object") {
        for (const [mediaType, media] of Object.entries(child as Record<string, { examples?: Record<string, { value?: unknown }> }>)) {
          for (const example of Object.values(media.examples ?? {})) servable(example, mediaType);
        }
      }
      visit(child);
    }
  };
  visit(bundle.paths);
  const file = join(mkdtempSync(join(tmpdir(), "ra-prism-")), "openapi.json");
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

function servable(example: { value?: unknown }, mediaType: string): void {
  if (mediaType === "text/plain" && example.value !== undefined && typeof example.value !== "string") example.value = String(example.value);
  if (example.value && typeof example.value === "object") delete (example.value as Record<string, unknown>)["@odata.nextLink"];
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Prism is listening")) done();
    };
    const onExit = (code: number | null) => fail(new Error(`Prism exited (code ${code}) before listening:\n${output}`));
    function cleanup() {
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.stderr!.off("data", onData);
      child.off("exit", onExit);
      // Keep draining Prism's log so it never blocks on a full pipe.
      child.stdout!.resume();
      child.stderr!.resume();
    }
    function done() {
      cleanup();
      resolve();
    }
    function fail(error: Error) {
      cleanup();
      reject(error);
    }
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
