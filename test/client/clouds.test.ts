// `cloud`: each of Microsoft's Graph deployments, its endpoint and its token scope, with the contract's version. No
// request leaves the machine: `fetch` is the test's own and records where the client sent what.
import { describe, expect, it } from "vitest";
import { CLOUDS, createRemoteAssistanceClient, type Cloud, type TokenCredential } from "../../src/entries/index.js";
import { createRemoteAssistanceClient as createBetaClient } from "../../src/entries/beta.js";
import { seedPartner } from "../fixtures/seed-examples.js";

const id = seedPartner.id;

function recording() {
  const sent: { url: string; authorization: string | null }[] = [];
  const scopes: (string | string[])[] = [];
  const credential: TokenCredential = {
    getToken: async (scope) => {
      scopes.push(scope);
      return { token: "cloud-token", expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  const fetch = async (input: string | Request, init?: RequestInit) => {
    sent.push({ url: String(input), authorization: new Headers(init?.headers).get("authorization") });
    return new Response(null, { status: 204 });
  };
  return { sent, scopes, credential, fetch };
}

// Microsoft's national cloud reference (learn.microsoft.com/graph/deployments), "Microsoft Graph and Graph Explorer
// service root endpoints".
const EXPECTED: Record<Cloud, string> = {
  global: "https://graph.microsoft.com",
  usGov: "https://graph.microsoft.us",
  usGovDoD: "https://dod-graph.microsoft.us",
  china: "https://microsoftgraph.chinacloudapi.cn",
};

describe("cloud", () => {
  it("names the four deployments and nothing else", () => {
    expect(CLOUDS).toEqual(EXPECTED);
  });

  it.each(Object.entries(EXPECTED))("%s: v1.0 calls go to %s/v1.0, with the token asked for %s/.default", async (cloud, origin) => {
    const { sent, scopes, credential, fetch } = recording();
    const client = createRemoteAssistanceClient({ cloud: cloud as Cloud, credential, fetch });
    await client.update(id, { displayName: "x" });
    expect(sent).toEqual([{ url: `${origin}/v1.0/deviceManagement/remoteAssistancePartners/${id}`, authorization: "Bearer cloud-token" }]);
    expect(scopes).toEqual([[`${origin}/.default`]]);
  });

  it("usGov with the beta contract: the US Government endpoint's beta", async () => {
    const { sent, scopes, credential, fetch } = recording();
    const client = createBetaClient({ cloud: "usGov", credential, fetch });
    await client.updateSettings({ remoteAssistanceState: "disabled" });
    expect(sent.map((s) => s.url)).toEqual(["https://graph.microsoft.us/beta/deviceManagement/remoteAssistanceSettings"]);
    expect(scopes).toEqual([["https://graph.microsoft.us/.default"]]);
  });

  it("no cloud and no baseUrl: the global service", async () => {
    const { sent, credential, fetch } = recording();
    await createRemoteAssistanceClient({ credential, fetch }).delete(id);
    expect(sent[0]!.url).toBe(`https://graph.microsoft.com/v1.0/deviceManagement/remoteAssistancePartners/${id}`);
  });

  it("the token goes to the cloud's own origin only: a next link to the global service is refused", async () => {
    const { sent, credential } = recording();
    const fetch = async (input: string | Request) => {
      sent.push({ url: String(input), authorization: null });
      return Response.json({ value: [], "@odata.nextLink": "https://graph.microsoft.com/v1.0/deviceManagement/remoteAssistancePartners?$skiptoken=x" });
    };
    const client = createRemoteAssistanceClient({ cloud: "china", credential, fetch });
    const pages = client.listAll();
    await expect(pages.next()).rejects.toThrow(/must stay on https:\/\/microsoftgraph.chinacloudapi.cn/);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ["cloud with baseUrl", { cloud: "usGov", baseUrl: "https://graph.microsoft.us/v1.0" }, /cloud and baseUrl cannot both be given/],
    ["an unknown cloud", { cloud: "germany" }, /cloud must be one of global, usGov, usGovDoD, china, got "germany"/],
    ["a cloud from Object.prototype", { cloud: "toString" }, /cloud must be one of/],
  ])("%s: TypeError at creation", (_name, options, message) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", ...(options as object) })).toThrow(message);
  });
});
