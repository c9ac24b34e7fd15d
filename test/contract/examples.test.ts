import { describe, expect, it } from "vitest";
import { at, collectExamples, createSpecAjv, spec } from "../helpers/spec.js";

const ajv = createSpecAjv();
const examples = collectExamples();

describe("every example in the bundled spec", () => {
  it("finds the examples of request bodies, responses, parameters, headers and schemas", () => {
    const kinds = new Set(examples.map((e) => e.pointer.match(/\/(requestBody|responses|parameters|headers|schemas)\//)?.[1]));
    expect(kinds).toEqual(new Set(["requestBody", "responses", "parameters", "headers", "schemas"]));
  });

  it("misses none: as many as there are `example` keys and `examples` entries anywhere in the bundle", () => {
    const count = (node: unknown): number => {
      if (!node || typeof node !== "object") return 0;
      let n = 0;
      for (const [key, child] of Object.entries(node)) {
        if (key === "example") n += 1;
        else if (key === "examples" && child && typeof child === "object" && !Array.isArray(child)) n += Object.keys(child).length;
        else n += count(child);
      }
      return n;
    };
    expect(examples.length).toBe(count(spec));
  });

  it.each(examples.map((e) => [e.pointer, e] as const))("%s validates against its schema", (_pointer, example) => {
    const validate = ajv.compile({ $ref: `spec#${encodeURI(example.schemaPointer)}` });
    const valid = validate(example.value);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("walks the schema each example points at (no dangling pointer)", () => {
    for (const example of examples) expect(at(example.schemaPointer), example.schemaPointer).toBeTypeOf("object");
  });
});
