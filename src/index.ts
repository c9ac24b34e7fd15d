export { contractVersion } from "../generated/contract.js";
export {
  validateODataError,
  validateRemoteAssistancePartner,
  validateRemoteAssistancePartnerCollection,
  validateRemoteAssistancePartnerCreate,
  validateRemoteAssistancePartnerUpdate,
  type ValidationError,
  type ValidationResult,
  type Validator,
} from "./validation.js";
export type {
  ODataError,
  RemoteAssistanceOnboardingStatus,
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  components,
  operations,
  paths,
} from "./types.js";
export {
  createRemoteAssistanceClient,
  DEFAULT_BASE_URL,
  type CallOptions,
  type CountQuery,
  type GetQuery,
  type ListAllOptions,
  type ListQuery,
  type RemoteAssistanceClient,
  type RemoteAssistanceClientOptions,
  type ValidationMode,
} from "./client.js";
export { ContractViolationError, GraphError, type GraphErrorInit, type GraphErrorLocalCode } from "./errors.js";
export { bearerAuth, type AccessTokenProvider, type BearerAuthOptions } from "./middleware/bearer-auth.js";
export { retry, type RetryOptions } from "./middleware/retry.js";
