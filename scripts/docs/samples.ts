// The request samples of every operation: HTTP, TypeScript with this package's client, and curl. They are data:
// scripts/docs.ts puts them into each page as `x-codeSamples`, and test/docs/samples.test.ts runs every one of them
// against the package's fake (createRemoteAssistanceFake().listen()), so a sample that stops working fails CI.
// Every sample talks to GRAPH below; the test swaps that origin for the fake's and nothing else.

export const GRAPH = "https://graph.microsoft.com/v1.0";
export const PARTNER_ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";

export interface RequestSample {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path and query after GRAPH, as sent. */
  target: string;
  /** The Accept header Microsoft's page lists, if any. */
  accept?: string;
  body?: Record<string, unknown>;
  /** The TypeScript sample's statements after the client is made. */
  typescript: string;
}

const item = `/deviceManagement/remoteAssistancePartners/${PARTNER_ID}`;

export const SAMPLES: Record<string, RequestSample> = {
  listRemoteAssistancePartners: {
    method: "GET",
    target: "/deviceManagement/remoteAssistancePartners?$top=10",
    accept: "application/json",
    typescript: `// listAll follows @odata.nextLink page after page.
for await (const partner of client.listAll({ $top: 10 })) {
  console.log(partner.id, partner.displayName, partner.onboardingStatus);
}`,
  },
  createRemoteAssistancePartner: {
    method: "POST",
    target: "/deviceManagement/remoteAssistancePartners",
    accept: "application/json",
    body: { displayName: "TeamViewer", onboardingUrl: "https://example.com/onboardingUrl/" },
    typescript: `const created = await client.create({
  displayName: "TeamViewer",
  onboardingUrl: "https://example.com/onboardingUrl/",
});
console.log(created.id, created.onboardingStatus);`,
  },
  countRemoteAssistancePartners: {
    method: "GET",
    target: "/deviceManagement/remoteAssistancePartners/$count",
    typescript: `const count = await client.count();
console.log(count);`,
  },
  getRemoteAssistancePartner: {
    method: "GET",
    target: item,
    accept: "application/json",
    typescript: `const partner = await client.get("${PARTNER_ID}");
console.log(partner.displayName, partner.onboardingStatus, partner.lastConnectionDateTime);`,
  },
  updateRemoteAssistancePartner: {
    method: "PATCH",
    target: item,
    accept: "application/json",
    body: { displayName: "TeamViewer (Europe)" },
    typescript: `// Resolves to the partner on 200 OK, to undefined on 204 No Content: both are success.
const updated = await client.update("${PARTNER_ID}", { displayName: "TeamViewer (Europe)" });
console.log(updated?.displayName ?? "updated (204 No Content)");`,
  },
  deleteRemoteAssistancePartner: {
    method: "DELETE",
    target: item,
    accept: "application/json",
    typescript: `await client.delete("${PARTNER_ID}");
console.log("deleted");`,
  },
  beginRemoteAssistancePartnerOnboarding: {
    method: "POST",
    target: `${item}/beginOnboarding`,
    accept: "application/json",
    typescript: `await client.beginOnboarding("${PARTNER_ID}");
console.log("onboarding has begun");`,
  },
  disconnectRemoteAssistancePartner: {
    method: "POST",
    target: `${item}/disconnect`,
    accept: "application/json",
    typescript: `await client.disconnect("${PARTNER_ID}");
console.log("disconnected");`,
  },
};

export function httpSample(sample: RequestSample): string {
  const lines = [`${sample.method} ${GRAPH}${sample.target}`, "Authorization: Bearer {token}"];
  if (sample.accept) lines.push(`Accept: ${sample.accept}`);
  if (sample.body) lines.push("Content-Type: application/json", "", JSON.stringify(sample.body, null, 2));
  return lines.join("\n");
}

export function typescriptSample(sample: RequestSample): string {
  return `import { createRemoteAssistanceClient } from "remote-assistance-contract";

const client = createRemoteAssistanceClient({
  baseUrl: "${GRAPH}",
  getAccessToken: async () => process.env.TOKEN!,
});

${sample.typescript}
`;
}

/** POSIX shell: the URL in single quotes so that `$top` and `$count` reach Graph as they are. */
export function curlSample(sample: RequestSample): string {
  const lines = [`curl --fail-with-body -X ${sample.method} '${GRAPH}${sample.target}'`, `  -H "Authorization: Bearer $TOKEN"`];
  if (sample.accept) lines.push(`  -H "Accept: ${sample.accept}"`);
  if (sample.body) lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(sample.body)}'`);
  return lines.join(" \\\n");
}

/** Redoc's `x-codeSamples` for one operation. */
export function codeSamples(operationId: string): { lang: string; label: string; source: string }[] {
  const sample = SAMPLES[operationId];
  if (!sample) throw new Error(`no request samples for ${operationId}: add them to scripts/docs/samples.ts`);
  return [
    { lang: "http", label: "HTTP", source: httpSample(sample) },
    { lang: "TypeScript", label: "TypeScript", source: typescriptSample(sample) },
    { lang: "Shell", label: "curl", source: curlSample(sample) },
  ];
}
