import { defineConfig } from "vitest/config";

// `npm test` runs every file here (as CI does); `npm run test:fast` leaves out what needs browsers, package installs,
// a spawned mock or minutes of load (SLOW_LANES below). Type tests are `*.test-d.ts`, run by vitest's typecheck (and
// by tsc over tsconfig.json, which includes test/): they assert nothing at run time and never count as runtime tests.
// Left out of the fast lane: load and soak, Chromium, npm pack and a consumer install, the spawned mock, and the tools
// that spawn a CLI (Redocly's lint and codegen, the breaking gate's git-driven runs).
export const SLOW_LANES = ["test/load/**", "test/docs/browser.test.ts", "test/package/**", "test/mock/**", "test/contract/lint-and-codegen.test.ts", "test/breaking/**"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(process.env.TEST_LANE === "fast" ? SLOW_LANES : [])],
    // The fast lane's files wait on loopback sockets, fake servers and timers more than they compute: with one worker
    // per core (two here) the machine sat half idle (62 s with 1.15 cores busy); four keep both cores busy (45 s).
    // The full lane keeps vitest's default, beside its browser, installs and load tests.
    ...(process.env.TEST_LANE === "fast" ? { maxWorkers: 4 } : {}),
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
    // Lint and codegen tests spawn Redocly, which takes a few seconds on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
