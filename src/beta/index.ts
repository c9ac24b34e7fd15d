// `remote-assistance-contract/beta`: the same client as v1.0's (../client/factory.ts), given the beta contract (its
// default base URL, types and validators), with the settings singleton beside the partner's operations; and the
// beta types and validators. Nothing here is loaded by the root entry.
import type { Client } from "openapi-fetch";
import type { Received } from "../client/pipeline.js";
import { clientCore, partnerMethods, type CallOptions, type RemoteAssistancePartnerMethods, type TypesOf } from "../client/factory.js";
import { op, operationUrl } from "../client/operations.js";
import { DEFAULT_BETA_BASE_URL, type RemoteAssistanceClientOptions } from "../client/options.js";
import { openTelemetry } from "../client/opentelemetry.js";
import { createRawClient } from "../client/raw.js";
import { loadBetaValidation } from "./load-validation.js";
import type {
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  RemoteAssistanceSettings,
  RemoteAssistanceSettingsUpdate,
  operations,
  paths,
} from "./types.js";

export * from "./types.js";
export * from "./validation.js";
export { bearerAuth, type AccessTokenProvider, type BearerAuthOptions } from "../middleware/bearer-auth.js";
export { retry, type RetryOptions } from "../middleware/retry.js";
export { ContractViolationError, GraphError, type GraphErrorInit, type GraphErrorLocalCode } from "../errors.js";
export type { CallOptions, ListAllOptions } from "../client/factory.js";
export { CLOUDS, type Cloud, type FetchLike, type RemoteAssistanceClientOptions, type ValidationMode, type ValidatorsOption } from "../client/options.js";
export type { CallEndHook, CallReport, CallSpan, Tracing } from "../client/telemetry.js";
export { openTelemetry } from "../client/opentelemetry.js";
export type { AccessToken, TokenCredential } from "../client/tokens.js";

/** Graph beta, the global service. */
export const DEFAULT_BASE_URL = DEFAULT_BETA_BASE_URL;

type Beta = TypesOf<operations, RemoteAssistancePartner, RemoteAssistancePartnerUpdate, RemoteAssistancePartnerCreate, RemoteAssistancePartnerCollection>;
export type ListQuery = Beta["listQuery"];
export type CountQuery = Beta["countQuery"];
export type GetQuery = Beta["getQuery"];

export interface RemoteAssistanceClient extends RemoteAssistancePartnerMethods<Beta> {
  /** The account's remote assistance settings. */
  getSettings(options?: CallOptions): Promise<RemoteAssistanceSettings>;
  /** Resolves to the updated settings on 200, to `undefined` on 204 (both are success). */
  updateSettings(patch: RemoteAssistanceSettingsUpdate, options?: CallOptions): Promise<RemoteAssistanceSettings | undefined>;
  /** The typed openapi-fetch client of the beta paths, with the same auth, retry and redirect rules. */
  raw: Client<paths>;
}

/** Beta's own operations: the account's settings singleton. */
const SETTINGS_OPERATIONS = {
  get: op("getRemoteAssistanceSettings", "GET", "settings"),
  update: op("updateRemoteAssistanceSettings", "PATCH", "settings"),
};

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const core = clientCore({ version: "beta", loadValidators: loadBetaValidation, tracing: openTelemetry }, options);
  const { checks, send, call } = core;
  const settings = (received: Received, what: string) => checks.object(received, what, "validateRemoteAssistanceSettings") as RemoteAssistanceSettings | Promise<RemoteAssistanceSettings>;
  return {
    ...partnerMethods<Beta>(core),
    getSettings: (callOptions) => call(SETTINGS_OPERATIONS.get, callOptions, undefined, undefined, (r) => settings(r, "the settings")),
    async updateSettings(patch, callOptions) {
      const url = operationUrl(core.options.baseUrl, SETTINGS_OPERATIONS.update);
      const body = await checks.body("settings", "validateRemoteAssistanceSettingsUpdate", patch);
      return send(SETTINGS_OPERATIONS.update, url, callOptions, body, (r) => (r.text === "" ? undefined : settings(r, "the updated settings")));
    },
    raw: createRawClient<paths>(core.options),
  };
}
