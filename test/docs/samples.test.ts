// Every request sample on the docs site, run: HTTP (sent as written with fetch), TypeScript (this package's client,
// imported as a reader would) and curl, each against a fresh fake of the service on 127.0.0.1. Only the origin
// changes: https://graph.microsoft.com/v1.0 becomes the fake's URL. A sample that breaks fails here.
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { codeSamples, GRAPH, PARTNER_ID, SAMPLES } from "../../scripts/docs/samples.js";
import { createRemoteAssistanceFake, type FakeServer } from "../../src/entries/testing.js";
import { root } from "../helpers/spec.js";

const run = promisify(execFile);
const TOKEN = "sample-token";
const WORK = join(root, "test-results/samples");
const partner = { "@odata.type": "#microsoft.graph.remoteAssistancePartner", id: PARTNER_ID, displayName: "Display Name value", onboardingUrl: "https://example.com/onboardingUrl/", onboardingStatus: "notOnboarded" as const, lastConnectionDateTime: "2016-12-31T23:58:36.6670033-08:00" };

/** What each operation leaves behind in the fake, whichever sample ran it. */
const effects: Record<string, (partners: { id?: string; displayName?: string | null; onboardingStatus?: string }[]) => void> = {
  createRemoteAssistancePartner: (all) => expect(all.map((p) => p.displayName)).toContain("TeamViewer"),
  updateRemoteAssistancePartner: (all) => expect(all.find((p) => p.id === PARTNER_ID)?.displayName).toBe("TeamViewer (Europe)"),
  deleteRemoteAssistancePartner: (all) => expect(all.map((p) => p.id)).not.toContain(PARTNER_ID),
  beginRemoteAssistancePartnerOnboarding: (all) => expect(all.find((p) => p.id === PARTNER_ID)?.onboardingStatus).toBe("onboarding"),
};

describe.each(Object.keys(SAMPLES))("%s: the docs' samples run against the fake", (operationId) => {
  let fake: ReturnType<typeof createRemoteAssistanceFake>;
  let server: FakeServer;
  const [http, typescript, curl] = codeSamples(operationId).map((s) => s.source.replaceAll(GRAPH, "@@BASE@@")) as [string, string, string];
  beforeEach(async () => {
    fake = createRemoteAssistanceFake({ partners: [structuredClone(partner)] });
    server = await fake.listen();
  });
  afterEach(() => server.close());
  const check = () => effects[operationId]?.(fake.partners());

  it("HTTP", async () => {
    const [head, ...rest] = http.replaceAll("@@BASE@@", server.url).replace("{token}", TOKEN).split("\n\n");
    const [requestLine, ...headerLines] = head!.split("\n");
    const [method, url] = requestLine!.split(" ") as [string, string];
    const headers = Object.fromEntries(headerLines.map((line) => line.split(": ") as [string, string]));
    const response = await fetch(url, { method, headers, body: rest.length ? rest.join("\n\n") : undefined });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    check();
  });

  it("TypeScript, with this package's client", async () => {
    mkdirSync(WORK, { recursive: true });
    const file = join(WORK, `${operationId}.ts`);
    writeFileSync(file, typescript.replaceAll("@@BASE@@", server.url).replace('from "remote-assistance-contract"', `from ${JSON.stringify(join(root, "src/entries/index.ts"))}`));
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    vi.stubEnv("TOKEN", TOKEN);
    try {
      await import(/* @vite-ignore */ `${file}?t=${Date.now()}`);
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    check();
  });

  it("curl", async () => {
    const { stdout } = await run("sh", ["-c", curl.replaceAll("@@BASE@@", server.url)], { env: { ...process.env, TOKEN } });
    if (operationId.startsWith("list") || operationId.startsWith("get")) expect(JSON.parse(stdout)).toBeTypeOf("object");
    check();
  });
});
