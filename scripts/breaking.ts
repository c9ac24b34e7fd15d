// `npm run breaking -- <base>`: does the bundled spec break consumers of <base>, a git ref (tag, branch, commit) or a
// file? Exits 1 listing every breaking change, unless info.version's major was raised (a declared breaking release).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compareSpecs } from "./breaking/compare.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const baseArg = process.argv[2];
if (!baseArg) {
  console.error("usage: npm run breaking -- <git ref | path to a bundled openapi.json>");
  process.exit(2);
}

// Each contract this package carries, judged against the same contract at the base: v1.0 always, beta once the base
// carries one (a ref from before beta has nothing to break).
const CONTRACTS = [
  { name: "v1.0", path: "generated/openapi.json", required: true },
  { name: "beta", path: "generated/beta/openapi.json", required: false },
];

function loadBase(ref: string, path: string, required: boolean): unknown {
  if (existsSync(ref)) return path === CONTRACTS[0]!.path ? JSON.parse(readFileSync(ref, "utf8")) : undefined;
  try {
    return JSON.parse(execFileSync("git", ["show", `${ref}:${path}`], { cwd: root, stdio: ["ignore", "pipe", "pipe"] }).toString("utf8"));
  } catch {
    if (!required) return undefined;
    console.error(`breaking: "${ref}" is neither a file nor a git ref with ${path}`);
    process.exit(2);
  }
}

for (const contract of CONTRACTS) {
  const base = loadBase(baseArg, contract.path, contract.required);
  if (base === undefined) {
    console.log(`${contract.name}: ${baseArg} carries no ${contract.name} contract; nothing to compare.`);
    continue;
  }
  judge(contract.name, base, JSON.parse(readFileSync(join(root, contract.path), "utf8")));
}

function judge(name: string, base: unknown, revision: unknown): void {
  const result = compareSpecs(root, base as never, revision as never);
  const major = (v: string) => Number(v.split(".")[0]);
  const declared = major(result.revisionVersion) > major(result.baseVersion);
  console.log(`${name}: contract ${result.baseVersion} (${baseArg}) → ${result.revisionVersion} (working tree)`);
  console.log(`Redocly: ${result.summary.major} major, ${result.summary.minor} minor, ${result.summary.patch} patch changes`);
  if (result.breaking.length === 0) {
    console.log("✓ No breaking change.");
    return;
  }
  console.log(`${result.breaking.length} breaking change(s):`);
  for (const change of result.breaking) console.log(`  ✖ [${change.rule}] ${change.message}\n      at ${change.where}`);
  if (declared) console.log(`Allowed: info.version's major was raised (${result.baseVersion} → ${result.revisionVersion}).`);
  else {
    console.log("Refused: raise info.version's major in spec/openapi.yaml to release a breaking change on purpose.");
    process.exitCode = 1;
  }
}
