// What the tests of `npm run mock` share: a free port, starting the script as a user would (through npm), and
// checks on processes and ports.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { root } from "../helpers/spec.js";

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

export interface RunningMock {
  npm: ChildProcess;
  port: number;
  /** The pid the script printed: the process that serves. */
  pid: number;
  baseUrl: string;
}

/** `npm run mock -- …args` on a free port; resolves once it says where it listens. */
export async function startNpmMock(args: string[] = []): Promise<RunningMock> {
  const port = await freePort();
  const npm = spawn("npm", ["run", "mock", "--", ...args], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`npm run mock did not start in 45 s:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const found = / at (http:\S+) \(pid (\d+)\)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({ npm, port, baseUrl: found[1]!, pid: Number(found[2]) });
      }
    };
    npm.stdout!.on("data", onData);
    npm.stderr!.on("data", onData);
    npm.once("exit", (code) => reject(new Error(`npm run mock exited (${code}) before starting:\n${output}`)));
  });
}

export function parentOf(pid: number): number {
  // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ")".
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

export function alive(pid: number): boolean {
  try {
    // A zombie still answers signal 0; it has exited all the same.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Polls `check` every 25 ms; true once it holds, false if it still does not after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}
