// `npm start`: build everything from the spec, then show the contract at work on the source document's examples.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const steps: [label: string, script: string][] = [
  ["Lint the spec (Redocly, recommended-strict)", "lint"],
  ["Generate bundle, types and validators", "generate"],
  ["Compile src/ to dist/", "build"],
];

for (const [label, script] of steps) {
  console.log(`\n▶ ${label}: npm run ${script}`);
  const run = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`✗ ${label} failed (exit ${run.status ?? run.signal}).`);
    process.exit(1);
  }
}

// Import the build, not the sources: this is what a consumer gets.
const contract = await import(new URL("../dist/index.js", import.meta.url).href);
const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const patch = spec.paths["/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"].patch;
const request = patch.requestBody.content["application/json"].examples.graphReferenceRequest.value;
const response = patch.responses["200"].content["application/json"].examples.graphReferenceResponse.value;

const show = (label: string, result: { valid: boolean; errors?: { path: string; message: string }[] }) => {
  console.log(`  ${result.valid ? "✓ valid  " : "✗ refused"} ${label}`);
  for (const e of result.errors ?? []) console.log(`      ${e.path || "(body)"}: ${e.message}`);
};

console.log(`\n▶ ${spec.info.title}, contract ${spec.info.version}: the source document's examples`);
show("PATCH request body (seed)", contract.validateRemoteAssistancePartnerUpdate(request));
show("200 response body (seed)", contract.validateRemoteAssistancePartner(response));
console.log("\n▶ What a bad PATCH body gets, before anything is sent");
show(
  'PATCH { id, displayNam, onboardingStatus: "Onboarded" }',
  contract.validateRemoteAssistancePartnerUpdate({ id: response.id, displayNam: "typo", onboardingStatus: "Onboarded" }),
);
console.log("\nDone.");
