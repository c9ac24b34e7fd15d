// The operations manifest: every operation of a bundled spec as data (operationId, method, path template, path
// parameters, query option names, request body, what success looks like, the documented statuses). The client's
// methods, the fake's routing, the validator tables and the tests' expectations are all read from it, so that an
// operation is written down once, in the spec.
import type { OpenApiDocument } from "./bundle.ts";

type Json = Record<string, any>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** What a success answers with: the contract's shapes, as the client reads them. */
export type SuccessKind = "entity" | "page" | "count" | "none";

export interface OperationEntry {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path template under the service root, such as `/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}`. */
  path: string;
  pathParams: string[];
  /** The query options the operation documents, by their wire names (`$select`…). */
  query: string[];
  /** The request headers it documents (`If-Match`…); Authorization is the client's. */
  headers: string[];
  /** The request body's schema and the name of its precompiled validator; null when the operation takes none. */
  body: { schema: string; validator: string } | null;
  /** How a success is read: its kind, its statuses, and the validator of its body (null for none and count). */
  success: { kind: SuccessKind; statuses: number[]; validator: string | null };
  /** Every status the spec documents, ranges (`4XX`) included, in the spec's order. */
  statuses: string[];
}

/**
 * Reads the manifest out of a bundled spec. `validators` maps precompiled validator names to schema names (the
 * same table generated/validators.js is made from): a body or success schema without a validator is an error here,
 * since the client could not check it.
 */
export function operationsManifest(bundle: OpenApiDocument, validators: Record<string, string>): OperationEntry[] {
  const validatorOf = new Map(Object.entries(validators).map(([name, schema]) => [schema, name]));
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries((bundle as Json).paths as Json)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const id = operation.operationId as string;
      const parameters = [...((item.parameters ?? []) as Json[]), ...((operation.parameters ?? []) as Json[])].map((p) => resolve(bundle, p));
      entries.push({
        operationId: id,
        method: method.toUpperCase() as OperationEntry["method"],
        path,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => p.name as string),
        query: parameters.filter((p) => p.in === "query").map((p) => p.name as string),
        headers: parameters.filter((p) => p.in === "header").map((p) => p.name as string),
        body: requestBody(bundle, operation, id, validatorOf),
        success: success(bundle, operation, id, validatorOf),
        statuses: Object.keys(operation.responses as Json),
      });
    }
  }
  return entries;
}

function requestBody(bundle: OpenApiDocument, operation: Json, id: string, validatorOf: Map<string, string>): OperationEntry["body"] {
  if (!operation.requestBody) return null;
  const schema = schemaName(resolve(bundle, operation.requestBody).content?.["application/json"]?.schema, `${id}'s request body`);
  return { schema, validator: validatorFor(validatorOf, schema, `${id}'s request body`) };
}

function success(bundle: OpenApiDocument, operation: Json, id: string, validatorOf: Map<string, string>): OperationEntry["success"] {
  const codes = Object.keys(operation.responses as Json).filter((code) => /^2\d\d$/.test(code));
  if (!codes.length) throw new Error(`${id} documents no success status`);
  const contents = codes.map((code) => resolve(bundle, operation.responses[code]).content as Json | undefined).filter(Boolean) as Json[];
  const statuses = codes.map(Number);
  if (!contents.length) return { kind: "none", statuses, validator: null };
  const [mediaType, media] = Object.entries(contents[0]!)[0]!;
  if (mediaType === "text/plain") return { kind: "count", statuses, validator: null };
  const schema = schemaName(media.schema, `${id}'s success body`);
  const target = resolve(bundle, media.schema);
  // A page is an object whose `value` is an array: Graph's collection responses.
  const kind: SuccessKind = target?.properties?.value?.type === "array" ? "page" : "entity";
  return { kind, statuses, validator: validatorFor(validatorOf, schema, `${id}'s success body`) };
}

function schemaName(schema: Json | undefined, what: string): string {
  const ref = schema?.$ref as string | undefined;
  if (!ref?.startsWith("#/components/schemas/")) throw new Error(`${what} must be a $ref to a component schema`);
  return ref.slice("#/components/schemas/".length);
}

function validatorFor(validatorOf: Map<string, string>, schema: string, what: string): string {
  const name = validatorOf.get(schema);
  if (!name) throw new Error(`${what} (${schema}) has no precompiled validator: add it to the validated schemas in scripts/codegen/validators.ts`);
  return name;
}

/** The node a local $ref points at; the spec's $refs name components, so no JSON-pointer unescaping is needed. */
function resolve(bundle: OpenApiDocument, node: Json | undefined): Json {
  if (!node?.$ref) return node as Json;
  return resolve(bundle, (node.$ref as string).slice(2).split("/").reduce((at: Json, key: string) => at?.[key], bundle as Json));
}

/** What the client needs of an entry to make a call: no documented statuses or header names (they cost bundle bytes). */
const forClient = ({ method, path, pathParams, query, body, success }: OperationEntry) => ({ method, path, pathParams, query, body: body && { validator: body.validator }, success });

/**
 * generated/…/operations.js and its declarations: the manifest keyed by operationId (`operations`, for tests, the
 * fake and tools), and the part of each entry a client sends with (`clientOperations`: a bundler leaves out the
 * export a program does not import), their types as literal as the data.
 */
export function renderManifest(entries: OperationEntry[]): { js: string; dts: string } {
  const byId = Object.fromEntries(entries.map((e) => [e.operationId, e]));
  const client = Object.fromEntries(entries.map((e) => [e.operationId, { operationId: e.operationId, ...forClient(e) }]));
  return {
    js: `export const operations = ${JSON.stringify(byId, null, 2)};\n\nexport const clientOperations = ${JSON.stringify(client)};\n`,
    dts: [
      "export type SuccessKind = \"entity\" | \"page\" | \"count\" | \"none\";",
      "/** The operations of the contract, keyed by operationId, exactly as the spec documents them. */",
      `export declare const operations: ${literalType(byId, "")};`,
      "/** The same operations, with what a client needs to call them only. */",
      `export declare const clientOperations: ${literalType(client, "")};`,
      "",
    ].join("\n"),
  };
}

/** A value's type written as literally as possible: readonly tuples and objects, string and number literals. */
function literalType(value: unknown, indent: string): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `readonly [${value.map((v) => literalType(v, indent)).join(", ")}]`;
  if (typeof value === "object") {
    const inner = `${indent}  `;
    const lines = Object.entries(value as Json).map(([key, v]) => `${inner}readonly ${JSON.stringify(key)}: ${literalType(v, inner)};`);
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
