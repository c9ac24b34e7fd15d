// `npm start`: build everything from the spec, start the mock (the fake, as `npm run mock` serves it), and show the client at work against it:
// get a partner, update it with the source document's request, then what a contract-breaking PATCH gets.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { startMock, type MockServer } from "./mock/serve.ts";

const steps: [label: string, script: string][] = [
  ["Lint the spec (Redocly, recommended-strict)", "lint"],
  ["Generate bundle, types and validators", "generate"],
  ["Compile src/ to dist/", "build"],
  ["Build the docs site, English and Japanese", "docs"],
];
for (const [label, script] of steps) {
  console.log(`\n▶ ${label}: npm run ${script}`);
  const run = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`✗ ${label} failed (exit ${run.status ?? run.signal}).`);
    process.exit(1);
  }
}

// The build, not the sources: this is what a consumer gets.
const contract: typeof import("../src/entries/index.ts") = await import(new URL("../dist/entries/index.js", import.meta.url).href);
const { createRemoteAssistanceClient, ContractViolationError, GraphError } = contract;

const id = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";
// The source document's request, as the spec keeps it.
const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const seedRequest = spec.paths["/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"].patch.requestBody.content["application/json"].examples
  .graphReferenceRequest.value as import("../src/entries/index.ts").RemoteAssistancePartnerUpdate;
const show = (value: unknown) => console.log(value === undefined ? "    undefined" : JSON.stringify(value, null, 2).replace(/^/gm, "    "));

let mock: MockServer | undefined;
let exitCode = 0;
try {
  console.log("\n▶ Start the mock: the fake of the service, as npm run mock serves it");
  mock = await startMock();
  console.log(`  listening at ${mock.baseUrl} (pid ${mock.pid})`);

  const client = createRemoteAssistanceClient({ baseUrl: mock.baseUrl, getAccessToken: () => "demo-token", validate: "response" });

  console.log(`\n▶ client.get("${id}")`);
  show(await client.get(id));

  console.log("\n▶ client.update(id, <the source document's request>)  → 204, as Intune answers: undefined");
  show(await client.update(id, seedRequest));

  console.log('\n▶ client.update(id, { displayName }) with Prefer: return=representation  → 200 with the updated partner');
  show(await client.update(id, { displayName: "TeamViewer (Europe)" }, { headers: { Prefer: "return=representation" } }));

  const breaking = { displayName: "x", onboardingStatus: "Onboarded", displayNam: "typo" };
  console.log(`\n▶ A contract-breaking PATCH: ${JSON.stringify(breaking)}`);
  const strict = createRemoteAssistanceClient({ baseUrl: mock.baseUrl, getAccessToken: () => "demo-token", validate: "request" });
  try {
    await strict.update(id, breaking as never);
    throw new Error("the client should have refused this body");
  } catch (error) {
    if (!(error instanceof ContractViolationError)) throw error;
    console.log("  the client (validate: \"request\") refuses it before sending:");
    for (const e of error.errors) console.log(`    ${e.path}: ${e.message}`);
  }
  const { response, error: refusal } = await client.raw.PATCH("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", {
    params: { path: { remoteAssistancePartnerId: id } },
    body: breaking as never,
  });
  console.log(`  sent anyway (raw client), the mock answers ${response.status}, naming each property in error.details:`);
  // raw returns an HTTP error as `error`, already read and parsed.
  for (const detail of (refusal as { error: { details?: { message: string }[] } }).error.details ?? []) console.log(`    ${detail.message}`);

  console.log("\n▶ An error from the service (an id it does not know): the client throws GraphError");
  try {
    await client.get("no-such-partner");
    throw new Error("expected a 404");
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    show({ name: error.name, status: error.status, code: error.code, message: error.message, requestId: error.requestId, date: error.date });
  }
  await lifecycle();
  console.log("\n✓ Done: the client, the types and the mocks agree with the contract.");
} catch (error) {
  exitCode = 1;
  console.error("\n✗ The demo failed:", error);
} finally {
  await mock?.stop();
  console.log(mock ? "  mock stopped." : "");
}
process.exit(exitCode);

/** The whole life of a partner against the stateful fake (npm run mock -- --stateful serves the same). */
async function lifecycle() {
  const testing: typeof import("../src/testing.ts") = await import(new URL("../dist/entries/testing.js", import.meta.url).href);
  console.log("\n▶ Start the stateful fake (remote-assistance-contract/testing): it remembers what it is sent");
  const fake = testing.createRemoteAssistanceFake();
  const server = await fake.listen({ port: 0 });
  console.log(`  listening at ${server.url}`);
  try {
    // A credential as @azure/identity's look (getToken → { token, expiresOnTimestamp }): the client caches its token.
    let tokensIssued = 0;
    const credential = { getToken: async () => ({ token: `demo-token-${++tokensIssued}`, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const calls: { operationId: string; status: number; attempts: number; durationMs: number; requestId?: string | undefined }[] = [];
    const client = createRemoteAssistanceClient({ baseUrl: server.url, credential, validate: "both", onCallEnd: (call) => void calls.push(call) });
    const created = await client.create({ displayName: "Contoso Remote Help" });
    console.log(`\n▶ create → 201: ${created.id} "${created.displayName}", ${created.onboardingStatus}`);
    await client.update(created.id!, { onboardingUrl: "https://contoso.example/onboarding/" });
    console.log(`▶ update → 204; get shows it: onboardingUrl ${(await client.get(created.id!)).onboardingUrl}`);
    const names: string[] = [];
    for await (const partner of client.listAll({ $top: 1, $orderby: ["displayName"] })) names.push(partner.displayName ?? "(none)");
    console.log(`▶ listAll, one partner a page: ${names.join(", ")}`);
    await client.beginOnboarding(created.id!);
    console.log(`▶ beginOnboarding → 204; count of onboarding partners: ${await client.count({ $filter: "onboardingStatus eq 'onboarding'" })}`);
    await client.disconnect(created.id!);
    console.log(`▶ disconnect → 204; status now ${(await client.get(created.id!)).onboardingStatus}`);
    await client.delete(created.id!);
    const gone = await client.get(created.id!).catch((error: unknown) => error as InstanceType<typeof GraphError>);
    console.log(`▶ delete → 204; get now → ${gone instanceof GraphError ? `${gone.status} ${gone.code}` : "still there?"}`);
    console.log(`  the fake saw ${fake.requests.length} requests: ${fake.requests.map((r) => `${r.method} ${r.status}`).join(", ")}`);
    console.log(`▶ the credential was asked for a token ${tokensIssued} time(s) for ${calls.length} calls (the client caches it)`);
    const last = calls.at(-1)!;
    console.log(`▶ onCallEnd, last call: ${last.operationId} ${last.status}, ${last.attempts} attempt(s), ${last.durationMs.toFixed(1)} ms, request-id ${last.requestId}`);
  } finally {
    await server.close();
  }
}
