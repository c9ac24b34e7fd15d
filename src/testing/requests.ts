// How the fake judges a request: the bearer token, and the body against the contract. Which operations take a body,
// and which validator judges it, come from the operations manifest; the validators are the package's public ones.
//
// Two rule sets, kept apart:
// - Graph's (the default): what the service accepts from Microsoft's own SDKs. On a get → change → PATCH round trip
//   they send back `id`, `@odata.type` and `@odata.context` (design notes, "Round trips"; Microsoft's create and
//   update pages list `id` among the body properties). The fake accepts them and ignores them: `id` only when it is
//   the path's (on a create, the service sets the id whatever the body says), any `@odata.` annotation always.
//   What is left must still be the contract's body: an unknown property or a wrong value is a 400, as in Graph.
// - This package's (`strict: true`): the body as the client and validators judge it, `id`, `@odata.context` and
//   unknown properties refused (the spec marks these rules `x-package-rule`).
import type { Contract, ManifestOperation, ValidationError } from "./fake/contract.js";

export type BodyVerdict = { ok: true; body?: Record<string, unknown> } | { ok: false; errors: ValidationError[] };

/**
 * RFC 9110, 11.1: the authentication scheme is case-insensitive (`bearer`, `BEARER`), then one or more spaces and
 * the token. The token itself, or undefined when there is none.
 */
export function bearerToken(authorization: string | null): string | undefined {
  return /^bearer +(\S+)/i.exec(authorization ?? "")?.[1];
}

export interface JudgeOptions {
  strict: boolean;
  /** The id in the request's path, for an operation on one partner. */
  pathId?: string | undefined;
}

/** The verdict on the body of one request of `operation`; an operation that takes no body passes whatever it is sent. */
export function judgeBody(contract: Contract, operation: ManifestOperation, bodyText: string, options: JudgeOptions): BodyVerdict {
  if (!operation.body) return { ok: true };
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { ok: false, errors: [{ path: "", message: "is not valid JSON" }] };
  }
  const errors: ValidationError[] = [];
  if (!options.strict && body && typeof body === "object" && !Array.isArray(body)) body = asGraphReadsIt(body as Record<string, unknown>, options.pathId, errors);
  const result = contract.validator(operation.body.validator)(body);
  if (!result.valid) errors.push(...result.errors);
  return errors.length ? { ok: false, errors } : { ok: true, body: body as Record<string, unknown> };
}

function asGraphReadsIt(body: Record<string, unknown>, pathId: string | undefined, errors: ValidationError[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith("@odata.")) continue;
    if (key === "id") {
      // Not documented by Microsoft: a body id other than the path's is refused rather than silently ignored.
      if (pathId !== undefined && value !== pathId) errors.push({ path: "/id", message: `must be the id in the path ('${pathId}') or left out` });
      continue;
    }
    kept[key] = value;
  }
  return kept;
}
