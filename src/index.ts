// The package's root entry: everything `/client` exports, with its client given the validators (imported on first
// use), OpenTelemetry and `raw`; the validators; every type; and the version of the contract this package carries.
// Transpiled, not bundled (scripts/build.ts): each line below must name a module that dist/ has, an entry point.
export * from "./root-client.js";
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
