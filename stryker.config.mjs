// `npm run mutation`: StrykerJS over src/ with the vitest runner and the tests of vitest.mutation.config.ts. The
// HTML and JSON reports go to reports/mutation/ (git-ignored); scripts/mutation-summary.ts writes the committed
// summary, bench/results/mutation.md, from the JSON.
//
// A whole run is about three hours on a two-core machine, so it can also run in parts: `STRYKER_PART=core npx stryker
// run` mutates one part below, skips static mutants (values computed once at import: each needs a fresh test
// process, and they were two thirds of the time) and writes reports/mutation/<part>.json; then
// `tsx scripts/mutation-summary.ts reports/mutation/{core,client,testing}.json` sums the parts. `--incremental`
// re-tests only mutants whose code or tests changed since that part's last run.
const PARTS = {
  core: ["src/core/**/*.ts", "src/transport/**/*.ts"],
  client: ["src/client/**/*.ts", "src/contracts/**/*.ts", "src/entries/**/*.ts"],
  testing: ["src/testing/**/*.ts", "src/testing.ts"],
};
const part = process.env.STRYKER_PART;
if (part !== undefined && !(part in PARTS)) throw new Error(`STRYKER_PART=${part}: not one of ${Object.keys(PARTS).join(", ")}`);
const reportName = part ?? "mutation";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: part ? PARTS[part] : ["src/**/*.ts"],
  ignoreStatic: part !== undefined,
  coverageAnalysis: "perTest",
  concurrency: 2,
  // Added to a mutant's expected time (its tests' own time, times 1.5). Longer than vitest's own test timeout in
  // vitest.mutation.config.ts, so that a hanging mutant fails its test there and the test process lives on.
  timeoutMS: 8_000,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: `reports/mutation/${part ?? "index"}.html` },
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  incrementalFile: `reports/mutation/${part ? `${part}.` : ""}incremental.json`,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  ignorePatterns: ["dist", "docs", "!docs/*.md", "reports", "test-results", "bench/results", ".scratch"],
};
