// `npm run bench`: every figure side by side in one run, each against its baseline, with the targets they answer.
// Writes bench/results/latest.json and latest.md (the table the README shows). Never part of `npm test`.
import { mkdirSync, writeFileSync } from "node:fs";
import { benchBundles } from "./bundles.ts";
import { benchCalls } from "./calls.ts";
import { benchColdStart } from "./cold-start.ts";
import { benchTypecheck } from "./typecheck.ts";
import { benchValidators } from "./validators.ts";

const started = performance.now();
const section = (title: string) => console.log(`\n▶ ${title}`);

section("Per-call cost of one PATCH on loopback (2,000 sequential calls × 3 repeats, interleaved)");
const calls = await benchCalls({ calls: 2_000, repeats: 3 });
console.table(calls.rows);

section("One-call program, bundled with esbuild (minified, ESM): code-split (bytes up front) and as one file");
const bundles = await benchBundles();
console.table(bundles);

section("Validators on the source document's partner (5 repeats)");
const validators = benchValidators();
console.table(validators);

section("Cold start: fresh Node processes (15 runs each, alternating)");
const coldStart = benchColdStart();
console.table(coldStart);

section("A consumer's tsc --noEmit (5 runs each, alternating)");
const typecheck = benchTypecheck();
console.table(typecheck);

const ours = (rows: { name: string }[], match: string) => rows.find((r) => r.name.includes(match))!;
const perCall = ours(calls.rows, "createRemoteAssistanceClient") as (typeof calls.rows)[number];
const bundle = ours(bundles, "via /client") as (typeof bundles)[number];
const partnerValidator = ours(validators, "validateRemoteAssistancePartner") as (typeof validators)[number];
const cold = ours(coldStart, "validate once") as (typeof coldStart)[number];
const types = ours(typecheck, "remote-assistance-contract") as (typeof typecheck)[number];
const graphTypes = ours(typecheck, "graph-types") as (typeof typecheck)[number];

const targets = [
  { target: "client.update() per call ≤ 1.10 × raw fetch", measured: `${perCall.ratioToFetch} ×`, met: perCall.ratioToFetch <= 1.1 },
  {
    target: "one-call program as one file ≤ 8.8 kB gzip (token cache in, validators, raw, OpenTelemetry out)",
    measured: `${(bundle.oneFileGzipBytes / 1000).toFixed(2)} kB gzip one file via /client; ${(bundle.gzipBytes / 1000).toFixed(2)} kB code-split`,
    met: bundle.oneFileGzipBytes <= 8_800,
  },
  { target: "validators ≥ 1,000,000 validations/s", measured: `${partnerValidator.perSecond.toLocaleString("en")} /s`, met: partnerValidator.perSecond >= 1_000_000 },
  { target: "validators within 2 × a hand-written guard", measured: `${partnerValidator.slowdownVsGuard} ×`, met: partnerValidator.slowdownVsGuard <= 2 },
  { target: "import + validate once adds ≤ 15 ms to node -e \"\"", measured: `+${cold.addedMs} ms`, met: cold.addedMs <= 15 },
  {
    target: "consumer tsc ≤ 0.5 × the same file on microsoft-graph-types",
    measured: `${types.ratioToGraphTypes} × whole run; types add ${types.addedMs} ms vs ${graphTypes.addedMs} ms`,
    met: types.ratioToGraphTypes <= 0.5,
  },
];
section("Targets");
console.table(targets);

const seconds = (performance.now() - started) / 1000;
const results = { date: new Date().toISOString(), node: process.version, seconds: +seconds.toFixed(1), calls, bundles, validators, coldStart, typecheck, targets };
const table = (rows: Record<string, unknown>[]) => {
  const keys = Object.keys(rows[0]!);
  return [`| ${keys.join(" | ")} |`, `|${keys.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${keys.map((k) => String(r[k])).join(" | ")} |`)].join("\n");
};
const markdown = [
  `Measured ${results.date.slice(0, 10)} on Node ${process.version}, ${seconds.toFixed(0)} s (\`npm run bench\`). Medians; spread is (max − min) / median over repeats.`,
  "",
  "**Per-call cost of one PATCH** (loopback, 2,000 sequential calls × 3 repeats, interleaved):",
  "",
  table(calls.rows),
  "",
  "**One-call program, bundled** (esbuild, minified, ESM; code-split: bytes loaded up front, and on demand; one file: all of it):",
  "",
  table(bundles as never),
  "",
  "**Validators** on the source document's partner:",
  "",
  table(validators as never),
  "",
  "**Cold start** (fresh Node processes):",
  "",
  table(coldStart as never),
  "",
  "**A consumer's `tsc --noEmit`**:",
  "",
  table(typecheck as never),
  "",
  "**Targets**:",
  "",
  table(targets.map((t) => ({ ...t, met: t.met ? "yes" : "**no**" }))),
  "",
].join("\n");
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/latest.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(new URL("./results/latest.md", import.meta.url), markdown);
console.log(`\nWrote bench/results/latest.json and latest.md in ${seconds.toFixed(0)} s.`);
