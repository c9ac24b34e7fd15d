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

  it("every response of every operation has an example for each header and each body (the msw handlers answer with them)", () => {
    type Node = Record<string, any>;
    const resolved = (node: Node): Node => (node.$ref ? resolved(at(node.$ref.slice(1))) : node);
    const missing: string[] = [];
    for (const [path, item] of Object.entries(spec.paths as Node)) {
      for (const [method, operation] of Object.entries(item as Node)) {
        for (const [status, response] of Object.entries((operation.responses ?? {}) as Node)) {
          const { headers = {}, content = {} } = resolved(response);
          for (const [name, header] of Object.entries(headers as Node)) if (!Object.keys(resolved(header).examples ?? {}).length) missing.push(`${method} ${path} ${status} header ${name}`);
          for (const [type, media] of Object.entries(content as Node)) if (!Object.keys(media.examples ?? {}).length) missing.push(`${method} ${path} ${status} ${type}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("walks the schema each example points at (no dangling pointer)", () => {
    for (const example of examples) expect(at(example.schemaPointer), example.schemaPointer).toBeTypeOf("object");
  });
});
