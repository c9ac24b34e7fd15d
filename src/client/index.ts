// The v1.0 client as the root entry gives it: the `/client` one (./v1.ts), plus the validators found on their own
// (imported on first use) and `raw`, the typed openapi-fetch client of v1.0's paths.
import type { Client } from "openapi-fetch";
import { loadValidation } from "../load-validation.js";
import type { paths } from "../types.js";
import { clientCore, partnerMethods } from "./factory.js";
import type { RemoteAssistanceClientOptions } from "./options.js";
import { createRawClient } from "./raw.js";
import { V1_CONTRACT, type RemoteAssistanceClient as LightClient, type V1 } from "./v1.js";

export type { CountQuery, GetQuery, ListQuery } from "./v1.js";

export interface RemoteAssistanceClient extends LightClient {
  /** The typed openapi-fetch client with the same auth, retry and redirect rules: `{ data, error, response }`. */
  raw: Client<paths>;
}

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const core = clientCore({ ...V1_CONTRACT, loadValidators: loadValidation }, options);
  return { ...partnerMethods<V1>(core), raw: createRawClient<paths>(core.options) };
}
