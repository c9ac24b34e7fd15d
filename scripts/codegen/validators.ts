// Precompiled ajv validators: the schemas are compiled here, once, to standalone ESM, so that importing the package
// never compiles a schema (no `new Function`, no ajv compiler in a consumer's bundle).
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone/index.js";
import type { OpenApiDocument } from "./bundle.ts";
import { bundleFormats } from "./formats.ts";

/** Export name in generated/validators.js → schema name in components.schemas. */
export const VALIDATED_SCHEMAS = {
  remoteAssistancePartner: "microsoft.graph.remoteAssistancePartner",
  remoteAssistancePartnerUpdate: "remoteAssistancePartnerUpdate",
  remoteAssistancePartnerCreate: "remoteAssistancePartnerCreate",
  remoteAssistancePartnerCollection: "microsoft.graph.remoteAssistancePartnerCollectionResponse",
  odataError: "microsoft.graph.ODataErrors.ODataError",
} as const;

// OpenAPI's own keywords, which JSON Schema 2020-12 does not define: declared so strict mode accepts them,
// both inside schemas (example, discriminator, xml, externalDocs) and at the top of the spec document.
export const OPENAPI_KEYWORDS = [
  "example", "discriminator", "xml", "externalDocs",
  "openapi", "info", "servers", "paths", "webhooks", "components", "security", "tags", "jsonSchemaDialect",
];

const require = createRequire(import.meta.url);

/** The beta contract's validators: v1.0's (over beta's schemas) and the settings'. */
export const BETA_VALIDATED_SCHEMAS = {
  ...VALIDATED_SCHEMAS,
  remoteAssistanceSettings: "microsoft.graph.remoteAssistanceSettings",
  remoteAssistanceSettingsUpdate: "remoteAssistanceSettingsUpdate",
} as const;

export function generateValidators(root: string, bundle: OpenApiDocument, schemas: Record<string, string> = VALIDATED_SCHEMAS): { js: string; dts: string } {
  const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    code: { source: true, esm: true, lines: true, formats: ajvFormatsImport() },
  });
  (addFormats as unknown as typeof addFormats.default)(ajv, { mode: "full" });
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  ajv.addSchema(bundle, "spec");
  const refs: Record<string, string> = {};
  for (const [exportName, schemaName] of Object.entries(schemas)) {
    const id = `spec#/components/schemas/${pointerEscape(schemaName)}`;
    ajv.addSchema({ $ref: id }, exportName);
    refs[exportName] = exportName;
  }
  const standalone = standaloneCode as unknown as typeof standaloneCode.default;
  const js = esmImports(linearErrors(standalone(ajv, refs)), bundleFormats(root));
  assertImportsAreDependencies(js);
  return { js, dts: declarations(Object.keys(schemas)) };
}

// ajv gathers a sub-schema's errors with `vErrors = vErrors.concat(validateN.errors)`, a copy of every error so far
// for each failing item: a page of 60,000 invalid partners took 12 s (20k: 0.56 s, 40k: 4.5 s). Appending in place
// keeps it linear. The inner validator's array is copied when it starts the list, since the next call replaces it.
function linearErrors(code: string): string {
  const concat = /^vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);$/gm;
  let rewritten = 0;
  const linear = code.replace(concat, (_line, inner: string) => {
    rewritten++;
    return `if (vErrors === null) { vErrors = ${inner}.errors.slice(); } else { for (const e of ${inner}.errors) vErrors.push(e); }`;
  });
  if (rewritten === 0 || linear.includes(".concat(")) {
    throw new Error("ajv's standalone code no longer gathers errors as expected (vErrors.concat): check linearErrors() against it");
  }
  return linear;
}

