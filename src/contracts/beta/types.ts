// The public names of the beta contract's types, under the same names as v1.0's where they mean the same thing
// (the partner types carry beta's onboardingRequestExpiryDateTime), plus the remote assistance settings.
import type { Readable, Writable, components } from "../../../generated/beta/schema.js";

export type { components, operations, paths } from "../../../generated/beta/schema.js";

type Schemas = components["schemas"];

/** A remoteAssistancePartner as the beta service returns it. */
export type RemoteAssistancePartner = Readable<Schemas["microsoft.graph.remoteAssistancePartner"]>;
/** The body of a beta PATCH of a partner. */
export type RemoteAssistancePartnerUpdate = Writable<Schemas["remoteAssistancePartnerUpdate"]>;
/** The body of a beta POST of a partner. */
export type RemoteAssistancePartnerCreate = Writable<Schemas["remoteAssistancePartnerCreate"]>;
/** One page of beta partners. */
export type RemoteAssistancePartnerCollection = Readable<Schemas["microsoft.graph.remoteAssistancePartnerCollectionResponse"]>;
/** `notOnboarded`, `onboarding` or `onboarded`. */
export type RemoteAssistanceOnboardingStatus = Schemas["microsoft.graph.remoteAssistanceOnboardingStatus"];
/** The account's remote assistance settings (`GET /deviceManagement/remoteAssistanceSettings`). */
export type RemoteAssistanceSettings = Readable<Schemas["microsoft.graph.remoteAssistanceSettings"]>;
/** The body of a PATCH of the settings: every property optional, no `id`, no unknown key. */
export type RemoteAssistanceSettingsUpdate = Writable<Schemas["remoteAssistanceSettingsUpdate"]>;
/** `disabled` or `enabled`. */
export type RemoteAssistanceState = Schemas["microsoft.graph.remoteAssistanceState"];
/** The OData error envelope. */
export type ODataError = Schemas["microsoft.graph.ODataErrors.ODataError"];
