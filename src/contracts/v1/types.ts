// The public names of the contract's types. The generated names follow Graph's schema names; these are the ones a
// consumer writes. $Read markers (for the read-only `id`) are resolved here: responses see a plain string, request
// bodies see `id?: never`.
import type { Readable, Writable, components } from "../../../generated/schema.js";

export type { components, operations, paths } from "../../../generated/schema.js";

type Schemas = components["schemas"];

/** A remoteAssistancePartner as the service returns it. */
export type RemoteAssistancePartner = Readable<Schemas["microsoft.graph.remoteAssistancePartner"]>;

/** The body of `PATCH /deviceManagement/remoteAssistancePartners/{id}`: every property optional, no `id`, no unknown key. */
export type RemoteAssistancePartnerUpdate = Writable<Schemas["remoteAssistancePartnerUpdate"]>;

/** The body of `POST /deviceManagement/remoteAssistancePartners`: like an update, strict, nothing required. */
export type RemoteAssistancePartnerCreate = Writable<Schemas["remoteAssistancePartnerCreate"]>;

/** One page of `GET /deviceManagement/remoteAssistancePartners`: `value`, and `@odata.nextLink` when more follow. */
export type RemoteAssistancePartnerCollection = Readable<Schemas["microsoft.graph.remoteAssistancePartnerCollectionResponse"]>;

/** `notOnboarded`, `onboarding` or `onboarded`. */
export type RemoteAssistanceOnboardingStatus = Schemas["microsoft.graph.remoteAssistanceOnboardingStatus"];

/** The OData error envelope Graph sends with every 4XX and 5XX response. */
export type ODataError = Schemas["microsoft.graph.ODataErrors.ODataError"];
