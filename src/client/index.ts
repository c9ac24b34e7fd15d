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
import { clientCore, partnerMethods, type RemoteAssistancePartnerMethods } from "./factory.js";
import { DEFAULT_BASE_URL, type RemoteAssistanceClientOptions } from "./options.js";
import { createRawClient } from "./raw.js";

export type { CallOptions, ListAllOptions } from "./factory.js";
export { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, type FetchLike, type RemoteAssistanceClientOptions, type ValidationMode } from "./options.js";

export type ListQuery = NonNullable<operations["listRemoteAssistancePartners"]["parameters"]["query"]>;
export type CountQuery = NonNullable<operations["countRemoteAssistancePartners"]["parameters"]["query"]>;
export type GetQuery = NonNullable<operations["getRemoteAssistancePartner"]["parameters"]["query"]>;

interface V1 {
  partner: RemoteAssistancePartner;
  update: RemoteAssistancePartnerUpdate;
  create: RemoteAssistancePartnerCreate;
  collection: RemoteAssistancePartnerCollection;
  listQuery: ListQuery;
  countQuery: CountQuery;
  getQuery: GetQuery;
}

export interface RemoteAssistanceClient extends RemoteAssistancePartnerMethods<V1> {
  /** The typed openapi-fetch client with the same auth, retry and redirect rules: `{ data, error, response }`. */
  raw: Client<paths>;
}

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const core = clientCore({ defaultBaseUrl: DEFAULT_BASE_URL, loadValidators: loadValidation }, options);
  return { ...partnerMethods<V1>(core), raw: createRawClient<paths>(core.options) };
}
