// The package's root entry: everything `/client` exports, with its client given the validators (imported on first
// use) and `raw`; the validators; every type; and the version of the contract this package carries.
export * from "./client-only.js";
export { createRemoteAssistanceClient, type RemoteAssistanceClient } from "./client/index.js";
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
export type { components, operations } from "./types.js";
