// What every client entry (root, `/client`, `/beta`) exports beside its own client: the options and their defaults,
// the errors and their guards, the hooks' shapes, the OpenTelemetry adapter. One module, so that each is one export
// of one class whatever the entry (the build splits shared code into chunks: GraphError exists once).
export type { CallOptions } from "../client/create-client.js";
export type { ListAllOptions } from "../client/partner-methods.js";
export {
  CLOUDS,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type Cloud,
  type RemoteAssistanceClientOptions,
  type ValidationMode,
  type ValidatorsOption,
} from "../client/options.js";
export {
  ContractViolationError,
  GraphError,
  isContractViolationError,
  isGraphError,
  type FailedCall,
  type GraphErrorCode,
  type GraphErrorInit,
  type GraphErrorLocalCode,
} from "../core/errors.js";
export type {
  AccessToken,
  AccessTokenProvider,
  CallEndHook,
  CallReport,
  CallSpan,
  FetchLike,
  TokenCredential,
  TracedCall,
  Tracing,
} from "../core/shapes.js";
export type { ContractValidators } from "../core/validator.js";
export type { RetryOptions } from "../transport/retry-policy.js";
export { openTelemetry } from "../transport/opentelemetry.js";
