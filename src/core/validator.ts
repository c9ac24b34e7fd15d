// How a precompiled ajv validator becomes a Validator: it never throws, whatever it is given, and it says what is
// wrong as JSON pointers and plain messages, at most MAX_LISTED_ERRORS of them. Shared by the v1.0 and the beta
// validators (src/contracts/*/validators.ts), which differ only in the schemas they were compiled from.
import type { AjvError, PrecompiledValidator } from "../../generated/validators.js";

export interface ValidationError {
  /** JSON pointer to the offending value: `/onboardingStatus`, or `""` for the value as a whole. */
  path: string;
  message: string;
}

export type ValidationResult<T> = { valid: true; value: T } | { valid: false; errors: ValidationError[] };

export type Validator<T> = (value: unknown) => ValidationResult<T>;

/**
 * A contract's validators module (`remote-assistance-contract/validators`, `/beta/validators`): `validate…`
 * functions by name. The manifest names each body's precompiled validator (`remoteAssistancePartnerUpdate`); its
 * public name is `validate` and that name capitalised (validatorName).
 */
export type ContractValidators = { readonly [name: `validate${string}`]: Validator<unknown> | undefined };

export const validatorName = (precompiled: string): `validate${string}` => `validate${precompiled[0]!.toUpperCase()}${precompiled.slice(1)}`;

/** The most errors listed; past it, one last entry counts the rest (a page of 60,000 bad partners stays readable). */
export const MAX_LISTED_ERRORS = 100;

export function validatorFor<T>(validate: PrecompiledValidator): Validator<T> {
  return (value) => {
    let valid: boolean;
    try {
      valid = validate(value);
    } catch (cause) {
      // Only a hostile value gets here (a getter, Proxy or toString that throws while being read).
      return { valid: false, errors: [unreadable(value, cause)] };
    }
    if (valid) return { valid: true, value: value as T };
    return { valid: false, errors: describeErrors(validate.errors ?? []) };
  };
}

/** Finds where reading `value` throws, reading it again property by property, and names that path. */
function unreadable(value: unknown, cause: unknown): ValidationError {
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): string | undefined => {
    if (v === null || typeof v !== "object" || seen.has(v)) return undefined;
    seen.add(v);
    let keys: string[];
    try {
      keys = Object.keys(v);
    } catch {
      return path;
    }
    for (const key of keys) {
      const at = childPath(path, key);
      let child: unknown;
      try {
        child = (v as Record<string, unknown>)[key];
      } catch {
        return at;
      }
      const found = walk(child, at);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  let path = "";
  try {
    path = walk(value, "") ?? "";
  } catch {
    // A Proxy may refuse even the walk's first look; the value as a whole is then what could not be read.
  }
  return { path, message: `could not be read: ${describeThrown(cause)}` };
}

function describeThrown(cause: unknown): string {
  try {
    return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  } catch {
    return "it threw something that cannot be printed either";
  }
}

function describeErrors(errors: AjvError[]): ValidationError[] {
  const seen = new Set<string>();
  const described: ValidationError[] = [];
  let unlisted = 0;
  for (const error of errors) {
    // An allOf/$ref failure repeats what the inner keyword already said.
    if (error.keyword === "allOf" || error.keyword === "$ref") continue;
    if (described.length === MAX_LISTED_ERRORS) {
      unlisted++;
      continue;
    }
    const one = describeError(error);
    const key = `${one.path}\u0000${one.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    described.push(one);
  }
  if (unlisted) described.push({ path: "", message: `and ${unlisted} more ${unlisted === 1 ? "error" : "errors"}, not listed` });
  return described;
}

function describeError({ instancePath, schemaPath, keyword, params, message }: AjvError): ValidationError {
  switch (keyword) {
    case "required": {
      const name = String(params.missingProperty);
      return { path: childPath(instancePath, name), message: `required property "${name}" is missing` };
    }
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      return { path: childPath(instancePath, name), message: `unknown property "${name}" is not allowed` };
    }
    case "false schema":
      return { path: instancePath, message: `property "${lastSegment(instancePath)}" is not allowed here (read-only)` };
    case "enum":
      return { path: instancePath, message: `must be one of ${listOf(params.allowedValues)}` };
    case "const":
      return { path: instancePath, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case "type":
      return { path: instancePath, message: `must be ${listOf(params.type, " or ")}` };
    case "not":
      // Two uses in the contracts: a read-only property refused in a request body (`id: { readOnly, not: {} }`), and
      // the refusal of a top-level `value` by the partner (and beta's settings): a collection or a wrapper.
      if (/\/properties\/[^/]+\/not$/.test(schemaPath)) return { path: instancePath, message: `property "${lastSegment(instancePath)}" is not allowed here (read-only)` };
      return { path: childPath(instancePath, "value"), message: 'a top-level "value" makes this a collection or a wrapper, not the object itself' };
    case "format":
      return { path: instancePath, message: FORMAT_MESSAGES[String(params.format)] ?? `must match format "${String(params.format)}"` };
    default:
      return { path: instancePath, message: message ?? `fails the "${keyword}" rule` };
  }
}

const FORMAT_MESSAGES: Record<string, string> = {
  "date-time": "must be an RFC 3339 date-time with a UTC offset, such as 2016-12-31T23:58:36.6670033-08:00",
  uri: "must be an absolute URI, such as https://example.com/onboarding/",
};

function listOf(values: unknown, separator = ", "): string {
  const items = Array.isArray(values) ? values : [values];
  return items.map((v) => (typeof v === "string" && separator === ", " ? JSON.stringify(v) : String(v))).join(separator);
}

function childPath(parent: string, name: string): string {
  return `${parent}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

function lastSegment(pointer: string): string {
  const segment = pointer.slice(pointer.lastIndexOf("/") + 1);
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
