// The root entry's client: the `/client` one given the validators (imported on first use), OpenTelemetry and `raw`.
// A module of its own, reached from ./index.ts by `export *` (scripts/build.ts keeps that an import): behind such a
// chain an application's bundler leaves the validators in a lazy chunk unless it uses them.
import type { Client } from "openapi-fetch";
import { clientCore } from "../client/create-client.js";
import type { RemoteAssistanceClientOptions } from "../client/options.js";
import { partnerMethods, type RemoteAssistancePartnerMethods } from "../client/partner-methods.js";
import { createRawClient } from "../client/raw.js";
import { v1Contract } from "../contracts/v1/contract.js";
import type { paths } from "../contracts/v1/types.js";
import { openTelemetry } from "../transport/opentelemetry.js";
import type { V1Types } from "./client.js";

export interface RemoteAssistanceClient extends RemoteAssistancePartnerMethods<V1Types> {
  /** The typed openapi-fetch client on the same transport: `{ data, error, response }`, with the same limits and errors. */
  raw: Client<paths>;
}

// The validators entry, loaded on first use: a client without validation never loads it. The import names the
// entry's own file, which the build keeps as an import (scripts/build.ts says why).
let validators: Promise<typeof import("./validators.js")> | undefined;
const loadV1Validators = () => (validators ??= import("./validators.js"));

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const core = clientCore({ ...v1Contract, loadValidators: loadV1Validators, tracing: openTelemetry }, options);
  return { ...partnerMethods<V1Types>(core), raw: createRawClient<paths>(core, v1Contract.operations) };
}
