// What the load and soak tests share: the heap after a full GC, and a seeded generator so that every run injects the
// same faults in the same order.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** MB of heap in use after a full garbage collection. */
export function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** A small seeded PRNG (mulberry32): numbers in [0, 1). The fake's own, so tests and fake share one. */
export { mulberry32 as seeded } from "../../src/testing/fake/state.js";
