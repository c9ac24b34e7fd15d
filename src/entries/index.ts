// The package's root entry: everything `/client` exports, with its client given the validators (imported on first
// use), OpenTelemetry and `raw`; the validators; every type; and the version of the contract this package carries.
import type { Client } from "openapi-fetch";
import { clientCore } from "../client/create-client.js";
import type { RemoteAssistanceClientOptions } from "../client/options.js";
import { partnerMethods, type RemoteAssistancePartnerMethods } from "../client/partner-methods.js";
import { createRawClient } from "../client/raw.js";
import { v1Contract } from "../contracts/v1/contract.js";
import { loadV1Validators } from "../contracts/v1/load-validators.js";
import type { paths } from "../contracts/v1/types.js";
import { openTelemetry } from "../transport/opentelemetry.js";
import type { V1Types } from "./client.js";

export { contractVersion } from "../../generated/contract.js";
export type { CountQuery, GetQuery, ListQuery, V1Types } from "./client.js";
export * from "./shared.js";
export * from "./validators.js";
export type * from "./types.js";

export interface RemoteAssistanceClient extends RemoteAssistancePartnerMethods<V1Types> {
  /** The typed openapi-fetch client on the same transport: `{ data, error, response }`, with the same limits and errors. */
  raw: Client<paths>;
}

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const core = clientCore({ ...v1Contract, loadValidators: loadV1Validators, tracing: openTelemetry }, options);
  return { ...partnerMethods<V1Types>(core), raw: createRawClient<paths>(core, v1Contract.operations) };
}
