// The tests StrykerJS runs against each mutant of src/ (`npm run mutation`): those that import src/ directly and pin
// its behaviour. Left out: what spawns processes or measures load (the mock, the soak and load tests in test/load: minutes
// per mutant, and they assert throughput rather than behaviour), the type tests (*.test-d.ts) and what tests dist/, the spec or the docs.
//
// These tests build clients, fakes and msw servers in hooks or in the tests, never in a describe body or at the top
// of the file: a throw while a file is collected leaves no test to fail, and Stryker then counts the mutant that
// caused it as survived (every mutant that broke the fake's construction did, until this was found). The hooks go
// inside a describe, too: a failed file-level hook is not seen as the failure of the file's tests.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/features/**/*.test.ts", "test/testing/**/*.test.ts", "test/transport/**/*.test.ts", "test/contract/microsoft-examples.test.ts"],
    // Type tests (*.test-d.ts) are not runtime tests: a mutant they "kill" would be a compile error, not a behaviour.
    exclude: ["**/*.test-d.ts", "test/load/**"],
    typecheck: { enabled: false },
    // A mutant that makes a call hang is caught here, by the test failing at its timeout, rather than by Stryker's
    // own timeout (stryker.config.mjs timeoutMS, longer): Stryker must kill and restart the whole test process after
    // its timeout (~16 s of collecting 800 tests again), and a fifth of the transport's mutants hang. The slowest test
    // in this set takes 1.6 s on a loaded machine.
    testTimeout: 5_000,
    hookTimeout: 5_000,
  },
});
