// The package as another team gets it: packed from a fresh copy of the clone (no dist/ built before: the prepack
// script must build it), installed into a new project with an empty npm cache and no registry, type-checked under
// strict NodeNext, and run. Plus the registry linters: publint and arethetypeswrong.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkingTree, namedFiles, pack, packInstalled, run } from "../helpers/pack.js";
import { root } from "../helpers/spec.js";

const CONSUMER = `
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  contractVersion,
  createRemoteAssistanceClient,
  GraphError,
  validateRemoteAssistancePartnerUpdate,
  type RemoteAssistancePartner,
  type RemoteAssistancePartnerUpdate,
} from "remote-assistance-contract";
import { createRemoteAssistanceClient as createLightClient, openTelemetry } from "remote-assistance-contract/client";
import * as validators from "remote-assistance-contract/validators";
import spec from "remote-assistance-contract/openapi.json" with { type: "json" };

const patch: RemoteAssistancePartnerUpdate = { displayName: "TeamViewer", onboardingStatus: "onboarding" };
// @ts-expect-error id is read-only, even for a consumer under strict NodeNext
const withId: RemoteAssistancePartnerUpdate = { id: "x" };

const server = createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: "p1", displayName: "TeamViewer", onboardingStatus: "onboarding" }));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = \`http://127.0.0.1:\${(server.address() as AddressInfo).port}\`;
const client = createRemoteAssistanceClient({ baseUrl, getAccessToken: () => "token", validate: "both" });
const updated: RemoteAssistancePartner | undefined = await client.update("p1", patch);
// The /client entry's client, given the validators and the OpenTelemetry adapter through their own entries.
const light = createLightClient({ baseUrl, getAccessToken: () => "token", validate: "request", validators, tracing: openTelemetry });
const lightRefused = await light.update("p1", { onboardingStatus: "on" } as never).then(() => "sent", (error: Error) => error.name);
server.close();

console.log(JSON.stringify({
  contractVersion,
  specVersion: spec.info.version,
  patchValid: validateRemoteAssistancePartnerUpdate(patch).valid,
  withIdValid: validateRemoteAssistancePartnerUpdate(withId).valid,
  updatedName: updated?.displayName,
  lightRefused,
  rootHasRaw: typeof client.raw.GET,
  lightHasRaw: "raw" in light,
  graphError: new GraphError({ status: 404, code: "ResourceNotFound", message: "m" }).name,
}));
`;

// The beta entry, as a consumer uses it: against the stateful fake over HTTP, which needs neither msw nor
// openapi-msw (this consumer has neither installed); `.handlers` says plainly that it needs msw.
const BETA_CONSUMER = `
import { createRemoteAssistanceClient, validateRemoteAssistanceSettingsUpdate, type RemoteAssistanceSettingsUpdate } from "remote-assistance-contract/beta";
import { createRemoteAssistanceFake } from "remote-assistance-contract/testing";

// @ts-expect-error "on" is not a remoteAssistanceState, even for a consumer under strict NodeNext
const bad: RemoteAssistanceSettingsUpdate = { remoteAssistanceState: "on" };

const fake = createRemoteAssistanceFake({ version: "beta" });
const handlersWithoutMsw = (() => {
  try {
    return String(fake.handlers.length);
  } catch (error) {
    return (error as Error).message;
  }
})();
const server = await fake.listen();
const client = createRemoteAssistanceClient({ baseUrl: server.url, getAccessToken: () => "token", validate: "both" });
const before = await client.getSettings();
await client.updateSettings({ remoteAssistanceState: "enabled" });
const after = await client.getSettings();
await client.update("7443c8b9-c8b9-7443-b9c8-4374b9c84374", { onboardingRequestExpiryDateTime: "2026-12-01T08:00:00Z" });
const partner = await client.get("7443c8b9-c8b9-7443-b9c8-4374b9c84374");
await server.close();
console.log(JSON.stringify({
  before: before.remoteAssistanceState,
  after: after.remoteAssistanceState,
  expiry: partner.onboardingRequestExpiryDateTime,
  onRefused: !validateRemoteAssistanceSettingsUpdate(bad).valid,
  handlersWithoutMsw,
  logged: fake.requests.map((r) => \`\${r.method} \${r.status}\`).join(","),
}));
`;

