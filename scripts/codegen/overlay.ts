// Applies an OpenAPI Overlay 1.0 document (spec/overlays/<lang>.yaml) to the bundle with openapi-format, and fails
// when an action targets nothing: a renamed operation or schema must not silently leave English text behind.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import openapiFormat from "openapi-format";
import { parse } from "yaml";
import type { OpenApiDocument } from "./bundle.ts";

export async function applyOverlay(root: string, bundle: OpenApiDocument, language: string): Promise<OpenApiDocument> {
  const path = join("spec", "overlays", `${language}.yaml`);
  const overlaySet = parse(readFileSync(join(root, path), "utf8"));
  const { data, resultData } = await openapiFormat.openapiOverlay(structuredClone(bundle) as never, { overlaySet });
  const unused = (resultData as { unusedActions?: { target: string }[] }).unusedActions ?? [];
  if (unused.length > 0) {
    throw new Error(`${path}: ${unused.length} action(s) matched nothing:\n${unused.map((a) => `  ${a.target}`).join("\n")}`);
  }
  return data as unknown as OpenApiDocument;
}
