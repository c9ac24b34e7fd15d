// A process that hosts the fake, for tests that measure it from outside (its memory under a large POST) or must
// see that nothing a request does ends it. Prints its URL as one JSON line; on each line read from stdin, prints its
// memory (VmRSS and the peak, VmHWM, in KiB) and any unhandled rejection or uncaught exception it has seen.
import { readFileSync } from "node:fs";
import { createRemoteAssistanceFake } from "../../../src/testing.js";

const failures: string[] = [];
process.on("unhandledRejection", (reason) => failures.push(`unhandledRejection: ${String(reason)}`));
process.on("uncaughtException", (error) => failures.push(`uncaughtException: ${String(error)}`));
const server = await createRemoteAssistanceFake().listen();
console.log(JSON.stringify({ url: server.url }));
process.stdin.setEncoding("utf8");
process.stdin.on("data", () => {
  const status = readFileSync("/proc/self/status", "utf8");
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)![1]);
  console.log(JSON.stringify({ rssKiB: kib("VmRSS"), peakKiB: kib("VmHWM"), failures }));
});
process.stdin.on("end", () => process.exit(0));
