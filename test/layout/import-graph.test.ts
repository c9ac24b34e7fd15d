// The house reads top-down: entries → client, contracts and testing → transport → core. This test reads every
// import of src/ (type-only ones included: they are part of the design too) and fails on an import circle or on an
// import from a lower floor up, naming the files.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/spec.js";

const SRC = join(root, "src");
/** The floor of each top-level folder (or file) of src/: an import may go to the same floor or a lower one. */
const FLOORS: Record<string, number> = { entries: 4, "testing.ts": 4, client: 3, contracts: 3, testing: 3, transport: 2, core: 1 };

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []));

/** Each src file → the src files it imports (relative specifiers only; generated/ and packages are outside the house). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(SRC)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/(?:import|export)[^"';]*?from\s+"(\.[^"]+)"|import\("(\.[^"]+)"\)/g)]
      .map((m) => resolve(dirname(file), (m[1] ?? m[2])!.replace(/\.js$/, ".ts")))
      .filter((target) => target.startsWith(`${SRC}/`));
    graph.set(relative(SRC, file), targets.map((t) => relative(SRC, t)));
  }
  return graph;
}

const floorOf = (file: string) => {
  const top = file.split("/")[0]!;
  const floor = FLOORS[top];
  if (floor === undefined) throw new Error(`src/${file} is in no floor: add its folder to FLOORS`);
  return floor;
};

describe("the import graph of src/", () => {
  it("is read whole: the entries reach the client, the transport and the core", () => {
    const graph = importGraph();
    expect(graph.get("entries/root-client.ts")).toEqual(expect.arrayContaining(["client/create-client.ts", "transport/opentelemetry.ts"]));
    expect(graph.get("transport/index.ts")).toEqual(expect.arrayContaining(["core/headers.ts", "transport/chain.ts"]));
    expect([...graph.values()].flat().length).toBeGreaterThan(80);
  });

  it("nothing imports from a floor above its own", () => {
    const upward = [...importGraph()].flatMap(([file, targets]) => targets.filter((t) => floorOf(t) > floorOf(file)).map((t) => `${file} → ${t}`));
    expect(upward).toEqual([]);
  });

  it("has no import circle", () => {
    const graph = importGraph();
    const circles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        circles.push([...path.slice(path.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it("core/ is a leaf: it imports nothing of src/ but core/", () => {
    const outward = [...importGraph()].filter(([file]) => file.startsWith("core/")).flatMap(([file, targets]) => targets.filter((t) => !t.startsWith("core/")).map((t) => `${file} → ${t}`));
    expect(outward).toEqual([]);
  });
});