// The generated module ships to consumers: every package it imports must be one of ours, not a dev tool that
// happens to be installed here (ajv emits runtime helpers such as ajv/dist/runtime/ucs2length for some keywords).
function assertImportsAreDependencies(js: string): void {
  const { dependencies = {} } = require("../../package.json") as { dependencies?: Record<string, string> };
  for (const [, specifier] of js.matchAll(/^import .* from "([^"]+)";$/gm)) {
    const name = specifier!.startsWith("@") ? specifier!.split("/").slice(0, 2).join("/") : specifier!.split("/")[0]!;
    if (!(name in dependencies)) {
      throw new Error(`generated/validators.js imports "${specifier}", but ${name} is not in package.json dependencies: add it (npm i -E ${name})`);
    }
  }
}

function ajvFormatsImport() {
  const { _ } = require("ajv/dist/compile/codegen") as typeof import("ajv/dist/compile/codegen/index.js");
  return _`boundedFormats`;
}

/**
 * The longest string each format check reads; a longer one fails the format unread. ajv-formats' date-time splits
 * the whole string before looking at it: a 15 MiB lastConnectionDateTime of spaces took 1.4 s and 400 MB (issue 23).
 * Microsoft's CSDL gives these properties no MaxLength (nor a Precision: `Edm.DateTimeOffset`, `Edm.String`), so the
 * bounds are this package's: OData allows at most 12 decimals of seconds, so an RFC 3339 date-time is at most 38
 * characters (64 leaves room); a URI the client reads (`@odata.context`) is a few hundred, and the client follows no
 * URL past 16 KiB (listAll's MAX_NEXT_LINK_CHARS).
 */
export const FORMAT_MAX_CHARS: Record<string, number> = { "date-time": 64, date: 32, time: 48, uri: 16 * 1024, "uri-reference": 16 * 1024 };

/** `boundedFormats`: ajv-formats' checks, each of FORMAT_MAX_CHARS refusing a longer string before it runs. */
function boundedFormatsCode(): string {
  return [
    `const FORMAT_MAX_CHARS = ${JSON.stringify(FORMAT_MAX_CHARS)};`,
    "const boundedCheck = (check, max) => check instanceof RegExp ? { test: (s) => s.length <= max && check.test(s) } : (s) => s.length <= max && check(s);",
    "const boundedFormats = /* @__PURE__ */ Object.fromEntries(Object.entries(ajvFormats.fullFormats).map(([name, format]) => {",
    "  const max = FORMAT_MAX_CHARS[name];",
    "  if (max === undefined || format === true) return [name, format];",
    "  if (format instanceof RegExp || typeof format === \"function\") return [name, boundedCheck(format, max)];",
    "  return [name, { ...format, validate: boundedCheck(format.validate, max) }];",
    "}));",
  ].join("\n");
}

// ajv writes its runtime helpers as require() calls even in ESM output; turn each into an import so the module is
// real ESM and a bundler can see (and tree-shake) what it uses.
function esmImports(code: string, formats: string): string {
  const imports = new Map<string, string>();
  const body = code.replace(/require\("([^"]+)"\)(\.default)?/g, (_match, specifier: string, isDefault?: string) => {
    const key = `${specifier}${isDefault ?? ""}`;
    if (!imports.has(key)) imports.set(key, `ajvRuntime${imports.size}`);
    return imports.get(key)!;
  });
  const lines = [...imports].map(([key, local]) => {
    const specifier = key.replace(/\.default$/, "");
    const file = specifier.endsWith(".js") ? specifier : `${specifier}.js`;
    return key.endsWith(".default")
      ? `import ${local} from "${file}";`
      : `import * as ${local} from "${file}";`;
  });
  return [...lines, formats, boundedFormatsCode(), body.replace(/^"use strict";/, "")].join("\n");
}

function declarations(names: string[]): string {
  return [
    "/** One error as ajv reports it; src/validation.ts turns it into a ValidationResult error. */",
    "export interface AjvError {",
    "  instancePath: string;",
    "  schemaPath: string;",
    "  keyword: string;",
    "  params: Record<string, unknown>;",
    "  message?: string;",
    "}",
    "export interface PrecompiledValidator {",
    "  (data: unknown): boolean;",
    "  errors?: AjvError[] | null;",
    "}",
    ...names.map((n) => `export declare const ${n}: PrecompiledValidator;`),
    "",
  ].join("\n");
}

function pointerEscape(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}
