// `npm run mock` leaves nothing behind however it is stopped: SIGINT or SIGTERM to npm, to tsx, or to the script
// itself, and even SIGKILL to the script (Prism notices its parent is gone). Prism exits and the port is free
// within 2 s. The process chain is npm → tsx → scripts/mock.ts → Prism (`exec` in the npm script: no shell between
// npm and tsx to swallow the signal).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/mock/prism.js";
import { root } from "../helpers/spec.js";

const started: ChildProcess[] = [];
const allPids: number[] = [];

afterAll(() => {
  // Whatever a failed case left running.
  for (const pid of allPids) if (alive(pid)) process.kill(pid, "SIGKILL");
  for (const child of started) child.kill("SIGKILL");
});

describe("npm run mock, stopped", () => {
  const targets = ["npm", "tsx", "script"] as const;
  const cases = [
    ...targets.flatMap((target) => (["SIGINT", "SIGTERM"] as const).map((signal) => [signal, target] as const)),
    ["SIGKILL", "script"] as const,
  ];

  it.concurrent.each(cases)("%s to %s: Prism exits and the port is free within 2 s", async (signal, target) => {
    const mock = await startNpmMock();
    const pid = { npm: mock.npm, tsx: mock.tsx, script: mock.script }[target];
    const stoppedAt = performance.now();
    process.kill(pid, signal);
    const freeAfter = await waitUntil(async () => !alive(mock.prism) && !(await listening(mock.port)), 2_000);
    expect(freeAfter, `Prism (pid ${mock.prism}) still running or port ${mock.port} still taken 2 s after ${signal} to ${target}`).not.toBeNull();
    console.log(`mock stop: ${signal} to ${target}: Prism gone and port free after ${Math.round(freeAfter! - stoppedAt)} ms`);
    // Nothing of the chain is left either.
    expect(await waitUntil(async () => [mock.npm, mock.tsx, mock.script].every((p) => !alive(p)), 2_000)).not.toBeNull();
  });
});

describe("npm run mock -- --stateful", () => {
  it("serves the stateful fake: a PATCH shows in the next GET; SIGTERM to npm frees the port", async () => {
    const port = await freePort();
    const npm = spawn("npm", ["run", "mock", "--", "--stateful"], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
    started.push(npm);
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`the fake did not start in 30 s:\n${output}`)), 30_000);
      npm.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (output.includes("Stateful fake")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const item = `http://127.0.0.1:${port}/v1.0/deviceManagement/remoteAssistancePartners/7443c8b9-c8b9-7443-b9c8-4374b9c84374`;
    const headers = { authorization: "Bearer t", "content-type": "application/json" };
    expect((await fetch(item, { method: "PATCH", headers, body: '{"displayName":"Renamed"}' })).status).toBe(204);
    expect((await (await fetch(item, { headers })).json()).displayName).toBe("Renamed");
    process.kill(npm.pid!, "SIGTERM");
    expect(await waitUntil(async () => !(await listening(port)), 2_000)).not.toBeNull();
  });
});

interface RunningMock {
  port: number;
  npm: number;
  tsx: number;
  script: number;
  prism: number;
}

async function startNpmMock(): Promise<RunningMock> {
  const port = await freePort();
  const npm = spawn("npm", ["run", "mock"], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  started.push(npm);
  const prism = await new Promise<number>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the mock did not start in 45 s:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const found = /\(Prism, pid (\d+)\)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    };
    npm.stdout!.on("data", onData);
    npm.stderr!.on("data", onData);
    npm.once("exit", (code) => reject(new Error(`npm run mock exited (${code}) before starting:\n${output}`)));
  });
  const script = parentOf(prism);
  const tsx = parentOf(script);
  allPids.push(prism, script, tsx);
  // The chain is what the test believes it is: a shell in between would make "to npm" a different test.
  expect(parentOf(tsx)).toBe(npm.pid);
  expect(commandOf(tsx)).toMatch(/tsx/);
  expect(commandOf(script)).toMatch(/scripts\/mock\.ts/);
  return { port, npm: npm.pid!, tsx, script, prism };
}

function parentOf(pid: number): number {
  // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ")".
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

function commandOf(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
}

function alive(pid: number): boolean {
  try {
    // A zombie still answers signal 0; it has exited all the same.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Polls `check` every 25 ms; the time it first held, or null after `timeoutMs`. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return (await check()) ? performance.now() : null;
}
