// What a one-call program ships: create a client and send one PATCH, bundled with esbuild (minified, ESM,
// code-split) as an application would. Raw fetch is the baseline; the alternatives are the libraries a user would
// pick instead. Only what loads up front counts; chunks loaded on demand are listed apart.
import { fileURLToPath } from "node:url";
import { measureBundle } from "../scripts/size/measure.ts";

const dist = (file: string) => JSON.stringify(fileURLToPath(new URL(`../dist/${file}`, import.meta.url)));
const ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";

const programs: Record<string, string> = {
  "raw fetch (baseline)": `
await fetch("https://graph.microsoft.com/v1.0/deviceManagement/remoteAssistancePartners/${ID}", {
  method: "PATCH", headers: { Authorization: "Bearer t", "Content-Type": "application/json" }, body: JSON.stringify({ displayName: "x" }) });`,
  "openapi-fetch 0.17 (bare)": `
import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://graph.microsoft.com/v1.0", headers: { Authorization: "Bearer t" } });
await client.PATCH("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: "${ID}" } }, body: { displayName: "x" } });`,
  "@microsoft/microsoft-graph-client": `
import { Client } from "@microsoft/microsoft-graph-client";
const client = Client.init({ authProvider: (done) => done(null, "t") });
await client.api("/deviceManagement/remoteAssistancePartners/${ID}").patch({ displayName: "x" });`,
  "createRemoteAssistanceClient via /client": `
import { createRemoteAssistanceClient } from ${dist("client-only.js")};
const client = createRemoteAssistanceClient({ getAccessToken: () => "t" });
await client.update("${ID}", { displayName: "x" });`,
  "createRemoteAssistanceClient via the root entry": `
import { createRemoteAssistanceClient } from ${dist("index.js")};
const client = createRemoteAssistanceClient({ getAccessToken: () => "t" });
await client.update("${ID}", { displayName: "x" });`,
};

export interface BundleRow {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
  lazyBytes: number;
}

export async function benchBundles(): Promise<BundleRow[]> {
  const rows: BundleRow[] = [];
  for (const [name, program] of Object.entries(programs)) {
    const size = await measureBundle(program);
    rows.push({ name, minifiedBytes: size.minified, gzipBytes: size.gzip, lazyBytes: Object.values(size.lazyChunks).reduce((a, b) => a + b, 0) });
  }
  return rows;
}
