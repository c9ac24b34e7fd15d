// `remote-assistance-contract/client`: the client, its middleware and errors, without the validators. Importing it
// loads neither the precompiled validators nor ajv-formats (they come on demand, when `validate` asks for them), so a
// process that only calls the API starts faster; bundlers leave them out of the root entry too when unused.
export {
  createRemoteAssistanceClient,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  type FetchLike,
  type CallOptions,
  type CountQuery,
  type GetQuery,
  type ListAllOptions,
  type ListQuery,
  type RemoteAssistanceClient,
  type RemoteAssistanceClientOptions,
  type ValidationMode,
} from "./client/index.js";
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