describe("the packed package, installed by a consumer", () => {
  let work: string;
  let fresh: string;
  let app: string;
  let packed: { tarball: string; files: string[] };
  let hadDistBeforePacking: boolean;
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string>; exports: unknown };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "ra-consumer-"));
    fresh = join(work, "clone");
    copyWorkingTree(root, fresh);
    hadDistBeforePacking = existsSync(join(fresh, "dist"));
    packed = pack(fresh, join(work, "packed"));
    console.log(`package: ${packed.files.length} files in ${packed.tarball.split("/").at(-1)}`);

    app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, resolveJsonModule: true, outDir: "out", types: ["node"], skipLibCheck: false }, include: ["consumer.ts", "beta-consumer.ts"] }),
    );
    writeFileSync(join(app, "consumer.ts"), CONSUMER);
    writeFileSync(join(app, "beta-consumer.ts"), BETA_CONSUMER);
    // The package's own dependencies, and the consumer's compiler, as tarballs of what `npm ci` installed here.
    const dependencies = packInstalled(root, [...Object.keys(manifest.dependencies ?? {}), "typescript", "@types/node"], join(work, "deps"));
    run("npm", ["install", "--offline", "--ignore-scripts", packed.tarball, ...dependencies], app, { npm_config_cache: join(work, "empty-npm-cache") });
    // ./testing's optional peer msw is left out on purpose: the fake over HTTP must work without it.
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("is packed from a clone with no earlier build: prepack builds what exports name", () => {
    expect(hadDistBeforePacking).toBe(false);
    const named = namedFiles(manifest as Parameters<typeof namedFiles>[0]);
    expect(named.length).toBeGreaterThan(8);
    expect(named.filter((file) => !packed.files.includes(file))).toEqual([]);
  });

  it("ships the declarations and source maps beside each entry, and no test or script", () => {
    // Every entry package.json exports (the layout is scripts/build.ts's to choose).
    const entries = namedFiles(manifest as Parameters<typeof namedFiles>[0]).filter((file) => file.startsWith("dist/") && file.endsWith(".js"));
    expect(entries.map((file) => file.replace(/^dist\/(entries\/)?|\.js$/g, ""))).toEqual(expect.arrayContaining(["index", "testing"]));
    for (const entry of entries) {
      expect(packed.files).toContain(entry.replace(/\.js$/, ".d.ts"));
      expect(packed.files).toContain(`${entry}.map`);
    }
    expect(packed.files.filter((file) => /^(test|scripts|bench|spec)\//.test(file))).toEqual([]);
  });

  it("type-checks a consumer file under strict NodeNext, our .d.ts files included (no skipLibCheck)", () => {
    expect(() => run(process.execPath, [join(app, "node_modules/typescript/bin/tsc"), "-p", "."], app)).not.toThrow();
  });

  it("runs: the client, validators, contract version and bundled spec all work from the tarball", () => {
    const output = JSON.parse(run(process.execPath, ["out/consumer.js"], app));
    expect(output).toEqual({
      contractVersion: "1.0.0",
      specVersion: "1.0.0",
      patchValid: true,
      withIdValid: false,
      updatedName: "TeamViewer",
      lightRefused: "ContractViolationError",
      rootHasRaw: "function",
      lightHasRaw: false,
      graphError: "GraphError",
    });
  });

  it("runs the beta entry against the fake over HTTP with neither msw nor openapi-msw installed; .handlers names what it needs", () => {
    expect(existsSync(join(app, "node_modules", "msw"))).toBe(false);
    expect(existsSync(join(app, "node_modules", "openapi-msw"))).toBe(false);
    const output = JSON.parse(run(process.execPath, ["out/beta-consumer.js"], app));
    expect(output).toEqual({
      before: "disabled",
      after: "enabled",
      expiry: "2026-12-01T08:00:00Z",
      onRefused: true,
      handlersWithoutMsw: "fake.handlers needs msw (npm i -D msw); the fake's HTTP server, fake.listen(), does not.",
      logged: "GET 200,PATCH 204,GET 200,PATCH 204,GET 200",
    });
  });

  it("passes publint --strict", () => {
    expect(run(join(root, "node_modules/.bin/publint"), ["--strict", fresh], root)).toMatch(/All good!/);
  });

  it("passes arethetypeswrong (esm-only profile) on the tarball", () => {
    const out = run(join(root, "node_modules/.bin/attw"), [packed.tarball, "--profile", "esm-only", "--format", "table-flipped"], root);
    expect(out).not.toMatch(/❌|💀 Resolution failed.*node16 \(from ESM\)/);
  });
});
