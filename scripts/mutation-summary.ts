// After `stryker run`: the mutation score of src/, overall and per file, from Stryker's JSON report (or the reports
// given as arguments, merged), written to
// bench/results/mutation.md (committed) with every surviving mutant listed. A survivor named in
// test/mutation-equivalents.json is an equivalent mutant (no test can observe it) and carries its reason there; any
// other survivor is a behaviour no test holds yet. Exits 1 when the score is under 90% overall or 85% in a file.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const OVERALL_TARGET = 90;
const FILE_TARGET = 85;

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";
  location: { start: { line: number; column: number } };
  /** Code run once at import (module level): only a fresh test process per mutant can test it. */
  static?: boolean;
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}
/** `file:line mutator replacement` → why no test can tell the mutant from the code. */
type Equivalents = Record<string, string>;

// One report, or several (a run split by `--mutate` into parts, each with its own JSON report): their files together.
const reportPaths = process.argv.slice(2).length ? process.argv.slice(2) : [`${root}reports/mutation/mutation.json`];
const report: Report = { files: Object.assign({}, ...reportPaths.map((path) => withStaticNotRun(JSON.parse(readFileSync(path, "utf8")) as Report))) };
const equivalents = JSON.parse(readFileSync(`${root}test/mutation-equivalents.json`, "utf8")) as Equivalents;

/**
 * A report of a run with `--ignoreStatic` (some static mutant Ignored) has every static mutant counted as not run.
 * Stryker's incremental mode gives some of them a status anyway, from a run against their covering test alone in a
 * process that had already imported the code: not a test of code that runs at import.
 */
function withStaticNotRun({ files }: Report): Report["files"] {
  const ignoringStatic = Object.values(files).some(({ mutants }) => mutants.some((m) => m.static && m.status === "Ignored"));
  if (!ignoringStatic) return files;
  return Object.fromEntries(Object.entries(files).map(([file, entry]) => [file, { ...entry, mutants: entry.mutants.map((m) => (m.static ? { ...m, status: "Ignored" as const } : m)) }]));
}

const keyOf = (file: string, m: Mutant) => `${file}:${m.location.start.line} ${m.mutatorName} ${JSON.stringify(m.replacement ?? "")}`;
const score = (detected: number, undetected: number) => (detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected));

const rows: { file: string; killed: number; timeout: number; survived: number; noCoverage: number; ignored: number; score: number }[] = [];
const survivors: { key: string; source: string; reason: string | undefined }[] = [];
for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const count = (status: Mutant["status"]) => mutants.filter((m) => m.status === status).length;
  const [killed, timeout, survived, noCoverage, ignored] = [count("Killed"), count("Timeout"), count("Survived"), count("NoCoverage"), count("Ignored")];
  if (killed + timeout + survived + noCoverage + ignored === 0) continue; // a file of types only
  rows.push({ file, killed, timeout, survived, noCoverage, ignored, score: score(killed + timeout, survived + noCoverage) });
  const lines = source.split("\n");
  for (const m of mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage")) {
    const key = keyOf(file, m);
    survivors.push({ key, source: lines[m.location.start.line - 1]!.trim().slice(0, 120), reason: equivalents[key] });
  }
}
const total = rows.reduce((t, r) => ({ detected: t.detected + r.killed + r.timeout, undetected: t.undetected + r.survived + r.noCoverage }), { detected: 0, undetected: 0 });
const overall = score(total.detected, total.undetected);
const under = rows.filter((r) => r.score < FILE_TARGET);
const stale = Object.keys(equivalents).filter((key) => !survivors.some((s) => s.key === key));

const table = [
  "| file | killed | timed out | survived | no coverage | not run | score |",
  "|---|---|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.file} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.score.toFixed(1)}% |`),
  `| **all of src/** | ${rows.reduce((n, r) => n + r.killed, 0)} | ${rows.reduce((n, r) => n + r.timeout, 0)} | ${rows.reduce((n, r) => n + r.survived, 0)} | ${rows.reduce((n, r) => n + r.noCoverage, 0)} | ${rows.reduce((n, r) => n + r.ignored, 0)} | **${overall.toFixed(1)}%** |`,
].join("\n");
const markdown = [
  `Mutation score of src/ (\`npm run mutation\`, StrykerJS 9.6.1, vitest runner, the tests of vitest.mutation.config.ts), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.`,
  `Targets: ${OVERALL_TARGET}% overall, ${FILE_TARGET}% in every file.`,
  // A run in parts (stryker.config.mjs STRYKER_PART) may not have all its parts: say which reports these figures are.
  `From ${reportPaths.map((path) => `${relative(root, path)} (written ${statSync(path).mtime.toISOString().slice(0, 16).replace("T", " ")} UTC)`).join(", ")}; a file of src/ in none of them is not in this table.`,
  "",
  table,
  "",
  ...(rows.some((r) => r.ignored)
    ? ["\"Not run\" are the mutants Stryker reports as Ignored: with `--ignoreStatic`, the static ones (module-level code, run once at import, which only the whole suite can test: a run of its own per mutant), left out of the score; in such a run every static mutant is counted here as not run, including those Stryker's incremental mode gave a status from a run against one test. A run without the flag tests them too and takes about twice as long.", ""]
    : []),
  `The score counts every survivor as missed, the equivalent ones below included; without those ${survivors.filter((s) => s.reason).length}, it would be ${(Math.floor(10 * score(total.detected, total.undetected - survivors.filter((s) => s.reason).length)) / 10).toFixed(1)}% (rounded down).`,
  "",
  "**Equivalent mutants** (alive on purpose: no test can observe them), with the reason from test/mutation-equivalents.json:",
  "",
  ...survivors.filter((s) => s.reason).map((s) => `- \`${s.key}\` (\`${s.source}\`): ${s.reason}`),
  "",
  "**Survivors not yet pinned by a test**:",
  "",
  ...survivors.filter((s) => !s.reason).map((s) => `- \`${s.key}\` (\`${s.source}\`)`),
  "",
].join("\n");
writeFileSync(`${root}bench/results/mutation.md`, markdown);

console.log(table);
console.log(`\nWrote bench/results/mutation.md: ${overall.toFixed(1)}% overall; ${survivors.filter((s) => !s.reason).length} survivors not pinned, ${survivors.filter((s) => s.reason).length} equivalent.`);
// A listed equivalent that did not survive this run (a slower machine can time one out) is worth a look, not a failure.
for (const key of stale) console.warn(`test/mutation-equivalents.json names a mutant that did not survive this run: ${key}`);
const problems = [
  ...(overall < OVERALL_TARGET ? [`overall ${overall.toFixed(1)}% < ${OVERALL_TARGET}%`] : []),
  ...under.map((r) => `${r.file} ${r.score.toFixed(1)}% < ${FILE_TARGET}%`),
];
if (problems.length) {
  console.error(`\nMutation targets not met:\n  ${problems.join("\n  ")}`);
  process.exitCode = 1;
}
