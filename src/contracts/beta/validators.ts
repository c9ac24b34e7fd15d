// The beta contract's validators: the same validator core as v1.0's (../validation-core.ts) over the precompiled
// beta schemas. They never throw, and name the JSON pointer of every problem.
import * as precompiled from "../../../generated/beta/validators.js";
import { validatorFor, type Validator } from "../../core/validator.js";
import type {
  ODataError,
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  RemoteAssistanceSettings,
  RemoteAssistanceSettingsUpdate,
} from "./types.js";

export { MAX_LISTED_ERRORS, type ValidationError, type ValidationResult, type Validator } from "../../core/validator.js";

/** A beta partner as the service returns it (unknown properties and annotations accepted). */
export const validateRemoteAssistancePartner: Validator<RemoteAssistancePartner> = /* @__PURE__ */ validatorFor(precompiled.remoteAssistancePartner);
/** A beta PATCH body of a partner. */
export const validateRemoteAssistancePartnerUpdate: Validator<RemoteAssistancePartnerUpdate> = /* @__PURE__ */ validatorFor(precompiled.remoteAssistancePartnerUpdate);
/** A beta POST body of a partner. */
export const validateRemoteAssistancePartnerCreate: Validator<RemoteAssistancePartnerCreate> = /* @__PURE__ */ validatorFor(precompiled.remoteAssistancePartnerCreate);
/** One page of beta partners. */
export const validateRemoteAssistancePartnerCollection: Validator<RemoteAssistancePartnerCollection> = /* @__PURE__ */ validatorFor(
  precompiled.remoteAssistancePartnerCollection,
);
/** The settings as the service returns them. */
export const validateRemoteAssistanceSettings: Validator<RemoteAssistanceSettings> = /* @__PURE__ */ validatorFor(precompiled.remoteAssistanceSettings);
/** A PATCH body of the settings: every property optional; `id`, unknown properties and wrong values refused. */
export const validateRemoteAssistanceSettingsUpdate: Validator<RemoteAssistanceSettingsUpdate> = /* @__PURE__ */ validatorFor(precompiled.remoteAssistanceSettingsUpdate);
/** An OData error envelope. */
export const validateODataError: Validator<ODataError> = /* @__PURE__ */ validatorFor(precompiled.odataError);

/** Every validator of the beta contract by its name, for lookups by the name the operations manifest gives. */
export const contractValidators = {
  validateRemoteAssistancePartner,
  validateRemoteAssistancePartnerUpdate,
  validateRemoteAssistancePartnerCreate,
  validateRemoteAssistancePartnerCollection,
  validateRemoteAssistanceSettings,
  validateRemoteAssistanceSettingsUpdate,
  validateODataError,
};
