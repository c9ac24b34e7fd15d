// Validators over the precompiled ajv code in generated/. They never throw: every outcome, including a value that
// cannot even be read, is a ValidationResult.
import * as precompiled from "../../../generated/validators.js";
import { validatorFor, type Validator } from "../../core/validator.js";
import type {
  ODataError,
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
} from "./types.js";

export { MAX_LISTED_ERRORS, type ValidationError, type ValidationResult, type Validator } from "../../core/validator.js";

/** Checks a remoteAssistancePartner as the service returns it (unknown properties and annotations accepted). */
export const validateRemoteAssistancePartner: Validator<RemoteAssistancePartner> = /* @__PURE__ */ validatorFor(
  precompiled.remoteAssistancePartner,
);

/** Checks a PATCH body: every property optional; `id`, unknown properties and wrong values refused. */
export const validateRemoteAssistancePartnerUpdate: Validator<RemoteAssistancePartnerUpdate> = /* @__PURE__ */ validatorFor(
  precompiled.remoteAssistancePartnerUpdate,
);

/** Checks a POST (create) body: strict like an update; nothing is required. */
export const validateRemoteAssistancePartnerCreate: Validator<RemoteAssistancePartnerCreate> = /* @__PURE__ */ validatorFor(
  precompiled.remoteAssistancePartnerCreate,
);

/** Checks one page of a list: `value` required, each partner read liberally, `@odata.nextLink` a URI when present. */
export const validateRemoteAssistancePartnerCollection: Validator<RemoteAssistancePartnerCollection> = /* @__PURE__ */ validatorFor(
  precompiled.remoteAssistancePartnerCollection,
);

/** Checks an OData error envelope `{ error: { code, message, … } }`. */
export const validateODataError: Validator<ODataError> = /* @__PURE__ */ validatorFor(precompiled.odataError);

/** Every validator of the v1.0 contract by its name, for lookups by the name the operations manifest gives. */
export const contractValidators = {
  validateRemoteAssistancePartner,
  validateRemoteAssistancePartnerUpdate,
  validateRemoteAssistancePartnerCreate,
  validateRemoteAssistancePartnerCollection,
  validateODataError,
};
