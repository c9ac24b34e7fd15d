// What each operation does to the fake's state and answers, once the request has passed the service's checks.
import type { RemoteAssistancePartner } from "../../contracts/v1/types.js";
import { readQuery, selected, skiptokenFor } from "./query.js";
import type { FakeRequest, FakeResponse, Replies } from "./service.js";
import { ODATA_TYPE, type State } from "./state.js";

const COLLECTION = "/deviceManagement/remoteAssistancePartners";
/** What the service reports for a partner that never connected. */
const NEVER = "0001-01-01T00:00:00Z";

export interface Call extends Replies {
  id: string | undefined;
  body: Record<string, unknown> | undefined;
  request: FakeRequest;
  base: string;
}

export function operate(state: State, operation: string, call: Call): FakeResponse {
  const { id, reply, error } = call;
  if (operation === "listRemoteAssistancePartners") return list(state, call);
  if (operation === "countRemoteAssistancePartners") {
    const query = readQuery(call.request.url.searchParams);
    return reply(200, String([...state.partners.values()].filter(query.filter).length), {}, "text/plain");
  }
  if (operation === "createRemoteAssistancePartner") return create(state, call);
  if (operation === "getRemoteAssistanceSettings") return reply(200, state.settings);
  if (operation === "updateRemoteAssistanceSettings") return patched(state, state.settings!, call);
  const partner = state.partners.get(id!);
  if (!partner) return error(404, "ResourceNotFound", `No remoteAssistancePartner with id '${id}'.`);
  switch (operation) {
    case "getRemoteAssistancePartner": {
      const query = readQuery(call.request.url.searchParams);
      return reply(200, { "@odata.context": `${call.base}/$metadata#deviceManagement/remoteAssistancePartners/$entity`, ...selected(partner, query.select) });
    }
    case "updateRemoteAssistancePartner":
      return patched(state, partner, call);
    case "deleteRemoteAssistancePartner":
      state.partners.delete(id!);
      return reply(204);
    case "beginRemoteAssistancePartnerOnboarding":
      partner.onboardingStatus = "onboarding";
      return reply(204);
    default: // disconnectRemoteAssistancePartner
      partner.onboardingStatus = "notOnboarded";
      return reply(204);
  }
}

/** A PATCH: the body merged into `target`; 204, or 200 with it (the `update` option, or Prefer: return=representation). */
function patched(state: State, target: object, { body, request, reply }: Call): FakeResponse {
  const { "@odata.type": _annotation, ...changes } = body ?? {};
  Object.assign(target, changes);
  const representation = state.options.update === 200 || /return=representation/.test(request.headers.get("prefer") ?? "");
  return representation ? reply(200, target) : reply(204);
}

function list(state: State, { request, base, reply }: Call): FakeResponse {
  const query = readQuery(request.url.searchParams);
  const all = [...state.partners.values()].filter(query.filter);
  if (query.order) all.sort(query.order);
  const size = query.top ?? state.options.pageSize ?? 100;
  const body: Record<string, unknown> = { "@odata.context": `${base}/$metadata#deviceManagement/remoteAssistancePartners` };
  if (query.count) body["@odata.count"] = all.length;
  if (query.start + size < all.length) {
    // The next page keeps the request's query ($skip is spent on the first page).
    const next = new URL(`${base}${COLLECTION}`);
    for (const [key, value] of request.url.searchParams) if (key !== "$skip" && key !== "$skiptoken") next.searchParams.append(key, value);
    next.searchParams.set("$skiptoken", skiptokenFor(query.start + size));
    body["@odata.nextLink"] = next.href;
  }
  body.value = all.slice(query.start, query.start + size).map((p) => selected(p, query.select));
  return reply(200, body);
}

function create(state: State, { body, base, reply }: Call): FakeResponse {
  const { "@odata.type": _annotation, ...given } = body ?? {};
  const partner: RemoteAssistancePartner = {
    "@odata.type": ODATA_TYPE,
    id: crypto.randomUUID(),
    displayName: null,
    onboardingUrl: null,
    onboardingStatus: "notOnboarded",
    lastConnectionDateTime: NEVER,
    ...given,
  };
  state.partners.set(partner.id!, partner);
  return reply(201, partner, { location: `${base}${COLLECTION}/${encodeURIComponent(partner.id!)}` });
}

