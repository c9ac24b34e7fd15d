export {
  validateODataError,
  validateRemoteAssistancePartner,
  validateRemoteAssistancePartnerUpdate,
  type ValidationError,
  type ValidationResult,
  type Validator,
} from "./validation.js";
export type {
  ODataError,
  RemoteAssistanceOnboardingStatus,
  RemoteAssistancePartner,
  RemoteAssistancePartnerUpdate,
  components,
  operations,
  paths,
} from "./types.js";
