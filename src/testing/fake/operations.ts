// What each operation of the manifest does to the fake's state and answers, once the request has passed the
// service's checks. Keyed by operationId: a test fails when the manifest has an operation this table lacks.
import { readQuery, readSelect, selected, skiptokenFor } from "./query.js";
import type { FakeResponse, Replies } from "./replies.js";
import { ODATA_TYPE, type Partner, type State } from "./state.js";

/** What the service reports for a partner that never connected. */
const NEVER = "0001-01-01T00:00:00Z";

export interface Call extends Replies {
  state: State;
  /** The path's parameters, decoded, by their manifest names. */
  params: Record<string, string>;
  /** The body as the service keeps it (annotations and ignored keys already gone); undefined for none. */
  body: Record<string, unknown> | undefined;
  query: URLSearchParams;
  /** Request headers, by lower-case name. */
  header(name: string): string | null;
  /** The base URL the request came in under, e.g. http://127.0.0.1:4321/v1.0 */
  base: string;
  /** The operation's path template, e.g. /deviceManagement/remoteAssistancePartners */
  path: string;
}

type Handler = (call: Call) => FakeResponse;

/** The partner the path names, or Graph's 404 for an id it does not know. */
function withPartner(then: (partner: Partner, call: Call) => FakeResponse): Handler {
  return (call) => {
    const id = call.params.remoteAssistancePartnerId!;
    const partner = call.state.partners.get(id);
    return partner ? then(partner, call) : call.error(404, "ResourceNotFound", `No remoteAssistancePartner with id '${id}'.`);
  };
}

export const OPERATIONS: Record<string, Handler> = {
  listRemoteAssistancePartners: list,
  countRemoteAssistancePartners: (call) => {
    const query = readQuery(call.query);
    return call.reply(200, String([...call.state.partners.values()].filter(query.filter).length), {}, "text/plain");
  },
  createRemoteAssistancePartner: create,
  getRemoteAssistancePartner: withPartner((partner, call) =>
    call.reply(200, { "@odata.context": `${call.base}/$metadata#deviceManagement/remoteAssistancePartners/$entity`, ...selected(partner, readSelect(call.query.get("$select"))) }),
  ),
  updateRemoteAssistancePartner: withPartner((partner, call) => patched(partner, call)),
  deleteRemoteAssistancePartner: withPartner((partner, call) => {
    call.state.partners.delete(partner.id!);
    return call.reply(204);
  }),
  beginRemoteAssistancePartnerOnboarding: withPartner((partner, call) => {
    partner.onboardingStatus = "onboarding";
    return call.reply(204);
  }),
  disconnectRemoteAssistancePartner: withPartner((partner, call) => {
    partner.onboardingStatus = "notOnboarded";
    return call.reply(204);
  }),
  getRemoteAssistanceSettings: (call) => call.reply(200, call.state.settings),
  updateRemoteAssistanceSettings: (call) => patched(call.state.settings!, call),
};

/** The body without annotations: the service keeps its own @odata.type. */
const changes = (body: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(body ?? {}).filter(([key]) => !key.startsWith("@odata.")));

/** A PATCH: the body merged in; 204, or 200 with the result (patchReturnsRepresentation, or Prefer: return=representation). */
function patched(target: Record<string, unknown>, call: Call): FakeResponse {
  Object.assign(target, changes(call.body));
  const representation = call.state.options.patchReturnsRepresentation || /return=representation/i.test(call.header("prefer") ?? "");
  return representation ? call.reply(200, target) : call.reply(204);
}

function list(call: Call): FakeResponse {
  const { state, base, query: params } = call;
  const query = readQuery(params);
  const all = [...state.partners.values()].filter(query.filter);
  if (query.order) all.sort(query.order);
  const size = query.top ?? state.options.pageSize;
  const body: Record<string, unknown> = { "@odata.context": `${base}/$metadata#deviceManagement/remoteAssistancePartners` };
  if (query.count) body["@odata.count"] = all.length;
  // A next link only when this page holds something and more follow: $top=0 asks for nothing, and a link that
  // pointed at the same offset would repeat for ever (Kiota's PageIterator followed one 559 times in 3 s).
  if (size > 0 && query.start + size < all.length) {
    // The next page keeps the request's query ($skip is spent on the first page).
    const next = new URL(`${base}${call.path}`);
    for (const [key, value] of params) if (key !== "$skip" && key !== "$skiptoken") next.searchParams.append(key, value);
    next.searchParams.set("$skiptoken", skiptokenFor(query.start + size));
    body["@odata.nextLink"] = next.href;
  }
  body.value = all.slice(query.start, query.start + size).map((p) => selected(p, query.select));
  return call.reply(200, body);
}

function create(call: Call): FakeResponse {
  const partner: Partner = {
    "@odata.type": ODATA_TYPE,
    id: crypto.randomUUID(),
    displayName: null,
    onboardingUrl: null,
    onboardingStatus: "notOnboarded",
    lastConnectionDateTime: NEVER,
    ...changes(call.body),
  };
  call.state.partners.set(partner.id!, partner);
  return call.reply(201, partner, { location: `${call.base}${call.path}/${encodeURIComponent(partner.id!)}` });
}
