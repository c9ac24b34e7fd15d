// Per-call cost of one PATCH, side by side in one process against the same loopback server: raw fetch (the
// baseline), bare openapi-fetch, @microsoft/microsoft-graph-client, and createRemoteAssistanceClient with auth and
// retry on. Sequential calls after a warm-up, the candidates taking turns in blocks (lib/interleave.ts); per-call
// medians over 3 repeats, with their spread.
import { Client } from "@microsoft/microsoft-graph-client";
import createClient from "openapi-fetch";
import { createRemoteAssistanceClient, type paths } from "../src/entries/index.ts";
import { seedUpdate } from "../test/fixtures/seed-examples.ts";
import { startBenchServer } from "./lib/server.ts";
import { interleave } from "./lib/interleave.ts";
import { median, spreadPct } from "./lib/stats.ts";

const ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";
const PATH = `/deviceManagement/remoteAssistancePartners/${ID}`;
const BODY = seedUpdate;
const TOKEN = "bench-token";

export interface CallsResult {
  calls: number;
  repeats: number;
  rows: { name: string; medianMicros: number; spreadPct: number; ratioToFetch: number }[];
}

export async function benchCalls({ calls = 2_000, warmup = 300, repeats = 3 } = {}): Promise<CallsResult> {
  const server = await startBenchServer();
  const baseUrl = `${server.origin}/v1.0`;
  try {
    const bare = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${TOKEN}` } });
    const graph = Client.init({
      authProvider: (done) => done(null, TOKEN),
      baseUrl: `${server.origin}/`,
      defaultVersion: "v1.0",
      customHosts: new Set([new URL(server.origin).host]),
    });
    const ours = createRemoteAssistanceClient({ baseUrl, getAccessToken: () => TOKEN });

    const candidates: Record<string, () => Promise<unknown>> = {
      "raw fetch (baseline)": async () => {
        const response = await fetch(`${baseUrl}${PATH}`, {
          method: "PATCH",
          headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
          body: JSON.stringify(BODY),
        });
        return response.json();
      },
      "openapi-fetch 0.17 (bare)": () =>
        bare.PATCH("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: ID } }, body: BODY }),
      "@microsoft/microsoft-graph-client": () => graph.api(PATH).patch(BODY),
      "createRemoteAssistanceClient (auth + retry)": () => ours.update(ID, BODY),
    };
    const names = Object.keys(candidates);
    const perCall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < repeats; round++) {
      const medians = await interleave(candidates, { calls, warmup: round === 0 ? warmup : 50 });
      for (const name of names) perCall[name]!.push(medians[name]!);
    }
    const baseline = median(perCall[names[0]!]!);
    return {
      calls,
      repeats,
      rows: names.map((name) => ({
        name,
        medianMicros: +median(perCall[name]!).toFixed(1),
        spreadPct: +spreadPct(perCall[name]!).toFixed(1),
        ratioToFetch: +(median(perCall[name]!) / baseline).toFixed(2),
      })),
    };
  } finally {
    server.stop();
  }
}
