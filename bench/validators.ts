// Validator throughput on the source document's partner: the precompiled validators against a hand-written guard
// doing the same checks (the baseline), the guard using the very same format checks (ajv-formats'
// full date-time and uri, which the validators carry bundled), so the ratio is the cost of the generated code itself. Same process, rotated order, medians.
import { fullFormats } from "ajv-formats/dist/formats.js";
import { validateRemoteAssistancePartner, validateRemoteAssistancePartnerUpdate } from "../src/entries/index.ts";
import { seedPartner } from "../test/fixtures/seed-examples.ts";
import { median, rotated, spreadPct } from "./lib/stats.ts";

const { "@odata.type": _type, id: _id, ...seedUpdate } = seedPartner;

const isDateTime = (fullFormats["date-time"] as { validate: (s: string) => boolean }).validate;
const isUri = fullFormats.uri as (s: string) => boolean;
const STATUSES = new Set(["notOnboarded", "onboarding", "onboarded"]);

/** Every check the partner schema makes, by hand, with no error reporting. */
function handWrittenGuard(v: any): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const context = v["@odata.context"];
  if (context !== undefined && (typeof context !== "string" || !isUri(context))) return false;
  if (v["@odata.type"] !== undefined && typeof v["@odata.type"] !== "string") return false;
  if (v.id !== undefined && typeof v.id !== "string") return false;
  if (v.displayName !== undefined && v.displayName !== null && typeof v.displayName !== "string") return false;
  const url = v.onboardingUrl;
  if (url !== undefined && url !== null && (typeof url !== "string" || !isUri(url))) return false;
  if (v.onboardingStatus !== undefined && !STATUSES.has(v.onboardingStatus)) return false;
  const at = v.lastConnectionDateTime;
  if (at !== undefined && (typeof at !== "string" || !isDateTime(at))) return false;
  return true;
}

export interface ValidatorRow {
  name: string;
  perSecond: number;
  spreadPct: number;
  slowdownVsGuard: number;
}

export function benchValidators({ iterations = 300_000, repeats = 5 } = {}): ValidatorRow[] {
  const candidates: Record<string, () => boolean> = {
    "hand-written guard, same checks (baseline)": () => handWrittenGuard(seedPartner),
    validateRemoteAssistancePartner: () => validateRemoteAssistancePartner(seedPartner).valid,
    validateRemoteAssistancePartnerUpdate: () => validateRemoteAssistancePartnerUpdate(seedUpdate).valid,
  };
  const names = Object.keys(candidates);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) for (let i = 0; i < 50_000; i++) candidates[name]!();
  for (let round = 0; round < repeats; round++) {
    for (const name of rotated(names, round)) {
      const check = candidates[name]!;
      let ok = true;
      const started = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) ok = check() && ok;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!ok) throw new Error(`${name} refused the source document's partner`);
      samples[name]!.push(iterations / seconds);
    }
  }
  const baseline = median(samples[names[0]!]!);
  return names.map((name) => ({
    name,
    perSecond: Math.round(median(samples[name]!)),
    spreadPct: +spreadPct(samples[name]!).toFixed(1),
    slowdownVsGuard: +(baseline / median(samples[name]!)).toFixed(2),
  }));
}
