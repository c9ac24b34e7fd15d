// One behaviour model: the same table of requests, sent in order to every stand-in the package ships (the fake over
// msw, the fake over HTTP, and `npm run mock`), gets the same answers. Answers are compared after what must differ is
// made alike (request ids, dates, the origin in links, ids the fake makes up). Each stand-in starts from the same
// options: one partner a page, a 2 KiB body cap, and writes throttled at 9 per app (the window is an hour, so
// throttling never depends on the wall clock).
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceFake, type FakeOptions, type FakeServer } from "../../src/testing.js";
import { startNpmMock, type RunningMock } from "./support.js";

const OPTIONS: FakeOptions = { pageSize: 1, maxRequestBodyBytes: 2048, throttle: { writesPerApp: 9, windowMs: 3_600_000 } };
const SEEDS = ["7443c8b9-c8b9-7443-b9c8-4374b9c84374", "2b0c8f9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f"];
const C = "/deviceManagement/remoteAssistancePartners";
const P = `${C}/${SEEDS[0]}`;
const json = { "content-type": "application/json" };

type Row = [label: string, method: string, path: string, init?: { body?: string; headers?: Record<string, string> }];
/** In order: state carries from one row to the next (a PATCH shows in the GET after it; the 10th write is throttled). */
const TABLE: Row[] = [
  ["list, first page", "GET", C],
  ["list, second page by its skiptoken", "GET", `${C}?$skiptoken=fake-1`],
  ["$top=0: an empty page and no next link", "GET", `${C}?$top=0`],
  ["$top=0 with $count", "GET", `${C}?$top=0&$count=true`],
  ["$count", "GET", `${C}/$count`],
  ["$count with a filter", "GET", `${C}/$count?$filter=${encodeURIComponent("onboardingStatus eq 'onboarded'")}`],
  ["get", "GET", P],
  ["get with $select", "GET", `${P}?$select=displayName`],
  ["unknown id", "GET", `${C}/nobody`],
  ["unknown segment", "GET", "/deviceManagement/somethingElse"],
  ["bad percent-encoding", "GET", `${C}/%E0%A4%A`],
  ["wrong method on the collection", "PUT", C, { body: "{}", headers: json }],
  ["wrong method on an action", "GET", `${P}/beginOnboarding`],
  ["no token", "GET", C, { headers: { authorization: "" } }],
  ["the bearer scheme in lower case", "GET", P, { headers: { authorization: "bearer t" } }],
  ["unsupported $filter", "GET", `${C}?$filter=${encodeURIComponent("displayName ne 'x'")}`],
  ["$search", "GET", `${C}?$search=x`],
  ["a body past the cap", "PATCH", P, { body: JSON.stringify({ displayName: "x".repeat(4096) }), headers: json }],
  ["create", "POST", C, { body: '{"displayName":"New"}', headers: json }],
  ["update: 204", "PATCH", P, { body: '{"displayName":"Renamed"}', headers: json }],
  ["the update shows", "GET", P],
  ["update with return=representation: 200", "PATCH", P, { body: '{"onboardingUrl":null}', headers: { ...json, prefer: "return=representation" } }],
  ["a bad body: 400 naming the properties", "PATCH", P, { body: '{"onboardingStatus":"Bogus","displayNam":"x"}', headers: json }],
  ["what Kiota sends back: accepted", "PATCH", P, { body: JSON.stringify({ id: SEEDS[0], "@odata.context": "x", "@odata.type": "#microsoft.graph.remoteAssistancePartner", displayName: "K" }), headers: json }],
  ["an id other than the path's: 400", "PATCH", P, { body: '{"id":"other"}', headers: json }],
  ["beginOnboarding", "POST", `${P}/beginOnboarding`],
  ["disconnect: the 9th write (the PUT counted too)", "POST", `${P}/disconnect`],
  ["delete: the 10th write is throttled", "DELETE", P],
  ["reads still pass", "GET", `${C}?$top=5`],
];

