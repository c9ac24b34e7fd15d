// Validator throughput on the seed's partner: the precompiled validator against a hand-written guard doing the same
// checks (the baseline), measured in the same process, alternating order, several rounds; medians and ratio.
import { mkdirSync, writeFileSync } from "node:fs";
import { validateRemoteAssistancePartner, validateRemoteAssistancePartnerUpdate } from "../src/index.ts";

const seedPartner = {
  "@odata.type": "#microsoft.graph.remoteAssistancePartner",
  id: "7443c8b9-c8b9-7443-b9c8-4374b9c84374",
  displayName: "Display Name value",
  onboardingUrl: "https://example.com/onboardingUrl/",
  onboardingStatus: "onboarding",
  lastConnectionDateTime: "2016-12-31T23:58:36.6670033-08:00",
};
const { "@odata.type": _t, id: _i, ...seedUpdate } = seedPartner;

const STATUSES = new Set(["notOnboarded", "onboarding", "onboarded"]);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
const URI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
/** What a careful developer would write by hand: the same property checks, no error reporting. */
function handWrittenGuard(v: any): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  if (v["@odata.type"] !== undefined && typeof v["@odata.type"] !== "string") return false;
  if (v.id !== undefined && typeof v.id !== "string") return false;
  if (v.displayName !== undefined && v.displayName !== null && typeof v.displayName !== "string") return false;
  if (v.onboardingUrl !== undefined && v.onboardingUrl !== null && (typeof v.onboardingUrl !== "string" || !URI.test(v.onboardingUrl))) return false;
  if (v.onboardingStatus !== undefined && !STATUSES.has(v.onboardingStatus)) return false;
  if (v.lastConnectionDateTime !== undefined && (typeof v.lastConnectionDateTime !== "string" || !DATE_TIME.test(v.lastConnectionDateTime))) return false;
  return true;
}

const candidates: Record<string, () => boolean> = {
  "hand-written guard (baseline)": () => handWrittenGuard(seedPartner),
  validateRemoteAssistancePartner: () => validateRemoteAssistancePartner(seedPartner).valid,
  validateRemoteAssistancePartnerUpdate: () => validateRemoteAssistancePartnerUpdate(seedUpdate).valid,
};

const ITERATIONS = 500_000;
const ROUNDS = 7;
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
const names = Object.keys(candidates);
for (const name of names) for (let i = 0; i < 50_000; i++) candidates[name]!(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order each round so no candidate always runs first (or last) on a noisy machine.
  const order = names.map((_, i) => names[(i + round) % names.length]!);
  for (const name of order) {
    const fn = candidates[name]!;
    let ok = true;
    const start = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) ok = fn() && ok;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (!ok) throw new Error(`${name} refused the seed's value`);
    samples[name]!.push(ITERATIONS / seconds);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const baseline = median(samples[names[0]!]!);
const rows = names.map((name) => {
  const xs = samples[name]!;
  return { name, medianPerSecond: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)), slowdownVsBaseline: +(baseline / median(xs)).toFixed(2) };
});
console.log(`Validations per second, median of ${ROUNDS} rounds of ${ITERATIONS.toLocaleString("en")} (Node ${process.version})`);
console.table(rows);
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/validators.json", import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds: ROUNDS, iterations: ITERATIONS, rows }, null, 2)}\n`);
