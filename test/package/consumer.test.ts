// The package as another team gets it: packed to a tarball, installed into a fresh project (from the npm cache, with
import { createRequire } from "node:module";
// no network), type-checked under strict NodeNext, and run. Plus the registry linters: publint and
// arethetypeswrong, both on the packed tarball.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers/spec.js";

const require = createRequire(import.meta.url);
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } }).toString("utf8");

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
import { createRemoteAssistanceClient as createLightClient } from "remote-assistance-contract/client";
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
server.close();

console.log(JSON.stringify({
  contractVersion,
  specVersion: spec.info.version,
  patchValid: validateRemoteAssistancePartnerUpdate(patch).valid,
  withIdValid: validateRemoteAssistancePartnerUpdate(withId).valid,
  updatedName: updated?.displayName,
  sameClient: createLightClient === createRemoteAssistanceClient,
  graphError: new GraphError({ status: 404, code: "ResourceNotFound", message: "m" }).name,
}));
`;

describe("the packed package, installed by a consumer", () => {
  let work: string;
  let tarball: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "ra-consumer-"));
    const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], root)) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
    tarball = join(work, packed!.filename);
    console.log(`package: ${packed!.filename}, ${(packed!.size / 1024).toFixed(1)} kB packed, ${(packed!.unpackedSize / 1024).toFixed(1)} kB unpacked, ${packed!.files.length} files`);
    const app = join(work, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, resolveJsonModule: true, outDir: "out", types: ["node"], skipLibCheck: false }, include: ["consumer.ts"] }),
    );
    writeFileSync(join(app, "consumer.ts"), CONSUMER);
    // --offline: from the npm cache that `npm ci` filled; a test never reaches the network.
    const typescript = `typescript@${require(join(root, "node_modules/typescript/package.json")).version}`;
    const types = `@types/node@${require(join(root, "node_modules/@types/node/package.json")).version}`;
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball, typescript, types], app);
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("type-checks a consumer file under strict NodeNext, our .d.ts files included (no skipLibCheck)", () => {
    const app = join(work, "app");
    expect(() => run(join(app, "node_modules/.bin/tsc"), ["-p", "."], app)).not.toThrow();
  });

  it("runs: the client, validators, contract version and bundled spec all work from the tarball", () => {
    const app = join(work, "app");
    const output = JSON.parse(run(process.execPath, ["out/consumer.js"], app));
    expect(output).toEqual({
      contractVersion: "1.0.0",
      specVersion: "1.0.0",
      patchValid: true,
      withIdValid: false,
      updatedName: "TeamViewer",
      sameClient: true,
      graphError: "GraphError",
    });
  });

  it("passes publint --strict", () => {
    expect(run(join(root, "node_modules/.bin/publint"), ["--strict"], root)).toMatch(/All good!/);
  });

  it("passes arethetypeswrong (esm-only profile) on the tarball", () => {
    const out = run(join(root, "node_modules/.bin/attw"), [tarball, "--profile", "esm-only", "--format", "table-flipped"], root);
    expect(out).not.toMatch(/❌|💀 Resolution failed.*node16 \(from ESM\)/);
  });
});
