// The URL of one call, from the operation's manifest entry: its path template filled with checked, encoded path
// values, and a query of the options the spec gives it, nothing else.
import { assertPathParam } from "../core/path-params.js";
import type { OperationEntry } from "../core/shapes.js";

// Graph takes `$select=a,b`, as the spec's `style: form, explode: false` says; openapi-fetch does not read it.
export const QUERY_SERIALIZER = { array: { style: "form", explode: false } } as const;

/**
 * The query as openapi-fetch writes it with QUERY_SERIALIZER (raw's URLs and the client's are the same), written
 * here so that the client does not carry openapi-fetch: names as they are (`$top`), values encoded, arrays joined by
 * commas, null, undefined and empty arrays left out. Own keys only: a key inherited from a prototype is not the
 * caller's option. An object value is refused: no option of this API takes one.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined || value === null || (Array.isArray(value) && !value.length)) continue;
    if (typeof value === "object" && !Array.isArray(value)) throw new TypeError(`${name} must be a string, number, boolean or array of them`);
    parts.push(`${name}=${Array.isArray(value) ? value.map(encodeURIComponent).join(",") : encodeURIComponent(value as string)}`);
  }
  return parts.join("&");
}

/**
 * The URL of one call of `operation`: each path parameter must address exactly one resource; the query may hold only
 * the operation's own options (any other key would be sent unencoded, `{"a&b=1": "v"}` as `?a&b=1=v`).
 */
export function operationUrl(baseUrl: string, operation: OperationEntry, pathValues: readonly unknown[] = [], query?: unknown): string {
  let path = operation.path;
  operation.pathParams.forEach((name, i) => {
    const value = pathValues[i];
    assertPathParam(value, name === "remoteAssistancePartnerId" ? "id" : name);
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  });
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
