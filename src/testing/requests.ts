// How the mocks of this package judge a request, in one place: the bearer token, and the body against the contract
// with this package's own validators. The static msw handlers and the stateful fake both ask here; they differ only
// in how they answer (the static handlers as Prism does, 422; the fake as Graph does, 400).
import * as beta from "../contracts/beta/validators.js";
import { validateRemoteAssistancePartnerCreate, validateRemoteAssistancePartnerUpdate, type ValidationError, type Validator } from "../contracts/v1/validators.js";

export type BodyVerdict = { ok: true; body?: Record<string, unknown> } | { ok: false; errors: ValidationError[] };

const BODY_VALIDATORS: Record<"v1.0" | "beta", Record<string, Validator<unknown>>> = {
  "v1.0": {
    createRemoteAssistancePartner: validateRemoteAssistancePartnerCreate,
    updateRemoteAssistancePartner: validateRemoteAssistancePartnerUpdate,
  },
  beta: {
    createRemoteAssistancePartner: beta.validateRemoteAssistancePartnerCreate,
    updateRemoteAssistancePartner: beta.validateRemoteAssistancePartnerUpdate,
    updateRemoteAssistanceSettings: beta.validateRemoteAssistanceSettingsUpdate,
  },
};

export const hasBearerToken = (authorization: string | null) => /^Bearer \S+/.test(authorization ?? "");

/**
 * The verdict on the body of one request of `operationId`, judged by the validators of `version`'s contract; an
 * operation without a body passes. (The bearer token is the caller's to check first, with hasBearerToken.)
 */
export function judgeBody(operationId: string, bodyText: string, version: "v1.0" | "beta" = "v1.0"): BodyVerdict {
  const validate = BODY_VALIDATORS[version][operationId];
  if (!validate) return { ok: true };
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { ok: false, errors: [{ path: "", message: "is not valid JSON" }] };
  }
  const result = validate(body);
  return result.valid ? { ok: true, body: result.value as Record<string, unknown> } : { ok: false, errors: result.errors };
}
