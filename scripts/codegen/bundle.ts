// Bundles spec/openapi.yaml into one JSON document with Redocly, the same tool that lints it, so the bundle
// consumers and validators read is exactly what the linter approved.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redocly } from "../redocly.ts";

export type OpenApiDocument = Record<string, unknown> & {
  info: { version: string };
  components: { schemas: Record<string, unknown> };
};

export function bundleSpec(root: string, specPath: string): OpenApiDocument {
  const dir = mkdtempSync(join(tmpdir(), "ra-bundle-"));
  try {
    const out = join(dir, "openapi.json");
    redocly(["bundle", join(root, specPath), "--output", out], { capture: true, quiet: true });
    return JSON.parse(readFileSync(out, "utf8")) as OpenApiDocument;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
