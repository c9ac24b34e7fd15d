// `npm run build`: dist/ for consumers. Declarations come from tsc, exactly the sources' types; JavaScript comes
// from esbuild, one file per entry point plus shared chunks, instead of one file per source module: Node loads a
// handful of modules instead of fifteen, which takes a few milliseconds off the time to import the package
// (bench/cold-start.ts). Dependencies stay external; the validators stay behind their dynamic import.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

rmSync(join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
const common = {
  absWorkingDir: root,
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  // ./testing imports the bundled spec `with { type: "json" }`, which must stay so for Node.
  supported: { "import-attributes": true },
  // src/ ships too, so the maps point at it rather than carrying a copy.
  sourcemap: true,
  sourcesContent: false,
  logLevel: "warning",
} as const;
// generated/ ships beside dist/ and stays a set of modules of its own, and so does dist/validation.js: the root entry
// re-exports it and the client import()s it, and as one separate file an application's bundler can leave it out
// whole when validation is off (inside a shared chunk, the validators' start-up code would pin it).
// node: built-ins stay imports too (./testing's fake serves HTTP); the client itself uses none.
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), "../generated/*", "node:*"];
await build({
  ...common,
  // The exports in package.json that hold code; what they share goes to chunks.
  entryPoints: ["src/client-only.ts", "src/root-client.ts", "src/testing.ts", "src/types.ts"],
  splitting: true,
  external: [...external, "./validation.js"],
});
await build({ ...common, entryPoints: ["src/validation.ts"], external });
// The beta entry, on its own: the same client code bundled again beside beta's validators, so that nothing of beta is
// in the root entry's chunks and beta's lazy import("./validation.js") finds dist/beta/validation.js.
await build({ ...common, entryPoints: ["src/beta/index.ts"], outdir: "dist/beta", external: [...external, "./validation.js", "../../generated/*"] });
await build({ ...common, entryPoints: ["src/beta/validation.ts"], outdir: "dist/beta", external: [...external, "../../generated/*"] });
// The root entry only re-exports /client, the validators and the contract version; transpiled, not bundled, it keeps
// its `export … from` lines, which bundlers follow without pulling in what is not used.
await build({ ...common, entryPoints: ["src/index.ts"], bundle: false });
