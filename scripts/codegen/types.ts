// TypeScript types from the bundled spec, with openapi-typescript's programmatic API. That API lints with its own
// minimal Redocly config, so the strict ./redocly.yaml (which it would fail on) never gets in its way.
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import type { OpenApiDocument } from "./bundle.ts";

export async function generateTypes(bundle: OpenApiDocument): Promise<string> {
  // openapi-typescript mutates what it is given; hand it a copy so the bundle written to disk stays as bundled.
  const ast = await openapiTS(structuredClone(bundle) as unknown as OpenAPI3, {
    // Marks `id` as $Read<…>, so openapi-fetch's request-body types refuse it.
    readWriteMarkers: true,
    // Path params whose value is a plain string must not be `any`; keep the spec's types exactly.
    alphabetize: false,
  });
  return astToString(ast);
}
