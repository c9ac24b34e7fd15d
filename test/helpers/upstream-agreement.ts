// Compares the bundled spec with a slice of Microsoft's CSDL metadata, point by point, and names every difference
// as one stable line: the properties of the partner (name, type and format, nullability), of the request bodies,
// the enum's members, the paths and methods the navigation and actions give, and the success statuses OData gives
// them. test/contract/upstream-agreement.test.ts holds the list to spec/upstream/deliberate-differences.yaml.
import type { Slice, SliceProperty } from "../../scripts/upstream/slice.js";

type Schema = Record<string, any>;
type Spec = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };

const PARTNER = "microsoft.graph.remoteAssistancePartner";
const REQUEST_BODIES = ["remoteAssistancePartnerUpdate", "remoteAssistancePartnerCreate"];

/** What an Edm type is in JSON Schema: type and format, or the component a named type maps to. */
function expectedType(edm: string): { type?: string; format?: string; ref?: string } {
  const primitive: Record<string, { type: string; format?: string }> = {
    "Edm.String": { type: "string" },
    "Edm.Boolean": { type: "boolean" },
    "Edm.Int32": { type: "integer", format: "int32" },
    "Edm.Int64": { type: "integer", format: "int64" },
    "Edm.DateTimeOffset": { type: "string", format: "date-time" },
    "Edm.Guid": { type: "string", format: "uuid" },
  };
  if (primitive[edm]) return primitive[edm]!;
  if (edm.startsWith("graph.")) return { ref: `#/components/schemas/microsoft.graph.${edm.slice("graph.".length)}` };
  throw new Error(`no JSON Schema mapping for ${edm}`);
}

/** A schema's own type, format, $ref and nullability, with the partner's where a request body only describes. */
function effective(schema: Schema | false | undefined, fallback?: Schema): { refused: boolean; types?: string[]; format?: string; ref?: string } {
  // `false`, or `not: {}` (which the docs can describe), refuses every value.
  if (schema === false || (schema?.not && typeof schema.not === "object" && Object.keys(schema.not).length === 0)) return { refused: true };
  const own = schema ?? {};
  const from = own.type !== undefined || own.$ref !== undefined ? own : (fallback ?? {});
  const types = from.type === undefined ? undefined : ([] as string[]).concat(from.type);
  return { refused: false, types, format: own.format ?? (own.type === undefined ? fallback?.format : undefined), ref: from.$ref };
}

function compareProperty(where: string, expected: SliceProperty, actual: ReturnType<typeof effective>): string[] {
  if (actual.refused) return [`${where}: refused`];
  const want = expectedType(expected.type);
  const out: string[] = [];
  if (want.ref) {
    if (actual.ref !== want.ref) out.push(`${where}: type ${actual.ref ?? actual.types?.join("|")} (metadata: ${expected.type})`);
    if (expected.nullable) out.push(`${where}: not nullable (metadata: nullable)`);
    return out;
  }
  const types = actual.types ?? [];
  if (!types.includes(want.type!)) out.push(`${where}: type ${types.join("|") || "(none)"} (metadata: ${expected.type})`);
  if (types.includes("null") !== expected.nullable) out.push(`${where}: ${types.includes("null") ? "nullable" : "not nullable"} (metadata: ${expected.nullable ? "nullable" : "not nullable"})`);
  if ((actual.format ?? "") !== (want.format ?? "")) out.push(`${where}: format ${actual.format ?? "(none)"} (metadata: ${want.format ?? "(none)"})`);
  return out;
}

const isAnnotation = (name: string) => name.startsWith("@");

