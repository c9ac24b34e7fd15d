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
