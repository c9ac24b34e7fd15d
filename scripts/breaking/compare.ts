// Judges the change from one bundled spec to another by direction, with Redocly's `diff` (rules
// `diff-recommended`: a removed operation, response property or enum value, a new required request property, a
// narrowed type, a renamed query parameter… are major) plus two rules of our own for typed consumers, whose code
// names operations and path parameters: Redocly sees a renamed operationId or path parameter as harmless on the wire.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redocly } from "../redocly.ts";

export interface BreakingChange {
  rule: string;
  message: string;
  where: string;
}

export interface Comparison {
  breaking: BreakingChange[];
  /** Non-breaking changes Redocly saw (additions and the like), counted by impact. */
  summary: { major: number; minor: number; patch: number };
  baseVersion: string;
  revisionVersion: string;
}

type Spec = { info: { version: string }; paths: Record<string, Record<string, any>> };
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function compareSpecs(root: string, base: Spec, revision: Spec): Comparison {
  const dir = mkdtempSync(join(tmpdir(), "ra-breaking-"));
  try {
    writeFileSync(join(dir, "base.json"), JSON.stringify(base));
    writeFileSync(join(dir, "revision.json"), JSON.stringify(revision));
    const report = redoclyDiff(root, join(dir, "base.json"), join(dir, "revision.json"));
    const breaking: BreakingChange[] = report.changes
      .filter((change) => change.impact === "major")
      .flatMap((change) =>
        (change.verdicts.length ? change.verdicts : [{ ruleId: "major-change", message: `${change.kind} ${change.path}` }])
          .filter((v) => !("impact" in v) || v.impact === "major")
          .map((v) => ({ rule: v.ruleId, message: v.message, where: decodePointer(change.path) })),
      );
    breaking.push(...typedApiChanges(base, revision));
    return { breaking, summary: report.summary, baseVersion: base.info.version, revisionVersion: revision.info.version };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface DiffReport {
  summary: Comparison["summary"];
  changes: { path: string; kind: string; impact: string; verdicts: { ruleId: string; impact?: string; message: string }[] }[];
}

function redoclyDiff(root: string, base: string, revision: string): DiffReport {
  const args = ["diff", base, revision, "--format", "json", "--fail-on", "none", "--config", join(root, "redocly.yaml")];
  return JSON.parse(redocly(args, { capture: true, quiet: true })) as DiffReport;
}

/** operationIds and path parameter names are API to a typed client (`operations[…]`, `params.path.…`). */
function typedApiChanges(base: Spec, revision: Spec): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const byRoute = (spec: Spec) =>
    new Map(
      Object.entries(spec.paths).flatMap(([path, item]) =>
        METHODS.filter((m) => item[m]).map((m) => [`${m.toUpperCase()} ${normalisePath(path)}`, { path, op: item[m] }] as const),
      ),
    );
  const before = byRoute(base);
  const after = byRoute(revision);
  for (const [route, { path, op }] of before) {
    const now = after.get(route);
    if (!now) continue; // a removed operation is Redocly's to report
    if (op.operationId && now.op.operationId !== op.operationId) {
      changes.push({ rule: "operation-id-changed", message: `operationId of ${route} changed from \`${op.operationId}\` to \`${now.op.operationId ?? "(none)"}\`.`, where: route });
    }
    const names = (p: string) => [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const [was, is] = [names(path), names(now.path)];
    if (was.join() !== is.join()) {
      changes.push({ rule: "path-parameter-renamed", message: `Path parameters of ${route} were renamed from ${was.join(", ")} to ${is.join(", ")}.`, where: route });
    }
  }
  return changes;
}

const normalisePath = (path: string) => path.replace(/\{[^}]+\}/g, "{}");
const decodePointer = (pointer: string) => pointer.replace(/^#/, "").split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).join(" › ").replace(/^ › /, "");
