// The package's root entry: the client (everything `/client` exports), the validators, every type, and the version
// of the contract this package carries.
export * from "./client-only.js";
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
