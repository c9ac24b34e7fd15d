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

function loadBase(ref: string) {
  if (existsSync(ref)) return JSON.parse(readFileSync(ref, "utf8"));
  try {
    return JSON.parse(execFileSync("git", ["show", `${ref}:generated/openapi.json`], { cwd: root, stdio: ["ignore", "pipe", "pipe"] }).toString("utf8"));
  } catch {
    console.error(`breaking: "${ref}" is neither a file nor a git ref with generated/openapi.json`);
    process.exit(2);
  }
}

const revision = JSON.parse(readFileSync(join(root, "generated/openapi.json"), "utf8"));
const result = compareSpecs(root, loadBase(baseArg), revision);
const major = (v: string) => Number(v.split(".")[0]);
const declared = major(result.revisionVersion) > major(result.baseVersion);

console.log(`Contract ${result.baseVersion} (${baseArg}) → ${result.revisionVersion} (working tree)`);
console.log(`Redocly: ${result.summary.major} major, ${result.summary.minor} minor, ${result.summary.patch} patch changes`);
if (result.breaking.length === 0) {
  console.log("✓ No breaking change.");
} else {
  console.log(`${result.breaking.length} breaking change(s):`);
  for (const change of result.breaking) console.log(`  ✖ [${change.rule}] ${change.message}\n      at ${change.where}`);
  if (declared) console.log(`Allowed: info.version's major was raised (${result.baseVersion} → ${result.revisionVersion}).`);
  else {
    console.log("Refused: raise info.version's major in spec/openapi.yaml to release a breaking change on purpose.");
    process.exitCode = 1;
  }
}
