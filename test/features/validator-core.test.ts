// validatorFor: what ajv says, as paths and messages; a value that throws while read.
import { describe, expect, it } from "vitest";
import { type AjvError, type PrecompiledValidator } from "../../generated/validators.js";
import { MAX_LISTED_ERRORS, validatorFor } from "../../src/core/validator.js";

/** A precompiled validator that refuses everything with `errors`. */
const refusing = (errors: AjvError[] | null): PrecompiledValidator => Object.assign(() => false, { errors });
/** A precompiled validator that throws `cause` while reading its input, as one does on a hostile getter. */
const throwing = (cause: unknown): PrecompiledValidator => () => {
  throw cause;
};
const error = (keyword: string, fields: Partial<AjvError> = {}): AjvError => ({ instancePath: "", schemaPath: `#/${keyword}`, keyword, params: {}, ...fields });
const errorsOf = (errors: AjvError[] | null) => {
  const result = validatorFor(refusing(errors))({});
  if (result.valid) throw new Error("accepted");
  return result.errors;
};
const readFailure = (cause: unknown, value: unknown) => {
  const result = validatorFor(throwing(cause))(value);
  if (result.valid) throw new Error("accepted");
  return result.errors;
};

describe("validatorFor: what ajv says, as paths and messages", () => {
  it("a valid value comes back as given; a refusal without errors is a refusal with none listed", () => {
    const value = { a: 1 };
    expect(validatorFor(() => true)(value)).toEqual({ valid: true, value });
    expect(errorsOf(null)).toEqual([]);
  });

  it("allOf and $ref failures are left out (the inner keyword says it); the same path and message once", () => {
    const type = error("type", { instancePath: "/displayName", params: { type: "string" } });
    expect(errorsOf([error("allOf"), error("$ref"), type, { ...type }])).toEqual([{ path: "/displayName", message: "must be string" }]);
  });

  it(`at most ${MAX_LISTED_ERRORS} listed, then one entry counting the rest, singular or plural`, () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => error("required", { params: { missingProperty: `p${i}` } }));
    expect(errorsOf(many(MAX_LISTED_ERRORS))).toHaveLength(MAX_LISTED_ERRORS);
    expect(errorsOf(many(MAX_LISTED_ERRORS + 1)).at(-1)).toEqual({ path: "", message: "and 1 more error, not listed" });
    expect(errorsOf(many(MAX_LISTED_ERRORS + 2)).at(-1)).toEqual({ path: "", message: "and 2 more errors, not listed" });
  });

  it("unknown properties, by additionalProperties or unevaluatedProperties, at the child's escaped path", () => {
    expect(errorsOf([error("additionalProperties", { instancePath: "/a", params: { additionalProperty: "x/y~z" } })])).toEqual([
      { path: "/a/x~1y~0z", message: 'unknown property "x/y~z" is not allowed' },
    ]);
    expect(errorsOf([error("unevaluatedProperties", { params: { unevaluatedProperty: "extra" } })])).toEqual([{ path: "/extra", message: 'unknown property "extra" is not allowed' }]);
  });

  it("a read-only property, by a false schema or a not on the property, named unescaped", () => {
    expect(errorsOf([error("false schema", { instancePath: "/a~1b" })])).toEqual([{ path: "/a~1b", message: 'property "a/b" is not allowed here (read-only)' }]);
    expect(errorsOf([error("not", { instancePath: "/x~0y", schemaPath: "#/properties/x~0y/not" })])).toEqual([
      { path: "/x~0y", message: 'property "x~y" is not allowed here (read-only)' },
    ]);
  });

  it("any other not is the refusal of a top-level value: a collection or a wrapper", () => {
    const wrapper = { path: "/value", message: 'a top-level "value" makes this a collection or a wrapper, not the object itself' };
    expect(errorsOf([error("not", { schemaPath: "#/not" })])).toEqual([wrapper]);
    expect(errorsOf([error("not", { schemaPath: "#/properties/value/not/anyOf/0" })])).toEqual([wrapper]);
  });

  it("enum and const quote strings; type lists read as words", () => {
    expect(errorsOf([error("enum", { params: { allowedValues: ["a", 1] } })])).toEqual([{ path: "", message: 'must be one of "a", 1' }]);
    expect(errorsOf([error("const", { params: { allowedValue: "x" } })])).toEqual([{ path: "", message: 'must be "x"' }]);
    expect(errorsOf([error("type", { params: { type: ["string", "null"] } })])).toEqual([{ path: "", message: "must be string or null" }]);
  });

  it("formats: our words for date-time and uri, the format's name otherwise; other keywords: ajv's message, or the keyword", () => {
    expect(errorsOf([error("format", { params: { format: "uri" } })])[0]!.message).toBe("must be an absolute URI, such as https://example.com/onboarding/");
    expect(errorsOf([error("format", { params: { format: "email" } })])[0]!.message).toBe('must match format "email"');
    expect(errorsOf([error("minLength", { message: "must NOT have fewer than 1 characters" })])[0]!.message).toBe("must NOT have fewer than 1 characters");
    expect(errorsOf([error("minLength")])[0]!.message).toBe('fails the "minLength" rule');
  });
});

describe("validatorFor: a value that throws while it is read", () => {
  it("names the path where reading throws, past null children and already-seen objects", () => {
    const shared = { fine: true };
    const value = { a: null, b: shared, c: shared, d: { get e() { throw new Error("boom"); } } };
    expect(readFailure(new Error("boom"), value)).toEqual([{ path: "/d/e", message: "could not be read: Error: boom" }]);
  });

  it("a nested object whose keys cannot be listed is the path", () => {
    const keyless = new Proxy({}, { ownKeys: () => { throw new TypeError("no keys"); } });
    expect(readFailure(new TypeError("no keys"), { ok: 1, inner: keyless })).toEqual([{ path: "/inner", message: "could not be read: TypeError: no keys" }]);
  });

  it("the value as a whole when nothing in it throws on a second read, or when the walk itself fails", () => {
    expect(readFailure("once only", { a: 1 })).toEqual([{ path: "", message: "could not be read: once only" }]);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(readFailure(new RangeError("too deep"), deep)).toEqual([{ path: "", message: "could not be read: RangeError: too deep" }]);
  });

  it("a thrown thing that cannot be printed either is said so, never rethrown", () => {
    expect(readFailure(Object.create(null), {})).toEqual([{ path: "", message: "could not be read: it threw something that cannot be printed either" }]);
  });
});
