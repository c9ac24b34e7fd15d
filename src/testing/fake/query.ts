// The OData query subset the fake understands, and nothing more: an option it cannot honour is a 400 saying so,
// never silently ignored (a test that passes because the fake ignored its $filter proves nothing).
import type { RemoteAssistancePartner } from "../../types.js";

export class QueryError extends Error {}

const PROPERTIES = ["id", "displayName", "onboardingUrl", "onboardingStatus", "lastConnectionDateTime"];
const KNOWN_OPTIONS = ["$select", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$expand", "$skiptoken"];

export interface ListQuery {
  filter: (partner: RemoteAssistancePartner) => boolean;
  order: ((a: RemoteAssistancePartner, b: RemoteAssistancePartner) => number) | undefined;
  top: number | undefined;
  /** Where the page starts: $skiptoken (from a nextLink), else $skip. */
  start: number;
  count: boolean;
  select: string[] | undefined;
}

/** Reads the list (or $count) query; a QueryError names what the fake does not support. */
export function readQuery(params: URLSearchParams): ListQuery {
  for (const key of params.keys()) {
    if (key.startsWith("$") && !KNOWN_OPTIONS.includes(key)) throw new QueryError(`The query option ${key} is not an OData system query option.`);
  }
  if (params.has("$search")) throw new QueryError("The fake does not support $search.");
  const expand = params.get("$expand");
  if (expand !== null && expand !== "*") throw new QueryError(`$expand=${expand}: remoteAssistancePartner has no navigation properties.`);
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

function readCount(name: string, value: string | null): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value)) throw new QueryError(`${name} must be a whole number ≥ 0, got '${value}'.`);
  return Number(value);
}

function readBoolean(name: string, value: string | null): boolean {
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new QueryError(`${name} must be true or false, got '${value}'.`);
}

/** The fake's own skiptoken: the offset of the next page, opaque to the client as Graph's is. */
export const skiptokenFor = (offset: number) => `fake-${offset}`;
function readSkiptoken(token: string): number {
  const offset = /^fake-(\d+)$/.exec(token)?.[1];
  if (offset === undefined) throw new QueryError(`$skiptoken '${token}' was not issued by this fake.`);
  return Number(offset);
}

function readSelect(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  const names = value.split(",").map((n) => n.trim());
  for (const name of names) if (!PROPERTIES.includes(name)) throw new QueryError(`$select: '${name}' is not a property of remoteAssistancePartner.`);
  return names;
}

function readOrder(value: string | null): ListQuery["order"] {
  if (value === null) return undefined;
  const match = /^displayName(?:\s+(asc|desc))?$/.exec(value.trim());
  if (!match) throw new QueryError(`The fake supports $orderby on displayName only (asc or desc), got '${value}'.`);
  const sign = match[1] === "desc" ? -1 : 1;
  // Graph sorts nulls first in ascending order.
  return (a, b) => sign * (a.displayName ?? "").localeCompare(b.displayName ?? "");
}

const CLAUSE = /^(?:(onboardingStatus|displayName)\s+eq\s+'((?:[^']|'')*)'|startswith\(\s*displayName\s*,\s*'((?:[^']|'')*)'\s*\))$/;

/**
 * `onboardingStatus eq '…'`, `displayName eq '…'` and `startswith(displayName,'…')`, joined by `and`. Quotes are
 * doubled inside a literal, as OData writes them.
 */
function readFilter(value: string | null): ListQuery["filter"] {
  if (value === null || value.trim() === "") return () => true;
  const clauses = splitAnd(value).map((clause) => {
    const match = CLAUSE.exec(clause.trim());
    if (!match) {
      throw new QueryError(
        `The fake does not support the filter '${clause.trim()}': it supports onboardingStatus eq '…', displayName eq '…' and startswith(displayName,'…'), joined by and.`,
      );
    }
    const [, property, equals, prefix] = match;
    if (prefix !== undefined) {
      const literal = prefix.replace(/''/g, "'");
      return (p: RemoteAssistancePartner) => (p.displayName ?? "").toLowerCase().startsWith(literal.toLowerCase());
    }
    const literal = equals!.replace(/''/g, "'");
    return (p: RemoteAssistancePartner) => p[property as "onboardingStatus" | "displayName"] === literal;
  });
  return (partner) => clauses.every((matches) => matches(partner));
}

/** Splits on ` and ` outside quoted literals. */
function splitAnd(filter: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] === "'") quoted = !quoted;
    else if (!quoted && /^\s+and\s+/i.test(filter.slice(i)) && /\s/.test(filter[i]!)) {
      const match = /^\s+and\s+/i.exec(filter.slice(i))!;
      parts.push(filter.slice(start, i));
      i += match[0].length - 1;
      start = i + 1;
    }
  }
  parts.push(filter.slice(start));
  return parts;
}

/** Only the selected properties, and the key. */
export function selected(partner: RemoteAssistancePartner, select: string[] | undefined): RemoteAssistancePartner {
  if (!select) return partner;
  const out: Record<string, unknown> = { id: partner.id };
  for (const name of select) out[name] = partner[name as keyof RemoteAssistancePartner];
  return out as RemoteAssistancePartner;
}
