// The v1.0 client: the shared client parts (./factory.ts) given the v1.0 contract, and `raw`, the typed
// openapi-fetch client of v1.0's paths.
import type { Client } from "openapi-fetch";
import { loadValidation } from "../load-validation.js";
import type {
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  operations,
  paths,
} from "../types.js";
import { clientCore, partnerMethods, type RemoteAssistancePartnerMethods, type TypesOf } from "./factory.js";
import { DEFAULT_BASE_URL, type RemoteAssistanceClientOptions } from "./options.js";
import { createRawClient } from "./raw.js";

export type { CallOptions, ListAllOptions } from "./factory.js";
export { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, type FetchLike, type RemoteAssistanceClientOptions, type ValidationMode } from "./options.js";

type V1 = TypesOf<operations, RemoteAssistancePartner, RemoteAssistancePartnerUpdate, RemoteAssistancePartnerCreate, RemoteAssistancePartnerCollection>;
export type ListQuery = V1["listQuery"];
export type CountQuery = V1["countQuery"];
export type GetQuery = V1["getQuery"];

export interface RemoteAssistanceClient extends RemoteAssistancePartnerMethods<V1> {
  /** The typed openapi-fetch client with the same auth, retry and redirect rules: `{ data, error, response }`. */
  raw: Client<paths>;
}

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const core = clientCore({ defaultBaseUrl: DEFAULT_BASE_URL, loadValidators: loadValidation }, options);
  return { ...partnerMethods<V1>(core), raw: createRawClient<paths>(core.options) };
}
