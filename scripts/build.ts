// `npm run build`: dist/ for consumers. Declarations come from tsc, exactly the sources' types; JavaScript comes from
// ONE esbuild run over every entry with code splitting, so that what entries share (the client, the transport, the
// errors) is one chunk, and each class exists once whichever entry it was imported from (an error from the `/beta`
// client is `instanceof` the root's GraphError). Node loads a handful of modules instead of one per source file
// (bench/cold-start.ts). Dependencies stay external; each contract's validators stay behind a dynamic import.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** Every entry of package.json's exports that holds code, by its file under src/entries/. */
export const ENTRIES = ["index", "client", "validators", "beta", "beta-validators", "testing", "types"];
/** Modules the root entry re-exports by `export *`, built as files of their own (see validatorsStayBehindTheirEntry). */
const ROOT_PARTS = ["root-client"];

/**
 * The entries' `export * from "./validators.js"`, `import("./validators.js")` and the root's
 * `export * from "./root-client.js"` are kept as imports of those files, not followed: an application bundling the
 * root entry then leaves the validators in a lazy chunk unless it uses them. Followed, they land in a chunk shared
 * with the entry, which a bundler loads up front (measured by test/package/size.test.ts).
 */
const validatorsStayBehindTheirEntry: Plugin = {
  name: "validators-stay-behind-their-entry",
  setup(build) {
    build.onResolve({ filter: /^\.\/((beta-)?validators|root-client)\.js$/ }, ({ importer, path }) =>
      importer.includes(`${join("src", "entries")}`) ? { path, external: true } : undefined,
    );
  },
};

rmSync(join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
await build({
  absWorkingDir: root,
  entryPoints: [...ENTRIES, ...ROOT_PARTS].map((name) => `src/entries/${name}.ts`),
  outdir: "dist",
  outbase: "src",
  entryNames: "[dir]/[name]",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  // ./testing imports the bundled spec `with { type: "json" }`.
  supported: { "import-attributes": true },
  // src/ ships too, so the maps point at it rather than carrying a copy.
  // Whitespace and syntax minified, names kept (stack traces and class names read as in src/): Node compiles every
  // byte of a module it loads, so this is start time (bench/cold-start.ts); the maps lead back to src/.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  sourcesContent: false,
  logLevel: "warning",
  // node: built-ins stay imports (./testing's fake serves HTTP); the client itself uses none.
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), "node:*"],
  plugins: [validatorsStayBehindTheirEntry],
});
