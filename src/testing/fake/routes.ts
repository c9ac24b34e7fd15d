// Which operation a request is, read from the operations manifest's path templates and methods: no route of the
// fake is written by hand, so an operation added to the spec is routed as soon as `npm run generate` has run.
import type { ManifestOperation } from "./contract.js";

export type Route =
  | { kind: "operation"; operation: ManifestOperation; params: Record<string, string> }
  /** A path the contract has, asked with a method none of its operations takes. */
  | { kind: "wrongMethod"; template: string; resource: string }
  /** The first segment no template has at its place (or the last one, when the path stops short of every template). */
  | { kind: "unknownSegment"; segment: string }
  /** A segment whose percent-encoding cannot be decoded. */
  | { kind: "badEncoding"; segment: string };

type Segment = { literal: string } | { param: string };
interface Compiled {
  operation: ManifestOperation;
  segments: Segment[];
  literals: number;
}

const compile = (operation: ManifestOperation): Compiled => {
  const segments = operation.path
    .split("/")
    .slice(1)
    .map((part): Segment => (/^\{[^}]+\}$/.test(part) ? { param: part.slice(1, -1) } : { literal: part }));
  return { operation, segments, literals: segments.filter((s) => "literal" in s).length };
};

const matches = (segment: Segment, value: string) => ("literal" in segment ? segment.literal === value : value !== "");

/** A router over `operations`: `route(method, path)` with the path under the service root, still percent-encoded. */
export function createRouter(operations: readonly ManifestOperation[]) {
  const compiled = operations.map(compile);
  return function route(method: string, rawPath: string): Route {
    const raw = rawPath.split("/").slice(1);
    if (raw.length > 1 && raw.at(-1) === "") raw.pop(); // a trailing slash names no segment
    const segments: string[] = [];
    for (const part of raw) {
      try {
        segments.push(decodeURIComponent(part));
      } catch {
        return { kind: "badEncoding", segment: part };
      }
    }
    const candidates = compiled.filter((c) => c.segments.length === segments.length && c.segments.every((s, i) => matches(s, segments[i]!)));
    if (!candidates.length) return { kind: "unknownSegment", segment: unknownSegment(compiled, segments) };
    // A literal beats a parameter: /remoteAssistancePartners/$count is the count, never a partner whose id is "$count".
    const most = Math.max(...candidates.map((c) => c.literals));
    const best = candidates.filter((c) => c.literals === most);
    const found = best.find((c) => c.operation.method === method);
    if (!found) return { kind: "wrongMethod", template: odataTemplate(best[0]!.segments), resource: odataResource(best[0]!.segments, segments) };
    const params: Record<string, string> = {};
    found.segments.forEach((s, i) => {
      if ("param" in s) params[s.param] = segments[i]!;
    });
    return { kind: "operation", operation: found.operation, params };
  };
}

function unknownSegment(compiled: Compiled[], segments: string[]): string {
  for (let i = 0; i < segments.length; i++) {
    const known = compiled.some((c) => c.segments.length > i && c.segments.slice(0, i + 1).every((s, j) => matches(s, segments[j]!)));
    if (!known) return segments[i]!;
  }
  return segments.at(-1) ?? "";
}

/** The route template as Intune names it in its "No method match route template" errors: ~/singleton/navigation/key/action. */
function odataTemplate(segments: Segment[]): string {
  const kinds = segments.map((s, i) => {
    if ("param" in s) return "key";
    if (s.literal.startsWith("$")) return s.literal;
    if (i === 0) return "singleton";
    return "param" in segments[i - 1]! ? "action" : "navigation";
  });
  return `~/${kinds.join("/")}`;
}

/** The request's resource with keys in parentheses, as Intune's route errors quote it. */
function odataResource(template: Segment[], segments: string[]): string {
  let out = "";
  template.forEach((s, i) => {
    out += "param" in s ? `('${segments[i]}')` : `/${segments[i]}`;
  });
  return out;
}