function schemaDifferences(spec: Spec, slice: Slice): string[] {
  const schemas = spec.components.schemas;
  const partner = schemas[PARTNER]!;
  const properties = [slice.key!.property, ...slice.entity!.properties];
  const out: string[] = [];
  for (const p of properties) {
    if (!(p.name in (partner.properties ?? {}))) out.push(`${PARTNER}.${p.name}: missing`);
    else out.push(...compareProperty(`${PARTNER}.${p.name}`, p, effective(partner.properties[p.name])));
  }
  for (const name of Object.keys(partner.properties ?? {})) {
    if (!isAnnotation(name) && !properties.some((p) => p.name === name)) out.push(`${PARTNER}.${name}: not in the metadata`);
  }
  for (const body of REQUEST_BODIES) {
    // A body is a $ref to another body, or the update's own shape over the partner.
    let schema = schemas[body]!;
    while (schema.$ref) schema = schemas[String(schema.$ref).split("/").pop()!]!;
    for (const p of properties) out.push(...compareProperty(`${body}.${p.name}`, p, effective(schema.properties?.[p.name], partner.properties[p.name])).filter((d) => !d.endsWith(": missing")));
    for (const name of Object.keys(schema.properties ?? {})) {
      if (!isAnnotation(name) && !properties.some((p) => p.name === name)) out.push(`${body}.${name}: not in the metadata`);
    }
  }
  const members = slice.enumType!.members.map((m) => m.name);
  const values: string[] = schemas[`microsoft.graph.${slice.enumType!.name}`]?.enum ?? [];
  for (const m of members) if (!values.includes(m)) out.push(`enum ${slice.enumType!.name}: member ${m} missing`);
  for (const v of values) if (!members.includes(v)) out.push(`enum ${slice.enumType!.name}: value ${v} not in the metadata`);
  return out;
}

/** The operations the metadata gives, with the success status OData gives each (no return type: 204). */
function expectedOperations(slice: Slice): Map<string, string[]> {
  const collection = `/${slice.singleton!.name}/${slice.navigation!.name}`;
  const item = `${collection}/{${slice.entity!.name}Id}`;
  const ops = new Map<string, string[]>([
    [`GET ${collection}`, ["200"]],
    [`POST ${collection}`, ["201"]],
    [`GET ${collection}/$count`, ["200"]],
    [`GET ${item}`, ["200"]],
    [`PATCH ${item}`, ["204"]],
    [`DELETE ${item}`, ["204"]],
  ]);
  for (const action of slice.actions) ops.set(`POST ${item}/${action.name}`, [action.returnType ? "200" : "204"]);
  return ops;
}

function operationDifferences(spec: Spec, slice: Slice): string[] {
  const expected = expectedOperations(slice);
  const actual = new Map<string, { statuses: string[]; body: boolean }>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ["get", "post", "patch", "put", "delete"]) {
      const op = item[method];
      if (!op) continue;
      const statuses = Object.keys(op.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
      actual.set(`${method.toUpperCase()} ${path}`, { statuses, body: op.requestBody !== undefined });
    }
  }
  const out: string[] = [];
  for (const [route, statuses] of expected) {
    const found = actual.get(route);
    if (!found) {
      out.push(`${route}: missing`);
      continue;
    }
    const extra = found.statuses.filter((s) => !statuses.includes(s));
    const missing = statuses.filter((s) => !found.statuses.includes(s));
    if (extra.length) out.push(`${route}: also documents ${extra.join(", ")} (OData: ${statuses.join(", ")})`);
    if (missing.length) out.push(`${route}: does not document ${missing.join(", ")}`);
    const isAction = slice.actions.some((a) => route.endsWith(`/${a.name}`));
    if (isAction && found.body !== slice.actions.find((a) => route.endsWith(`/${a.name}`))!.parameters.length > 0) out.push(`${route}: request body ${found.body ? "documented" : "missing"}`);
  }
  for (const route of actual.keys()) if (!expected.has(route)) out.push(`${route}: not in the metadata`);
  return out;
}

export function agreementDifferences(spec: Spec, slice: Slice): string[] {
  if (!slice.present) throw new Error(`${slice.cloud}: the resource is absent; nothing to compare`);
  return [...schemaDifferences(spec, slice), ...operationDifferences(spec, slice)].sort();
}

/** Two clouds' slices, compared on what they say about the resource (not where or when they were taken). */
export function sliceDifferences(a: Slice, b: Slice): string[] {
  const strip = ({ cloud: _c, source: _s, commit: _k, commitDate: _d, taken: _t, ...rest }: Slice) => rest;
  const left = JSON.stringify(strip(a), null, 1).split("\n");
  const right = JSON.stringify(strip(b), null, 1).split("\n");
  const out: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) out.push(`${b.cloud} differs from ${a.cloud} at line ${i + 1}: ${right[i]?.trim()} (was ${left[i]?.trim()})`);
  return out;
}
