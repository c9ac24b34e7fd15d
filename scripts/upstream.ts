// `npm run upstream -- <CSDL file…>`: takes this resource's slice out of Microsoft's published CSDL metadata
// (microsoftgraph/msgraph-metadata, schemas/v1.0-<cloud>.csdl) into spec/upstream/v1.0-<cloud>.xml, one small file a
// cloud, each naming its source, commit and the date it was taken. A refresh is this one command and a reviewable
// diff; test/contract/upstream-agreement.test.ts then says whether the contract still agrees.
//
// The commit and its date are read from the README.md beside the CSDL files (as ../shared/upstream/ has it), or
// given with --commit <sha> --commit-date <YYYY-MM-DD>.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { extractSlice, sliceToXml } from "./upstream/slice.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values, positionals: files } = parseArgs({ allowPositionals: true, options: { commit: { type: "string" }, "commit-date": { type: "string" } } });
if (files.length === 0) {
  console.error("usage: npm run upstream -- <v1.0-<cloud>.csdl …> [--commit <sha> --commit-date <YYYY-MM-DD>]");
  process.exit(2);
}

const taken = new Date().toISOString().slice(0, 10);
mkdirSync(join(root, "spec/upstream"), { recursive: true });
const betaMappings = files.filter((file) => /^beta-(entity|enum)-types\.json$/.test(basename(file)));
if (betaMappings.length) writeBetaSlice(betaMappings);
for (const file of files.filter((f) => !betaMappings.includes(f) && !/^beta-complex-types\.json$/.test(basename(f)))) {
  const name = basename(file);
  const cloud = /^v1\.0-(\w+)\.csdl$/.exec(name)?.[1];
  if (!cloud) throw new Error(`${file}: expected a file named v1.0-<cloud>.csdl, as in msgraph-metadata's schemas/`);
  const { commit, commitDate } = provenance(dirname(file));
  const slice = extractSlice(readFileSync(file, "utf8"), { cloud, source: `schemas/${name}`, commit, commitDate, taken });
  const out = join(root, "spec/upstream", `v1.0-${cloud}.xml`);
  writeFileSync(out, sliceToXml(slice));
  console.log(`${name}: ${slice.present ? `${slice.entity!.properties.length} properties, ${slice.enumType?.members.length ?? 0} enum members, ${slice.actions.length} actions` : "no remoteAssistancePartner"} → spec/upstream/v1.0-${cloud}.xml`);
}

function provenance(dir: string): { commit: string; commitDate: string } {
  if (values.commit && values["commit-date"]) return { commit: values.commit, commitDate: values["commit-date"] };
  const readme = join(dir, "README.md");
  const found = existsSync(readme) ? /commit\s+`([0-9a-f]{40})`\s+\((\d{4}-\d{2}-\d{2})\)/.exec(readFileSync(readme, "utf8")) : null;
  if (!found) throw new Error(`no commit for ${dir}: give --commit <sha> --commit-date <YYYY-MM-DD>`);
  return { commit: found[1]!, commitDate: found[2]! };
}

/**
 * Beta has no CSDL here, only Microsoft's type mappings (property and member names): spec/upstream/beta.json keeps
 * the names of this resource's beta types, for the agreement test to compare with the beta bundle.
 */
function writeBetaSlice(mappings: string[]): void {
  const slice: Record<string, unknown> = {};
  for (const file of mappings) {
    const graph = (JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, unknown>>)["microsoft.graph"] ?? {};
    const kind = /entity/.test(basename(file)) ? "entityTypes" : "enumTypes";
    const picked: Record<string, unknown> = {};
    for (const name of kind === "entityTypes" ? ["remoteAssistancePartner", "remoteAssistanceSettings"] : ["remoteAssistanceOnboardingStatus", "remoteAssistanceState"]) {
      const type = graph[name] as { properties?: string[] } | string[] | undefined;
      if (!type) throw new Error(`${file}: no ${name}`);
      picked[name] = Array.isArray(type) ? [...type].sort() : [...(type.properties ?? [])].sort();
    }
    slice[kind] = picked;
  }
  const { commit, commitDate } = provenance(dirname(mappings[0]!));
  const out = {
    about: "The remoteAssistance slice of Microsoft Graph's beta type mappings (property and member names only). Do not edit by hand: run npm run upstream again.",
    source: mappings.map((file) => `schemas/type-mappings/${basename(file)}`),
    commit,
    commitDate,
    taken,
    ...slice,
  };
  writeFileSync(join(root, "spec/upstream/beta.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${mappings.map((f) => basename(f)).join(", ")} → spec/upstream/beta.json`);
}
