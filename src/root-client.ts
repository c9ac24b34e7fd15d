// The v1.0 client as the root entry gives it: the `/client` one (./client/v1.ts), plus the validators found on their own
// (imported on first use), OpenTelemetry spans by default, and `raw`, the typed openapi-fetch client of v1.0's paths.
// An entry point at the top of src/ (and so of dist/): its import("./validation.js") must find dist/validation.js.
// It re-exports all of `/client` (its own client and type shadow those names) and the root entry takes it with
// `export *`: esbuild keeps validators lazy behind an `export *` chain, but pulls them in up front when the module
// holding the import() is imported by name beside a named import of the validators (test/package/size.test.ts).
import type { Client } from "openapi-fetch";
import { loadValidation } from "./load-validation.js";
import type { paths } from "./types.js";
import { clientCore, partnerMethods } from "./client/factory.js";
import { openTelemetry } from "./client/opentelemetry.js";
import type { RemoteAssistanceClientOptions } from "./client/options.js";
import { createRawClient } from "./client/raw.js";
import { V1_CONTRACT, type RemoteAssistanceClient as LightClient, type V1 } from "./client/v1.js";

export * from "./client-only.js";

export interface RemoteAssistanceClient extends LightClient {
  /** The typed openapi-fetch client with the same auth, retry and redirect rules: `{ data, error, response }`. */
  raw: Client<paths>;
}

export function createRemoteAssistanceClient(options: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const core = clientCore({ ...V1_CONTRACT, loadValidators: loadValidation, tracing: openTelemetry }, options);
  return { ...partnerMethods<V1>(core), raw: createRawClient<paths>(core.options) };
}
