// The operations of the contract as the client sends them: a row each, named by the spec's operationId, with its
// method, its path (under the collection, or under one partner) and the query options the spec allows it.
// test/client/operations-table.test.ts holds this table equal to the bundled spec.
import { assertPartnerId } from "../partner-id.js";

export const COLLECTION = "/deviceManagement/remoteAssistancePartners";
const SETTINGS = "/deviceManagement/remoteAssistanceSettings";

export interface Operation {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** On the collection, on one partner (`{id}` is the encoded id), or on the settings singleton (beta); then a suffix such as `/$count`. */
  target: "collection" | "item" | "settings";
  suffix: string;
  query: readonly string[];
  /** The path with `{remoteAssistancePartnerId}` for the id: the same for every call, for spans and logs. */
  template: string;
}

export const op = (operationId: string, method: Operation["method"], target: Operation["target"], suffix = "", query: readonly string[] = []): Operation => ({
  operationId,
  method,
  target,
  suffix,
  query,
  template: `${target === "settings" ? SETTINGS : COLLECTION}${target === "item" ? "/{remoteAssistancePartnerId}" : ""}${suffix}`,
});

export const OPERATIONS = {
  list: op("listRemoteAssistancePartners", "GET", "collection", "", ["$select", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$expand"]),
  count: op("countRemoteAssistancePartners", "GET", "collection", "/$count", ["$filter", "$search"]),
  get: op("getRemoteAssistancePartner", "GET", "item", "", ["$select", "$expand"]),
  create: op("createRemoteAssistancePartner", "POST", "collection"),
  update: op("updateRemoteAssistancePartner", "PATCH", "item"),
  delete: op("deleteRemoteAssistancePartner", "DELETE", "item"),
  beginOnboarding: op("beginRemoteAssistancePartnerOnboarding", "POST", "item", "/beginOnboarding"),
  disconnect: op("disconnectRemoteAssistancePartner", "POST", "item", "/disconnect"),
} as const satisfies Record<string, Operation>;

// Graph takes `$select=a,b`, as the spec's `style: form, explode: false` says; openapi-fetch does not read it.
export const QUERY_SERIALIZER = { array: { style: "form", explode: false } } as const;

/**
 * The query as openapi-fetch writes it with QUERY_SERIALIZER (raw's URLs and the client's are the same), written
 * here so that the client does not carry openapi-fetch: names as they are (`$top`), values encoded, arrays joined by
 * commas, null, undefined and empty arrays left out. An object value is refused: no option of this API takes one.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null || (Array.isArray(value) && !value.length)) continue;
    if (typeof value === "object" && !Array.isArray(value)) throw new TypeError(`${name} must be a string, number, boolean or array of them`);
    parts.push(`${name}=${Array.isArray(value) ? value.map(encodeURIComponent).join(",") : encodeURIComponent(value as string)}`);
  }
  return parts.join("&");
}

/**
 * The URL of one call of `operation`. The id must address exactly one partner; the query may hold only the
 * operation's own options (any other key would be sent unencoded, `{"a&b=1": "v"}` as `?a&b=1=v`).
 */
export function operationUrl(baseUrl: string, operation: Operation, id?: unknown, query?: unknown): string {
  let path = operation.target === "settings" ? SETTINGS : COLLECTION;
  if (operation.target === "item") {
    assertPartnerId(id, "id");
    path += `/${encodeURIComponent(id)}`;
  }
  path += operation.suffix;
  if (query === undefined || query === null) return `${baseUrl}${path}`;
  if (typeof query !== "object" || Array.isArray(query)) throw new TypeError(`${operation.operationId}: the query must be an object of OData options`);
  for (const key of Object.keys(query)) {
    if (!operation.query.includes(key)) {
      const allowed = operation.query.length ? `; it takes ${operation.query.join(", ")}` : "; it takes none";
      throw new TypeError(`${operation.operationId}: unknown query option ${JSON.stringify(key)}${allowed}`);
    }
  }
  let search: string;
  try {
    search = serializeQuery(query as Record<string, unknown>);
  } catch (cause) {
    // encodeURIComponent refuses a lone surrogate with a URIError.
    throw new TypeError(`${operation.operationId}: a query value cannot be encoded (${(cause as Error).message})`);
  }
  return search ? `${baseUrl}${path}?${search}` : `${baseUrl}${path}`;
}
