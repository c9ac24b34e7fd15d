// The size budget of the client: a program that creates the client and calls update once, bundled with esbuild
// (minified, ESM, code-split) as an application would. Validation off must not load the validators up front.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measureBundle } from "../../scripts/size/measure.js";
import { root } from "../helpers/spec.js";

/**
 * gzip bytes loaded up front by the one-call program through `remote-assistance-contract/client`. A guard against
 * growth, not the goal: the goal is 5 kB, and openapi-fetch alone (kept for `raw`) is 2.6 kB of it (see the bench).
 * Raised from 7 kB when the client learnt to refuse what it cannot send and to bound what it reads (option and
 * header checks, redirect and size limits, token redaction: 6.5 → 9.7 kB); bringing it down is the ecosystem work's.
 */
export const CLIENT_BUDGET_GZIP = 10_000;

const oneCall = (entry: string, options = "") => `
import { createRemoteAssistanceClient } from ${JSON.stringify(join(root, entry))};
const client = createRemoteAssistanceClient({ getAccessToken: () => "token"${options} });
await client.update("7443c8b9-c8b9-7443-b9c8-4374b9c84374", { displayName: "TeamViewer" });
`;

describe("bundle size", () => {
  it(`the one-call program through /client stays within ${CLIENT_BUDGET_GZIP} B gzip, validators left out`, async () => {
    const size = await measureBundle(oneCall("dist/client-only.js"));
    console.log(`size: one-call via /client: ${size.minified} B minified, ${size.gzip} B gzip up front; lazy: ${JSON.stringify(size.lazyChunks)}`);
    expect(size.gzip).toBeLessThanOrEqual(CLIENT_BUDGET_GZIP);
    expect(Object.keys(size.inputs).filter((f) => /validators|ajv-formats|validation/.test(f))).toEqual([]);
    // With validation off they are still there for whoever turns it on, as a chunk loaded on demand.
    expect(Object.values(size.lazyChunks).some((bytes) => bytes > 20_000)).toBe(true);
  });

  it("through the root entry too (which also exports the validators), they stay out when unused; nothing of beta comes in", async () => {
    const size = await measureBundle(oneCall("dist/index.js"));
    expect(size.gzip).toBeLessThanOrEqual(CLIENT_BUDGET_GZIP);
    expect(Object.keys(size.inputs).filter((f) => /validators|ajv-formats|validation/.test(f))).toEqual([]);
    const everything = await measureBundle(`export * from ${JSON.stringify(join(root, "dist/index.js"))};`);
    expect([...Object.keys(everything.inputs), ...Object.keys(everything.lazyChunks)].filter((f) => /beta/.test(f))).toEqual([]);
  });

  it("validation on: the validators load, on demand", async () => {
    const size = await measureBundle(oneCall("dist/client-only.js", ', validate: "both"'));
    expect(Object.keys(size.inputs).filter((f) => /validators/.test(f))).toEqual([]);
    expect(Object.values(size.lazyChunks).some((bytes) => bytes > 20_000)).toBe(true);
  });
});
