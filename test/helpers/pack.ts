// Packing the package the way a release is cut, and installing it the way a consumer would, with nothing but what
// is in the clone and its node_modules: no registry, no npm cache (`npm ci` fetches tarballs, never the registry
// metadata that `npm install <name>@<version>` needs, so a fresh machine has none).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

export const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(command, args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", ...env },
  }).toString("utf8");

/**
 * Copies what a fresh clone of `root` would hold (tracked files, and untracked ones git does not ignore, so that
 * uncommitted work is tested too) into `dest`, with `root`'s node_modules linked in for the build tools.
 * Nothing that is ignored, dist/ included, comes along.
 */
export function copyWorkingTree(root: string, dest: string): void {
  const files = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(join(root, file), join(dest, file));
  }
  symlinkSync(join(root, "node_modules"), join(dest, "node_modules"), "dir");
}

/** `npm pack` in `dir` (its prepack script runs), into `dest`; the tarball's path and the files in it. */
export function pack(dir: string, dest: string): { tarball: string; files: string[] } {
  mkdirSync(dest, { recursive: true });
  run("npm", ["pack", "--pack-destination", dest], dir);
  const [name, ...more] = readdirSync(dest).filter((f) => f.endsWith(".tgz"));
  if (!name || more.length) throw new Error(`expected one tarball in ${dest}, found ${[name, ...more].join(", ")}`);
  const tarball = join(dest, name);
  const files = run("tar", ["-tzf", tarball], dest)
    .split("\n")
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ""));
  return { tarball, files };
}

/**
 * Packs the installed packages `names` (as found from `root`) and every package they depend on, from node_modules,
 * into `dest`: tarballs a consumer can install with `npm install --offline` and an empty cache.
 */
export function packInstalled(root: string, names: string[], dest: string): string[] {
  mkdirSync(dest, { recursive: true });
  const seen = new Set<string>();
  const tarballs: string[] = [];
  const visit = (name: string, from: string) => {
    const dir = locate(name, from);
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    const before = new Set(readdirSync(dest));
    run("npm", ["pack", "--ignore-scripts", "--pack-destination", dest, dir], root);
    tarballs.push(...readdirSync(dest).filter((f) => !before.has(f)).map((f) => join(dest, f)));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir);
  };
  for (const name of names) visit(name, root);
  return tarballs;
}

/** Where Node would find package `name` from directory `from`: the nearest node_modules/<name> upwards. */
function locate(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${from}); run npm ci`);
  }
}

/** Every file path that package.json's `exports` (any condition, any depth), `types` and `main` name. */
export function namedFiles(manifest: { exports?: unknown; types?: string; main?: string }): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") found.add(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  if (manifest.types) found.add(manifest.types.replace(/^\.\//, ""));
  if (manifest.main) found.add(manifest.main.replace(/^\.\//, ""));
  return [...found].sort();
}
