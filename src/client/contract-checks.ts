// What goes out and what comes back, checked. Always, and cheaply: a request body is a plain object serialised once,
// an entity is a JSON object, a page is an object whose `value` is an array of objects, a count is a safe whole
// number. With `validate` on, also against the contract, by the precompiled validators the manifest names (loaded on
// first use), on exactly what is sent.
import { ContractViolationError, GraphError } from "../core/errors.js";
import type { OperationEntry, Received } from "../core/shapes.js";
import { validatorName, type ContractValidators, type Validator } from "../core/validator.js";
import { graphErrorFromResponse } from "./http-error.js";
import { serialiseBody } from "./request-body.js";

export interface ContractChecks {
  /** The operation's body as it will be sent; a TypeError or ContractViolationError before anything is sent. */
  body(operation: OperationEntry, body: unknown): string | Promise<string>;
  /** The success of `operation` as its manifest says it reads; a GraphError for an HTTP error. */
  success(operation: OperationEntry, received: Received): unknown;
}

export function contractChecks(checkRequests: boolean, checkResponses: boolean, loadValidators: (() => Promise<ContractValidators>) | undefined): ContractChecks {
  const load = loadValidators!; // there whenever a check is on (./options.ts)
  // Plain functions, not async ones, when validation is off: a call then settles without extra rounds of promises.
  const validated = (validator: string | null, value: unknown, status: number): unknown =>
    checkResponses && validator ? againstContract(load, validator, value, status) : value;

  return {
    body(operation, body) {
      // Called for operations that take a body only (./create-client.ts). Named only for a message, when there is one.
      const { validator } = operation.body!;
      const kind = () => bodyName(validator);
      const text = serialiseBody(kind, body);
      return checkRequests ? bodyAgainstContract(load, kind, validator, text) : text;
    },
    success({ success }, received) {
      if (!received.response.ok) throw graphErrorFromResponse(received);
      switch (success.kind) {
        case "none":
          return undefined;
        case "count":
          return count(received);
        case "page":
          return validated(success.validator, page(received), received.response.status);
        default:
          // An entity that may also be answered with no content (PATCH's 204): success without the entity.
          if (received.text === "" && success.statuses.includes(204)) return undefined;
          return validated(success.validator, jsonObject(received, () => entityName(success.validator)), received.response.status);
      }
    },
  };
}

function page(received: Received): Record<string, unknown> {
  const body = jsonObject(received, () => "a list page");
  if (!Array.isArray(body.value)) throw invalidResponse(received, `a list page whose "value" is not an array`);
  // Validation may be off: an item that is not an object is never handed out as an entity.
  const bad = body.value.findIndex((item) => item === null || typeof item !== "object" || Array.isArray(item));
  if (bad >= 0) throw invalidResponse(received, `a list page whose item ${bad} is not a JSON object`);
  return body;
}

/** "update", "create", "settings": a request body named for messages, from its validator's name. */
function bodyName(validator: string): string {
  const name = validator.replace(/^remoteAssistance(?:Partner)?/, "").replace(/(.)Update$/, "$1");
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** "a partner", "the settings": the entity a validator checks, named for messages. */
function entityName(validator: string | null): string {
  const noun = (validator ?? "entity").replace(/^remoteAssistance(.)/, (_m, first: string) => first.toLowerCase());
  return noun.endsWith("s") ? `the ${noun}` : `a ${noun}`;
}

function count(received: Received): number {
  const text = received.text.trim();
  if (!/^\d+$/.test(text)) throw invalidResponse(received, `a count that is not a whole number (${JSON.stringify(text.slice(0, 40))})`);
  const value = Number(text);
  // 400 digits would be Infinity; past 2^53−1 digits are lost: neither is a count to hand out.
  if (!Number.isSafeInteger(value)) throw invalidResponse(received, `a count past the largest safe integer (${text.length} digits)`);
  return value;
}

async function againstContract(load: () => Promise<ContractValidators>, validator: string, value: unknown, status: number): Promise<unknown> {
  const result = validatorOf(await load(), validator)(value);
  if (!result.valid) throw new ContractViolationError("response", result.errors, `The ${status} response body`, status);
  return value;
}

async function bodyAgainstContract(load: () => Promise<ContractValidators>, kind: () => string, validator: string, text: string): Promise<string> {
  // The wire form, parsed back: what the validator sees is what the service will.
  const result = validatorOf(await load(), validator)(JSON.parse(text));
  if (!result.valid) throw new ContractViolationError("request", result.errors, `The ${kind()} body`);
  return text;
}

/** A validator of the module given as `validators`, or a TypeError when it is not the contract's module. */
function validatorOf(validators: ContractValidators, precompiled: string): Validator<unknown> {
  const name = validatorName(precompiled);
  const validate = validators[name];
  if (typeof validate !== "function") throw new TypeError(`validators has no ${name}: give this contract's validators module`);
  return validate;
}

const JSON_TYPE = /\bjson\b/i;

/** The body parsed as a JSON object, or InvalidResponse saying what it was instead. */
function jsonObject(received: Received, what: () => string): Record<string, unknown> {
  if (received.text === "") throw invalidResponse(received, `${what()} with no body`);
  const type = received.response.headers.get("content-type");
  if (!JSON_TYPE.test(type ?? "")) throw invalidResponse(received, `${what()} that is not JSON (${type ?? "no content-type"})`);
  let value: unknown;
  try {
    value = JSON.parse(received.text);
  } catch (cause) {
    throw invalidResponse(received, `a body that is not valid JSON (${(cause as Error).message})`, cause);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidResponse(received, `${what()} that is not a JSON object (${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value})`);
  }
  return value as Record<string, unknown>;
}

export function invalidResponse({ response, clientRequestId }: Received, what: string, cause?: unknown): GraphError {
  return new GraphError({
    status: response.status,
    code: "InvalidResponse",
    message: `HTTP ${response.status} with ${what}`,
    requestId: response.headers.get("request-id") ?? undefined,
    clientRequestId,
    date: response.headers.get("date") ?? undefined,
    cause,
  });
}
