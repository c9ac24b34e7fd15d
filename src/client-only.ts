// `remote-assistance-contract/client`: the entry for programs that call the API and want to stay small. Its client
// carries no validators (pass them in as `validators` to turn `validate` on), no `raw` (openapi-fetch) and no spans
// (pass `tracing: openTelemetry`, exported here and dropped by bundlers when unused), so a bundler, even without code
// splitting, leaves them out; the root entry's client has all three.
export {
  createRemoteAssistanceClient,
  type CountQuery,
  type GetQuery,
  type ListQuery,
  type RemoteAssistanceClient,
} from "./client/v1.js";
export type { CallOptions, ListAllOptions } from "./client/factory.js";
export {
  CLOUDS,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  type Cloud,
  type FetchLike,
  type RemoteAssistanceClientOptions,
  type ValidationMode,
  type ValidatorsOption,
} from "./client/options.js";
export type { CallEndHook, CallReport, CallSpan, Tracing } from "./client/telemetry.js";
export { openTelemetry } from "./client/opentelemetry.js";
export type { AccessToken, TokenCredential } from "./client/tokens.js";
export type { ContractValidators } from "./client/contract-checks.js";
export { ContractViolationError, GraphError, type GraphErrorInit, type GraphErrorLocalCode } from "./errors.js";
export { bearerAuth, type AccessTokenProvider, type BearerAuthOptions } from "./middleware/bearer-auth.js";
export { retry, type RetryOptions } from "./middleware/retry.js";
export type {
  ODataError,
  RemoteAssistanceOnboardingStatus,
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  paths,
} from "./types.js";
