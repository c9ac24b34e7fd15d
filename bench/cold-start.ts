// What importing the package and validating once adds to a Node process's start, against a bare `node -e ""`:
// fresh processes, alternating, medians.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, spreadPct } from "./lib/stats.ts";

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));
const seed = `{"id":"7443c8b9-c8b9-7443-b9c8-4374b9c84374","displayName":"Display Name value","onboardingUrl":"https://example.com/onboardingUrl/","onboardingStatus":"onboarding","lastConnectionDateTime":"2016-12-31T23:58:36.6670033-08:00"}`;

const programs: Record<string, string> = {
  'node -e "" (baseline)': "",
  "import the package + validate once": `const m = await import(${JSON.stringify(dist("entries/index.js"))}); if (!m.validateRemoteAssistancePartner(${seed}).valid) process.exit(1);`,
  // Creating a client is left out: its first touch of globalThis.Request makes Node load its fetch (about 20 ms here),
  // which any fetch-based program pays at its first request.
  "import /client (no validators)": `await import(${JSON.stringify(dist("entries/client.js"))});`,
};

export interface ColdStartRow {
  name: string;
  medianMs: number;
  spreadPct: number;
  addedMs: number;
}

export function benchColdStart({ runs = 15 } = {}): ColdStartRow[] {
  const names = Object.keys(programs);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < runs + 2; run++) {
    for (const name of names) {
      const started = performance.now();
      const result = spawnSync(process.execPath, ["--input-type=module", "-e", programs[name]!], { stdio: "ignore" });
      const ms = performance.now() - started;
      if (result.status !== 0) throw new Error(`${name} failed (exit ${result.status})`);
      if (run >= 2) times[name]!.push(ms); // the first two runs warm the file cache
    }
  }
  const baseline = median(times[names[0]!]!);
  return names.map((name) => ({
    name,
    medianMs: +median(times[name]!).toFixed(1),
    spreadPct: +spreadPct(times[name]!).toFixed(1),
    addedMs: +(median(times[name]!) - baseline).toFixed(1),
  }));
}
