// What a one-call program ships: create a client and send one PATCH, bundled with esbuild (minified, ESM) as an
// application would: code-split (only what loads up front counts; chunks loaded on demand are listed apart), and as
// one file without splitting (everything, a dynamic import inlined). Raw fetch is the baseline; the alternatives are
// the libraries a user would pick instead.
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
import { createRemoteAssistanceClient } from ${dist("entries/client.js")};
const client = createRemoteAssistanceClient({ getAccessToken: () => "t" });
await client.update("${ID}", { displayName: "x" });`,
  "… via /client, with a credential (token cache)": `
import { createRemoteAssistanceClient } from ${dist("entries/client.js")};
const client = createRemoteAssistanceClient({ credential: { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3.6e6 }) } });
await client.update("${ID}", { displayName: "x" });`,
  "… via /client, with validators and OpenTelemetry": `
import { createRemoteAssistanceClient } from ${dist("entries/client.js")};
import * as validators from ${dist("entries/validators.js")};
import { openTelemetry } from ${dist("entries/client.js")};
const client = createRemoteAssistanceClient({ getAccessToken: () => "t", validate: "both", validators, tracing: openTelemetry });
await client.update("${ID}", { displayName: "x" });`,
  "createRemoteAssistanceClient via the root entry": `
import { createRemoteAssistanceClient } from ${dist("entries/index.js")};
const client = createRemoteAssistanceClient({ getAccessToken: () => "t" });
await client.update("${ID}", { displayName: "x" });`,
};

export interface BundleRow {
  name: string;
  /** Code-split: minified and gzip bytes loaded up front, and minified bytes of the chunks loaded on demand. */
  minifiedBytes: number;
  gzipBytes: number;
  lazyBytes: number;
  /** One file, no splitting: gzip bytes of all of it. */
  oneFileGzipBytes: number;
}

export async function benchBundles(): Promise<BundleRow[]> {
  const rows: BundleRow[] = [];
  for (const [name, program] of Object.entries(programs)) {
    const size = await measureBundle(program);
    const oneFile = await measureBundle(program, { splitting: false });
    rows.push({
      name,
      minifiedBytes: size.minified,
      gzipBytes: size.gzip,
      lazyBytes: Object.values(size.lazyChunks).reduce((a, b) => a + b, 0),
      oneFileGzipBytes: oneFile.gzip,
    });
  }
  return rows;
}
