// The tests StrykerJS runs against each mutant of src/ (`npm run mutation`): those that import src/ directly and pin
// its behaviour. Left out: what spawns processes or measures load (Prism's mock, the soak and load tests: minutes per
// mutant, and they assert throughput rather than behaviour) and what tests dist/, the spec or the docs.
//
// These tests build clients, fakes and msw servers in hooks or in the tests, never in a describe body or at the top
// of the file: a throw while a file is collected leaves no test to fail, and Stryker then counts the mutant that
// caused it as survived (every mutant that broke the fake's construction did, until this was found). The hooks go
// inside a describe, too: a failed file-level hook is not seen as the failure of the file's tests.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/client/**/*.test.ts", "test/validation/**/*.test.ts", "test/testing/**/*.test.ts", "test/types/**/*.test.ts", "test/beta/**/*.test.ts", "test/contract/microsoft-examples.test.ts"],
    exclude: ["test/client/soak.test.ts", "test/client/load.test.ts"],
    // Tests that bound a time read it to allow for the instrumented code's slowness (test/validation/hostile.test.ts).
    env: { MUTATION_RUN: "1" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
