// Bundles a small program with esbuild the way an application would (ESM, minified) and measures what loads up front:
// code-split (a dynamic import becomes its own chunk), the entry chunk and the chunks it imports statically; as one
// file (`splitting: false`, as many bundlers are set up for a function or a script), everything, a dynamic import
// inlined.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// The program is written to a temporary folder; bare imports (openapi-fetch, …) resolve from this project.
const NODE_MODULES = fileURLToPath(new URL("../../node_modules", import.meta.url));

export interface BundleSize {
  /** Minified bytes loaded up front. */
  minified: number;
  /** The same, gzip level 9. */
  gzip: number;
  /** Input file → bytes it contributes up front, to see what to cut. */
  inputs: Record<string, number>;
  /** Chunks loaded only on demand (dynamic import), with their minified bytes. */
  lazyChunks: Record<string, number>;
  /** The code loaded up front, to look for what must not be there. */
  code: string;
}

export async function measureBundle(program: string, { splitting = true }: { splitting?: boolean } = {}): Promise<BundleSize> {
  const dir = mkdtempSync(join(tmpdir(), "ra-size-"));
  try {
    const entry = join(dir, "entry.js");
    writeFileSync(entry, program);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      splitting,
      outdir: join(dir, "out"),
      write: false,
      metafile: true,
      logLevel: "silent",
      nodePaths: [NODE_MODULES],
    });
    const byPath = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
    const outputs = result.metafile.outputs;
    const entryOut = Object.keys(outputs).find((o) => outputs[o]!.entryPoint)!;
    // Follow static imports only: that is what loads before the program runs.
    const upFront = new Set<string>();
    const visit = (out: string) => {
      if (upFront.has(out)) return;
      upFront.add(out);
      for (const imp of outputs[out]!.imports) if (imp.kind === "import-statement") visit(imp.path);
    };
    visit(entryOut);
    const contents = [...upFront].map((o) => byPath.get(join(process.cwd(), o)) ?? byPath.get(o) ?? findOutput(byPath, o));
    const joined = Buffer.concat(contents.map((c) => Buffer.from(c)));
    const inputs: Record<string, number> = {};
    for (const o of upFront) for (const [input, { bytesInOutput }] of Object.entries(outputs[o]!.inputs)) inputs[input] = (inputs[input] ?? 0) + bytesInOutput;
    const lazyChunks = Object.fromEntries(Object.keys(outputs).filter((o) => !upFront.has(o) && o.endsWith(".js")).map((o) => [o.split("/").pop()!, outputs[o]!.bytes]));
    return { minified: joined.length, gzip: gzipSync(joined, { level: 9 }).length, inputs, lazyChunks, code: joined.toString("utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function findOutput(byPath: Map<string, Uint8Array>, relative: string): Uint8Array {
  for (const [path, contents] of byPath) if (path.endsWith(relative.replace(/^.*?out\//, "/out/"))) return contents;
  throw new Error(`esbuild output ${relative} not found`);
}
