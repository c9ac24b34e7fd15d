// How long a consumer's `tsc --noEmit` takes for the same small file written against this package's types
// (`remote-assistance-contract/types`, the types alone) and against @microsoft/microsoft-graph-types: fresh tsc
// processes, alternating, medians. No @types/node in either: neither needs it.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, spreadPct } from "./lib/stats.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

// The same consumer code twice: build a PATCH body, read a response, switch over the status.
const body = (types: string) => `${types}
export function patchFor(name: string): Update {
  const patch: Update = { displayName: name, onboardingStatus: "onboarding", lastConnectionDateTime: new Date().toISOString() };
  return patch;
}
export function describe(partner: Partner): string {
  switch (partner.onboardingStatus) {
    case "notOnboarded": return \`\${partner.displayName ?? "?"} is not onboarded\`;
    case "onboarding": return \`\${partner.displayName ?? "?"} is onboarding at \${partner.onboardingUrl ?? "?"}\`;
    case "onboarded": return \`\${partner.displayName ?? "?"} is onboarded since \${partner.lastConnectionDateTime ?? "?"}\`;
    default: return "unknown";
  }
}
`;

const consumers: Record<string, string> = {
  // The fixed cost of starting tsc and reading lib.es2022, with types of its own: what neither package can change.
  "the same code with local types (tsc's fixed cost)": body(
    `type Partner = { displayName?: string | null; onboardingUrl?: string | null; onboardingStatus?: "notOnboarded" | "onboarding" | "onboarded"; lastConnectionDateTime?: string };\ntype Update = Partner;`,
  ),
  "remote-assistance-contract types": body(
    `import type { RemoteAssistancePartner as Partner, RemoteAssistancePartnerUpdate as Update } from ${JSON.stringify(join(root, "dist/entries/types.js"))};`,
  ),
  "@microsoft/microsoft-graph-types (baseline)": body(
    `import type { RemoteAssistancePartner as Partner } from "@microsoft/microsoft-graph-types";\ntype Update = Partial<Partner>;`,
  ),
};

export interface TypecheckRow {
  name: string;
  medianMs: number;
  spreadPct: number;
  ratioToGraphTypes: number;
  addedMs: number;
}

export function benchTypecheck({ runs = 5 } = {}): TypecheckRow[] {
  const work = join(root, "bench/.work");
  const names = Object.keys(consumers);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  try {
    names.forEach((name, i) => {
      const dir = join(work, `consumer-${i}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "consumer.ts"), consumers[name]!);
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["consumer.ts"] }),
      );
    });
    for (let run = 0; run < runs + 1; run++) {
      names.forEach((name, i) => {
        const started = performance.now();
        const result = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(work, `consumer-${i}`)], { encoding: "utf8" });
        const ms = performance.now() - started;
        if (result.status !== 0) throw new Error(`tsc failed for ${name}:\n${result.stdout}${result.stderr}`);
        if (run > 0) times[name]!.push(ms);
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const fixed = median(times[names[0]!]!);
  const baseline = median(times[names[2]!]!);
  return names.map((name) => ({
    name,
    medianMs: Math.round(median(times[name]!)),
    spreadPct: +spreadPct(times[name]!).toFixed(1),
    ratioToGraphTypes: +(median(times[name]!) / baseline).toFixed(2),
    // What the imported types themselves cost, tsc's fixed cost taken off.
    addedMs: Math.round(median(times[name]!) - fixed),
  }));
}
