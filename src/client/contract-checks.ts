// What goes out and what comes back, checked. Always, and cheaply: a request body is a plain object serialised once,
// a partner is a JSON object, a page is an object whose `value` is an array, a count is digits. With `validate` on,
// also against the contract, by the precompiled validators (loaded on first use), on exactly what is sent.
import { ContractViolationError, GraphError } from "../errors.js";
import type { Validator } from "../validation-core.js";
import { serialiseBody } from "./body.js";
import type { Received } from "./pipeline.js";

/** The validators a contract has: v1.0's, or beta's with the settings'. Loaded on first use only. */
export interface ContractValidators {
  validateRemoteAssistancePartner: Validator<unknown>;
  validateRemoteAssistancePartnerCollection: Validator<unknown>;
  validateRemoteAssistancePartnerUpdate: Validator<unknown>;
  validateRemoteAssistancePartnerCreate: Validator<unknown>;
  validateRemoteAssistanceSettings?: Validator<unknown>;
  validateRemoteAssistanceSettingsUpdate?: Validator<unknown>;
}

export type ValidatorName = keyof ContractValidators;

export interface ContractChecks {
  /** The `kind` body (update, create…) as it will be sent; a TypeError or ContractViolationError before anything is sent. */
  body(kind: string, validator: ValidatorName, body: unknown): string | Promise<string>;
  /** A JSON object (a partner, the settings) from a success, or InvalidResponse (or ContractViolationError with response validation). */
  object(received: Received, what: string, validator: ValidatorName): unknown;
  page(received: Received): unknown;
  count(received: Received): number;
}

export function contractChecks(checkRequests: boolean, checkResponses: boolean, loadValidators: (() => Promise<ContractValidators>) | undefined): ContractChecks {
  const load = loadValidators!; // there whenever a check is on (./options.ts)
  // Plain functions, not async ones, when validation is off: a call then settles without extra rounds of promises.
  const validated = (validator: ValidatorName, value: unknown, status: number): unknown =>
    checkResponses ? againstContract(load, validator, value, status) : value;

  return {
    body(kind, validator, body) {
      const text = serialiseBody(kind, body);
      return checkRequests ? bodyAgainstContract(load, kind, validator, text) : text;
    },
    object: (received, what, validator) => validated(validator, jsonObject(received, what), received.response.status),
    page(received) {
      const page = jsonObject(received, "a list page");
      if (!Array.isArray(page.value)) throw invalidResponse(received, `a list page whose "value" is not an array`);
      return validated("validateRemoteAssistancePartnerCollection", page, received.response.status);
    },
    count(received) {
      const text = received.text.trim();
      if (!/^\d+$/.test(text)) throw invalidResponse(received, `a count that is not a whole number (${JSON.stringify(text.slice(0, 40))})`);
      return Number(text);
    },
  };
}

async function againstContract(load: () => Promise<ContractValidators>, validator: ValidatorName, value: unknown, status: number): Promise<unknown> {
  const validate = validatorOf(await load(), validator);
  const result = validate(value);
  if (!result.valid) throw new ContractViolationError("response", result.errors, `The ${status} response body`, status);
  return value;
}

async function bodyAgainstContract(load: () => Promise<ContractValidators>, kind: string, validator: ValidatorName, text: string): Promise<string> {
  const validate = validatorOf(await load(), validator);
  // The wire form, parsed back: what the validator sees is what the service will.
  const result = validate(JSON.parse(text));
  if (!result.valid) throw new ContractViolationError("request", result.errors, `The ${kind} body`);
  return text;
}

/** A validator of the module given as `validators`, or a TypeError when it is not the contract's module. */
function validatorOf(validators: ContractValidators, name: ValidatorName): Validator<unknown> {
  const validate = validators[name];
  if (typeof validate !== "function") throw new TypeError(`validators has no ${name}: give this contract's validators module`);
  return validate;
}

/** The body parsed as a JSON object, or InvalidResponse saying what it was instead. */
function jsonObject(received: Received, what: string): Record<string, unknown> {
  if (received.text === "") throw invalidResponse(received, `${what} with no body`);
  if (!received.json) throw invalidResponse(received, `${what} that is not JSON (${received.response.headers.get("content-type") ?? "no content-type"})`);
  let value: unknown;
  try {
    value = JSON.parse(received.text);
  } catch (cause) {
    throw invalidResponse(received, `a body that is not valid JSON (${(cause as Error).message})`, cause);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidResponse(received, `${what} that is not a JSON object (${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value})`);
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
