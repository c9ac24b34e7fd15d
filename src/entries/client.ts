// `remote-assistance-contract/client`: the entry for programs that call the API and want to stay small. Its client
// carries no validators (pass them in as `validators` to turn `validate` on), no `raw` (openapi-fetch) and no spans
// (pass `tracing: openTelemetry`, exported here and dropped by bundlers when unused), so a bundler, even without code
// splitting, leaves them out; the root entry's client has all three.
import { clientCore } from "../client/create-client.js";
import type { RemoteAssistanceClientOptions } from "../client/options.js";
import { partnerMethods, type QueryOf, type RemoteAssistancePartnerMethods } from "../client/partner-methods.js";
import { v1Contract } from "../contracts/v1/contract.js";
import type { operations, RemoteAssistancePartner, RemoteAssistancePartnerCollection, RemoteAssistancePartnerCreate, RemoteAssistancePartnerUpdate } from "../contracts/v1/types.js";

export type V1Types = {
  operations: operations;
  partner: RemoteAssistancePartner;
  update: RemoteAssistancePartnerUpdate;
  create: RemoteAssistancePartnerCreate;
  collection: RemoteAssistancePartnerCollection;
};
export type ListQuery = QueryOf<operations, "listRemoteAssistancePartners">;
export type CountQuery = QueryOf<operations, "countRemoteAssistancePartners">;
export type GetQuery = QueryOf<operations, "getRemoteAssistancePartner">;

export type RemoteAssistanceClient = RemoteAssistancePartnerMethods<V1Types>;

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  return partnerMethods<V1Types>(clientCore(v1Contract, options));
}

export * from "./shared.js";
export type {
  ODataError,
  RemoteAssistanceOnboardingStatus,
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  paths,
} from "../contracts/v1/types.js";
