// The OData query subset the fake understands, and nothing more: an option it cannot honour is a 400 saying so,
// never silently ignored (a test that passes because the fake ignored its $filter proves nothing). Which options an
// operation takes comes from the operations manifest.
import { QueryError, readFilter } from "./filter.js";
import { quote } from "./replies.js";

export { QueryError } from "./filter.js";

const PROPERTIES = ["id", "displayName", "onboardingUrl", "onboardingStatus", "lastConnectionDateTime", "onboardingRequestExpiryDateTime"];

type Partner = Record<string, unknown>;

export interface ListQuery {
  filter: (partner: Partner) => boolean;
  order: ((a: Partner, b: Partner) => number) | undefined;
  top: number | undefined;
  /** Where the page starts: $skiptoken (from a nextLink), else $skip. */
  start: number;
  count: boolean;
  select: string[] | undefined;
}

/**
 * Checks that every system query option (a name starting with $) is one `allowed` lists; parameters without a $
 * are not query options and are ignored, as Graph ignores them.
 */
export function checkOptions(params: URLSearchParams, allowed: readonly string[]): void {
  for (const key of params.keys()) {
    if (key.startsWith("$") && !allowed.includes(key)) throw new QueryError(`The query option ${quote(key)} is not supported on this request.`);
  }
}

/** Reads the list (or $count) query; a QueryError names what the fake does not support. */
export function readQuery(params: URLSearchParams): ListQuery {
  if (params.has("$search")) throw new QueryError("The fake does not support $search.");
  const expand = params.get("$expand");
  if (expand !== null && expand !== "*") throw new QueryError(`$expand=${quote(expand)}: remoteAssistancePartner has no navigation properties.`);
  const skiptoken = params.get("$skiptoken");
  return {
    filter: readFilter(params.get("$filter")),
    order: readOrder(params.get("$orderby")),
    top: readCount("$top", params.get("$top")),
    start: skiptoken !== null ? readSkiptoken(skiptoken) : (readCount("$skip", params.get("$skip")) ?? 0),
    count: readBoolean("$count", params.get("$count")),
    select: readSelect(params.get("$select")),
  };
}

/** OData's $top and $skip: a non-negative integer (OData 4.01 URL Conventions, 5.1.7 and 5.1.8); 0 is allowed. */
function readCount(name: string, value: string | null): number | undefined {
  if (value === null) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new QueryError(`${name} must be a whole number ≥ 0, got '${quote(value)}'.`);
  return Number(value);
}

function readBoolean(name: string, value: string | null): boolean {
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new QueryError(`${name} must be true or false, got '${quote(value)}'.`);
}

/** The fake's own skiptoken: the offset of the next page, opaque to the client as Graph's is. */
export const skiptokenFor = (offset: number) => `fake-${offset}`;
function readSkiptoken(token: string): number {
  const offset = /^fake-(\d{1,15})$/.exec(token)?.[1];
  if (offset === undefined) throw new QueryError(`$skiptoken '${quote(token)}' was not issued by this fake.`);
  return Number(offset);
}

export function readSelect(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  const names = value.split(",").map((n) => n.trim());
  for (const name of names) if (!PROPERTIES.includes(name)) throw new QueryError(`$select: '${quote(name)}' is not a property of remoteAssistancePartner.`);
  return names;
}

function readOrder(value: string | null): ListQuery["order"] {
  if (value === null) return undefined;
  const match = /^displayName(?:\s+(asc|desc))?$/.exec(value.trim());
  if (!match) throw new QueryError(`The fake supports $orderby on displayName only (asc or desc), got '${quote(value)}'.`);
  const sign = match[1] === "desc" ? -1 : 1;
  // Graph sorts nulls first in ascending order.
  return (a, b) => sign * String(a.displayName ?? "").localeCompare(String(b.displayName ?? ""));
}

/** Only the selected properties, and the key. */
export function selected<T extends Partner>(partner: T, select: string[] | undefined): T {
  if (!select) return partner;
  const out: Partner = { id: partner.id };
  for (const name of select) out[name] = partner[name];
  return out as T;
}
