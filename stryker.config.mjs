// `npm run mutation`: StrykerJS over src/ with the vitest runner and the tests of vitest.mutation.config.ts. The
// HTML and JSON reports go to reports/mutation/ (git-ignored); scripts/mutation-summary.ts writes the committed
// summary, bench/results/mutation.md, from the JSON.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: ["src/**/*.ts"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  // Added to a mutant's expected time (its tests' own time, times 1.5): what a mutant that hangs costs.
  timeoutMS: 5_000,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  incrementalFile: "reports/mutation/incremental.json",
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  ignorePatterns: ["dist", "docs", "!docs/*.md", "reports", "test-results", "bench/results", ".scratch"],
};
