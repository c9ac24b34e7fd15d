// `remote-assistance-contract/beta`: the same client as v1.0's, given the beta contract (its default base URL,
// manifest, types and validators), with the settings singleton beside the partner's operations; and the beta types
// and validators. Its errors are the same classes as every other entry's (one module, ../core/errors.ts).
import type { Client } from "openapi-fetch";
import { clientCore } from "../client/create-client.js";
import { DEFAULT_BETA_BASE_URL, type RemoteAssistanceClientOptions } from "../client/options.js";
import { partnerMethods, type QueryOf, type RemoteAssistancePartnerMethods } from "../client/partner-methods.js";
import { createRawClient } from "../client/raw.js";
import { betaContract } from "../contracts/beta/contract.js";
import { settingsMethods, type RemoteAssistanceSettingsMethods } from "../contracts/beta/settings-methods.js";
import type {
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  operations,
  paths,
} from "../contracts/beta/types.js";
import { openTelemetry } from "../transport/opentelemetry.js";

export * from "../contracts/beta/types.js";
export * from "./beta-validators.js";
export * from "./shared.js";

/** Graph beta, the global service. */
export const DEFAULT_BASE_URL = DEFAULT_BETA_BASE_URL;

export type BetaTypes = {
  operations: operations;
  partner: RemoteAssistancePartner;
  update: RemoteAssistancePartnerUpdate;
  create: RemoteAssistancePartnerCreate;
  collection: RemoteAssistancePartnerCollection;
};
export type ListQuery = QueryOf<operations, "listRemoteAssistancePartners">;
export type CountQuery = QueryOf<operations, "countRemoteAssistancePartners">;
export type GetQuery = QueryOf<operations, "getRemoteAssistancePartner">;

export interface RemoteAssistanceClient extends RemoteAssistancePartnerMethods<BetaTypes>, RemoteAssistanceSettingsMethods {
  /** The typed openapi-fetch client of the beta paths, on the same transport as the methods. */
  raw: Client<paths>;
}

// Loaded on first use, by the entry's own file (see ./index.ts for why).
let validators: Promise<typeof import("./beta-validators.js")> | undefined;
const loadBetaValidators = () => (validators ??= import("./beta-validators.js"));

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const core = clientCore({ ...betaContract, loadValidators: loadBetaValidators, tracing: openTelemetry }, options);
  return { ...partnerMethods<BetaTypes>(core), ...settingsMethods(core), raw: createRawClient<paths>(core, betaContract.operations) };
}
