// The bundled spec, an ajv instance that compiles schemas straight from it (independent of the precompiled
// validators under test), and a walk over every example the spec holds.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { OPENAPI_KEYWORDS } from "../../scripts/codegen/validators.js";

export const root = new URL("../../", import.meta.url).pathname;
export const spec = JSON.parse(readFileSync(`${root}generated/openapi.json`, "utf8")) as Record<string, any>;

export function createSpecAjv() {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv, { mode: "full" });
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  ajv.addSchema(spec, "spec");
  return ajv;
}

export interface SpecExample {
  /** JSON pointer of the example's value in the bundle. */
  pointer: string;
  /** JSON pointer of the schema it must satisfy. */
  schemaPointer: string;
  value: unknown;
}

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Every example in the spec: `examples.*.value` and `example` beside a `schema` (media types, parameters, headers),
 * and `example` inside a schema, checked against that schema.
 */
export function collectExamples(node: unknown = spec, pointer = ""): SpecExample[] {
  if (!node || typeof node !== "object") return [];
  const found: SpecExample[] = [];
  const object = node as Record<string, unknown>;
  const insideSchemas = pointer.includes("/schemas/") || pointer.endsWith("/schema") || pointer.includes("/schema/");
  if ("schema" in object) {
    if ("example" in object) found.push({ pointer: `${pointer}/example`, schemaPointer: `${pointer}/schema`, value: object.example });
    for (const [name, example] of Object.entries((object.examples ?? {}) as Record<string, { value?: unknown }>)) {
      if (example && "value" in example) {
        found.push({ pointer: `${pointer}/examples/${escape(name)}/value`, schemaPointer: `${pointer}/schema`, value: example.value });
      }
    }
  } else if (insideSchemas && "example" in object && !Array.isArray(node)) {
    found.push({ pointer: `${pointer}/example`, schemaPointer: pointer, value: object.example });
  }
  for (const [key, child] of Object.entries(object)) {
    if (key === "example" || key === "examples") continue;
    found.push(...collectExamples(child, `${pointer}/${escape(key)}`));
  }
  return found;
}

/** The value at a JSON pointer of the bundle. */
export function at(pointer: string): any {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((node: any, key) => node?.[key], spec);
}
