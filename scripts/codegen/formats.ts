// The format checks the validators use (date-time, uri, …) are ajv-formats' own, bundled by esbuild into the
// validators' module instead of imported at run time: ajv-formats is CommonJS and brings ajv along as a dependency,
// and loading it cost consumers ~5 ms at start-up and five extra packages at install. Same code, same behaviour;
// its MIT license travels with it. The result declares one module-scoped `ajvFormats` ({ fullFormats }).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";

export function bundleFormats(root: string): string {
  const pkg = join(root, "node_modules/ajv-formats");
  const { version } = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { version: string };
  const license = readFileSync(join(pkg, "LICENSE"), "utf8").trim();
  const result = buildSync({
    stdin: { contents: 'export { fullFormats } from "ajv-formats/dist/formats.js";', resolveDir: root, sourcefile: "formats-entry.js" },
    bundle: true,
    format: "iife",
    globalName: "ajvFormats",
    platform: "neutral",
    target: "es2022",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  // Marked pure: an application that bundles the package without using the validators drops the whole module (a
  // top-level call would otherwise keep it, and every validator with it, in the application's up-front code).
  const code = result.outputFiles[0]!.text.replace(/^var ajvFormats = \(\(\) => \{/m, "var ajvFormats = /* @__PURE__ */ (() => {");
  if (!code.includes("/* @__PURE__ */ (() => {")) throw new Error("esbuild's IIFE no longer starts `var ajvFormats = (() => {`: check bundleFormats()");
  // "/*!" marks a legal comment, which bundlers (our own dist build included) keep.
  return `/*!\n * ajv-formats@${version}, bundled by scripts/codegen/formats.ts.\n *\n${license.replace(/^/gm, " * ").replace(/ +$/gm, "")}\n */\n${code}`;
}
