// `remote-assistance-contract/client`: the client, its middleware and errors, without the validators in the static
// import graph. The root entry re-exports the validators; Rollup and Vite drop them from a bundle that does not use
// them, but esbuild keeps a module that is both re-exported and a dynamic-import target in the up-front chunk. From
// here the validators load only when `validate` asks for them.
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
export type {
  ODataError,
  RemoteAssistanceOnboardingStatus,
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  paths,
} from "./types.js";
