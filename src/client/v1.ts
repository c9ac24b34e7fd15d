// The v1.0 client as the `/client` entry gives it, for programs that want it small: the shared client parts
// (./factory.ts) given the v1.0 contract, nothing else. Validation needs the validators passed in (`validators`),
// and there is no `raw`: a bundler, code-split or not, then carries neither ajv's output nor openapi-fetch.
import type { operations, RemoteAssistancePartner, RemoteAssistancePartnerCollection, RemoteAssistancePartnerCreate, RemoteAssistancePartnerUpdate } from "../types.js";
import { clientCore, partnerMethods, type RemoteAssistancePartnerMethods, type TypesOf } from "./factory.js";
import type { ContractDefaults, RemoteAssistanceClientOptions } from "./options.js";

export type V1 = TypesOf<operations, RemoteAssistancePartner, RemoteAssistancePartnerUpdate, RemoteAssistancePartnerCreate, RemoteAssistancePartnerCollection>;
export type ListQuery = V1["listQuery"];
export type CountQuery = V1["countQuery"];
export type GetQuery = V1["getQuery"];

export type RemoteAssistanceClient = RemoteAssistancePartnerMethods<V1>;

export const V1_CONTRACT: ContractDefaults = { version: "v1.0" };

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  return partnerMethods<V1>(clientCore(V1_CONTRACT, options));
}
