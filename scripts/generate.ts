// Writes generated/ from spec/openapi.yaml: the bundled spec, its TypeScript types and precompiled validators.
// `--check` writes nothing and exits 1, naming each file, when a committed file differs from what it would write.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderGenerated, staleGenerated, writeGenerated } from "./codegen/sync.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const files = await renderGenerated(root);

if (!check) {
  const written = writeGenerated(root, files);
  console.log(written.length ? written.map((p) => `wrote ${p}`).join("\n") : `generated/ already up to date (${files.size} files)`);
} else {
  const stale = staleGenerated(root, files);
  if (stale.length === 0) {
    console.log(`generated/ is in step with spec/ (${files.size} files)`);
  } else {
    console.error("generated/ is out of step with spec/. Run `npm run generate` and commit the result. Differs:");
    for (const path of stale) console.error(`  ${path}`);
    process.exitCode = 1;
  }
}
