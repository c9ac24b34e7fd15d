// Reading partners back: $select on one partner, the nextLink of a page reached by a nextLink, and a filter literal
// that reads like the `and` joining clauses.
import { describe, expect, it } from "vitest";
import type { FakePartner } from "../../src/testing.js";
import { MSW_BASE, mswFakes, PARTNERS, SEED_ID, send } from "./support/msw-fake.js";

const partner = (id: string, displayName: string): FakePartner => ({
  "@odata.type": "#microsoft.graph.remoteAssistancePartner",
  id,
  displayName,
  onboardingUrl: null,
  onboardingStatus: "notOnboarded",
  lastConnectionDateTime: "2026-11-01T00:00:00Z",
});

describe("reading partners back", () => {
  const { serveFake } = mswFakes();

  it("$select on one partner: its id and the properties asked for", async () => {
    serveFake();
    const answer = await send("GET", `${PARTNERS}/${SEED_ID}?$select=displayName`);
    expect(answer.json).toEqual({
      "@odata.context": `${MSW_BASE}/$metadata#deviceManagement/remoteAssistancePartners/$entity`,
      id: SEED_ID,
      displayName: "Display Name value",
    });
  });

  it("a page reached by a nextLink links the next one with the query kept in order and one $skiptoken, last", async () => {
    serveFake({ pageSize: 1, partners: [partner("p1", "A"), partner("p2", "B"), partner("p3", "C")] });
    const second = await send("GET", `${PARTNERS}?$skiptoken=fake-1&$count=true&$select=displayName`);
    expect(second.json.value).toEqual([{ id: "p2", displayName: "B" }]);
    expect(second.json["@odata.nextLink"]).toBe(`${MSW_BASE}${PARTNERS}?%24count=true&%24select=displayName&%24skiptoken=fake-2`);
  });

  it("a literal 'And' is a value to match, not the and joining clauses", async () => {
    serveFake({ partners: [partner("p1", "And"), partner("p2", "Or")] });
    const answer = await send("GET", `${PARTNERS}?$filter=${encodeURIComponent("displayName eq 'And'")}`);
    expect(answer.json.value.map((p: FakePartner) => p.id)).toEqual(["p1"]);
  });
});
