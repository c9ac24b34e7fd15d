// Every run of Redocly CLI goes through here: telemetry and update checks off, and its stderr passed on without the
// notices that are about Redocly rather than this project (the Node 20 end-of-life box, the "now renders with
// Redoc 3" box). Everything else it says, warnings and errors included, reaches the user unchanged.
// As a command (`tsx scripts/redocly.ts lint`) it stands in for the `redocly` binary.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(root, "node_modules/@redocly/cli/bin/cli.js");

/** Boxed notices we drop, recognised by their text so that a new notice still shows. */
const NOTICES = [/Node\.js 20 support is ending/, /build-docs now renders docs with Redoc 3/];

export const redoclyEnv = { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } as const;

export interface RedoclyRun {
  status: number;
  stdout: string;
  /** stderr without the dropped notices */
  stderr: string;
}

/**
 * Runs Redocly CLI with `args` in the project's root. stdout is captured (`capture`) or passed through; stderr is
 * always filtered, then written out unless `quiet`. Never throws for a failing exit: the caller decides.
 */
export function runRedocly(args: string[], options: { capture?: boolean; quiet?: boolean } = {}): RedoclyRun {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: root,
    env: { ...process.env, ...redoclyEnv },
    stdio: ["ignore", options.capture ? "pipe" : "inherit", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const stderr = withoutNotices(run.stderr.toString("utf8"));
  if (!options.quiet && stderr.trim()) process.stderr.write(stderr);
  return { status: run.status ?? 1, stdout: run.stdout?.toString("utf8") ?? "", stderr };
}

/** Like runRedocly, but a failing exit is an Error carrying what Redocly said. */
export function redocly(args: string[], options: { capture?: boolean; quiet?: boolean } = {}): string {
  const run = runRedocly(args, { ...options, quiet: true });
  if (run.status !== 0) throw new Error(`redocly ${args[0]} failed (exit ${run.status}):\n${run.stderr}`);
  if (!options.quiet && run.stderr.trim()) process.stderr.write(run.stderr);
  return run.stdout;
}

/** Removes the boxes (╔…╝ or ╭…╯, with their blank lines) whose text is one of NOTICES. */
export function withoutNotices(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*[╔╭┌]/.test(lines[i]!)) {
      kept.push(lines[i]!);
      continue;
    }
    let end = i;
    while (end < lines.length && !/^\s*[╚╰└]/.test(lines[end]!)) end++;
    const box = lines.slice(i, end + 1).join("\n");
    if (end < lines.length && NOTICES.some((notice) => notice.test(box))) {
      // Drop the blank lines Redocly puts around the box too.
      while (kept.length && kept.at(-1)!.trim() === "") kept.pop();
      i = end;
      while (i + 1 < lines.length && lines[i + 1]!.trim() === "") i++;
    } else {
      kept.push(lines[i]!);
    }
  }
  return kept.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(runRedocly(process.argv.slice(2)).status);
}