interface Answer {
  status: number;
  type: string | null;
  retryAfter: string | null;
  graphHeaders: boolean;
  body: unknown;
}

async function send(base: string, [, method, path, init = {}]: Row): Promise<Answer> {
  const headers = { authorization: "Bearer t", ...init.headers };
  if (headers.authorization === "") delete (headers as Record<string, string>).authorization;
  const response = await fetch(`${base}${path}`, { method, headers, ...(init.body ? { body: init.body } : {}) });
  const text = await response.text();
  const origin = new URL(base).origin;
  const made: string[] = [];
  const normal = text
    .replaceAll(origin, "<origin>")
    .replace(/"(request-id|client-request-id|date)":"[^"]*"/g, '"$1":"<$1>"')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => (SEEDS.includes(id) ? id : `<new-id-${made.indexOf(id) < 0 ? made.push(id) : made.indexOf(id) + 1}>`));
  const graphHeaders = ["request-id", "client-request-id", "date", "x-ms-ags-diagnostic"].every((h) => response.headers.has(h));
  return { status: response.status, type: response.headers.get("content-type"), retryAfter: response.headers.get("retry-after") && "<seconds>", graphHeaders, body: normal ? tryJson(normal) : undefined };
}

const tryJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

describe("every stand-in answers the same table alike", () => {
  const answers: Record<string, Answer[]> = {};
  let mswBase: string;
  let http: FakeServer;
  let mock: RunningMock;
  let dir: string;
  beforeAll(async () => {
    mswBase = "http://127.0.0.1:9/v1.0";
    const msw = setupServer(...createRemoteAssistanceFake({ ...OPTIONS, baseUrl: mswBase }).handlers);
    msw.listen({ onUnhandledRequest: "error" });
    try {
      answers["fake over msw"] = [];
      for (const row of TABLE) answers["fake over msw"].push(await send(mswBase, row));
    } finally {
      msw.close();
    }
    http = await createRemoteAssistanceFake(OPTIONS).listen();
    answers["fake over HTTP"] = [];
    for (const row of TABLE) answers["fake over HTTP"].push(await send(http.url, row));
    dir = mkdtempSync(join(tmpdir(), "ra-mock-options-"));
    writeFileSync(join(dir, "options.json"), JSON.stringify(OPTIONS));
    mock = await startNpmMock(["--options", join(dir, "options.json")]);
    answers["npm run mock"] = [];
    for (const row of TABLE) answers["npm run mock"].push(await send(mock.baseUrl, row));
  }, 120_000);
  afterAll(async () => {
    await http?.close();
    mock?.npm.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  it("the table covers what it must: at least 20 requests, every operation, errors, paging, $top=0, $count and throttling", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(20);
    expect(answers["fake over HTTP"]!.map((a) => a.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 404, 400, 400, 400, 400, 401, 200, 400, 400, 413, 201, 204, 200, 200, 400, 204, 400, 204, 204, 429, 200,
    ]);
    const [first, , zero, zeroCounted] = answers["fake over HTTP"]!;
    expect(first!.body).toMatchObject({ "@odata.nextLink": "<origin>/v1.0/deviceManagement/remoteAssistancePartners?%24skiptoken=fake-1" });
    expect(zero!.body).toEqual({ "@odata.context": "<origin>/v1.0/$metadata#deviceManagement/remoteAssistancePartners", value: [] });
    expect(zeroCounted!.body).toMatchObject({ "@odata.count": 2, value: [] });
    expect(answers["fake over HTTP"]!.at(-2)!.retryAfter).toBe("<seconds>");
    expect(answers["fake over HTTP"]!.every((a) => a.graphHeaders)).toBe(true);
  });

  it.each(["fake over msw", "npm run mock"])("%s answers each request as the fake over HTTP does", (standIn) => {
    TABLE.forEach(([label], i) => expect(answers[standIn]![i], label).toEqual(answers["fake over HTTP"]![i]));
  });
});
