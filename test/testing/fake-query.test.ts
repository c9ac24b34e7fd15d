// The fake's OData query reader, unit by unit: what each option accepts to the character and what it refuses. The
// HTTP-level rules (a 400 naming the option, nextLinks keeping the query) are in fake.test.ts; here are the edges a
// consumer's filter or order meets: spacing, quoting, nulls, ties.
import { describe, expect, it } from "vitest";
import { checkOptions, QueryError, readQuery, selected, skiptokenFor } from "../../src/testing/fake/query.js";
import type { FakePartner as RemoteAssistancePartner } from "../../src/testing.js";

const read = (query: string) => readQuery(new URLSearchParams(query));
const refusal = (query: string) => {
  try {
    read(query);
  } catch (error) {
    expect(error).toBeInstanceOf(QueryError);
    return (error as QueryError).message;
  }
  throw new Error(`?${query} was accepted`);
};
const partner = (id: string, displayName: string | null, onboardingStatus: RemoteAssistancePartner["onboardingStatus"] = "notOnboarded") =>
  ({ id, displayName, onboardingStatus }) as RemoteAssistancePartner;
const PARTNERS = [
  partner("zed", "Zed"),
  partner("none", null, "onboarded"),
  partner("acme", "Acme", "onboarded"),
  partner("tom", "Tom and Jerry"),
  partner("obrien", "O'Brien Support"),
];
const matching = (filter: string) => PARTNERS.filter((p) => read(`$filter=${encodeURIComponent(filter)}`).filter(p)).map((p) => p.id);
const ordered = (orderby: string, partners = PARTNERS) => [...partners].sort(read(`$orderby=${encodeURIComponent(orderby)}`).order as never).map((p) => p.id);

describe("the fake's query options", () => {
  it("with no options: everything, in stored order, from the start, no count, every property", () => {
    const query = read("");
    expect(PARTNERS.filter(query.filter)).toHaveLength(PARTNERS.length);
    expect(query).toMatchObject({ order: undefined, top: undefined, start: 0, count: false, select: undefined });
  });

  it("parameters without a $ are not query options: ignored, as Graph ignores them", () => {
    expect(read("foo=bar&api-version=2").start).toBe(0);
  });

  it("$top and $skip: whole numbers only, the whole value", () => {
    expect(read("$top=12&$skip=30")).toMatchObject({ top: 12, start: 30 });
    expect(refusal("$top=12a")).toBe("$top must be a whole number ≥ 0, got '12a'.");
    expect(refusal("$skip=a12")).toBe("$skip must be a whole number ≥ 0, got 'a12'.");
  });

  it("$count: true, false, or absent (false); anything else refused", () => {
    expect(read("$count=true").count).toBe(true);
    expect(read("$count=false").count).toBe(false);
    expect(read("$top=1").count).toBe(false);
    expect(refusal("$count=TRUE")).toBe("$count must be true or false, got 'TRUE'.");
  });

  it("$skiptoken: only the fake's own, the whole token; it wins over $skip", () => {
    expect(read(`$skiptoken=${skiptokenFor(123)}&$skip=4`).start).toBe(123);
    for (const token of ["xfake-12", "fake-12x", "fake-", "FAKE-1"]) expect(refusal(`$skiptoken=${token}`)).toBe(`$skiptoken '${token}' was not issued by this fake.`);
  });

  it("$select: every property of the partner, spaces around the commas allowed; the key always comes back", () => {
    const names = ["id", "displayName", "onboardingUrl", "onboardingStatus", "lastConnectionDateTime"];
    expect(read(`$select=${names.join(" , ")}`).select).toEqual(names);
    const full = { id: "p", displayName: "D", onboardingUrl: "https://example.com/", onboardingStatus: "onboarded", lastConnectionDateTime: "2026-11-29T00:00:00Z" } as RemoteAssistancePartner;
    expect(selected(full, ["displayName"])).toEqual({ id: "p", displayName: "D" });
    expect(selected(full, undefined)).toBe(full);
  });

  it("$expand: * only; $search: never", () => {
    expect(() => read("$expand=*")).not.toThrow();
    expect(refusal("$search=x")).toBe("The fake does not support $search.");
    expect(() => checkOptions(new URLSearchParams("$apply=x&other=1"), ["$top"])).toThrow("The query option $apply is not supported on this request.");
    expect(() => checkOptions(new URLSearchParams("$top=1&other=1"), ["$top"])).not.toThrow();
  });
});

describe("the fake's $orderby", () => {
  it("displayName, asc by default, desc reversed, surrounding and inner spaces allowed", () => {
    expect(ordered("displayName")).toEqual(["none", "acme", "obrien", "tom", "zed"]);
    expect(ordered(" displayName   asc ")).toEqual(["none", "acme", "obrien", "tom", "zed"]);
    expect(ordered("displayName desc")).toEqual(["zed", "tom", "obrien", "acme", "none"]);
  });

  it("a null name sorts as the empty name: first ascending, last descending, wherever it starts", () => {
    const nullLast = [partner("s", "Sam"), partner("t", "Tim"), partner("n", null)];
    expect(ordered("displayName", nullLast)).toEqual(["n", "s", "t"]);
    expect(ordered("displayName desc", nullLast)).toEqual(["t", "s", "n"]);
  });

  it("ties keep their stored order, both ways", () => {
    const ties = [partner("a1", "Same"), partner("a2", "Same"), partner("a3", "Same")];
    expect(ordered("displayName", ties)).toEqual(["a1", "a2", "a3"]);
    expect(ordered("displayName desc", ties)).toEqual(["a1", "a2", "a3"]);
  });

  it("anything else is refused, naming it", () => {
    for (const value of ["displayNames", "xdisplayName", "displayName ascending"]) {
      expect(refusal(`$orderby=${value}`)).toBe(`The fake supports $orderby on displayName only (asc or desc), got '${value}'.`);
    }
  });
});

describe("the fake's $filter", () => {
  it("an empty $filter, or one of spaces only, filters nothing", () => {
    expect(matching("")).toEqual(["zed", "none", "acme", "tom", "obrien"]);
    expect(matching("   ")).toEqual(["zed", "none", "acme", "tom", "obrien"]);
  });

  it("eq on onboardingStatus and displayName, with any spacing around eq and the whole filter", () => {
    expect(matching("onboardingStatus eq 'onboarded'")).toEqual(["none", "acme"]);
    expect(matching("  displayName   eq   'Acme'  ")).toEqual(["acme"]);
  });

  it("startswith(displayName, …): case-insensitive, spaces allowed inside the call, a null name reads as the empty name", () => {
    expect(matching("startswith(displayName,'st')")).toEqual([]);
    expect(matching("startswith( displayName , 'ZE' )")).toEqual(["zed"]);
    expect(matching("startswith(displayName,'')")).toEqual(["zed", "none", "acme", "tom", "obrien"]); // "" starts every name, the absent one too
  });

  it("a doubled quote is one quote, in eq and in startswith", () => {
    expect(matching("displayName eq 'O''Brien Support'")).toEqual(["obrien"]);
    expect(matching("startswith(displayName,'o''b')")).toEqual(["obrien"]);
    expect(matching("startswith(displayName,'ob')")).toEqual([]);
  });

  it("clauses joined by and (any case, any spacing) must all hold; an and inside quotes is part of the literal", () => {
    expect(matching("onboardingStatus eq 'onboarded'  AND   displayName eq 'Acme'")).toEqual(["acme"]);
    expect(matching("displayName eq 'Tom and Jerry'")).toEqual(["tom"]);
    expect(matching("displayName eq 'Tom and Jerry' and onboardingStatus eq 'notOnboarded'")).toEqual(["tom"]);
  });

  it("an unsupported clause is refused, naming the clause without the spaces around it", () => {
    expect(refusal(`$filter=${encodeURIComponent("  displayName ne 'x' ")}`)).toBe(
      "The fake does not support the filter 'displayName ne 'x'': it supports onboardingStatus eq '…', displayName eq '…' and startswith(displayName,'…'), joined by and.",
    );
  });
});

describe("the fake's $filter on long and broken input", () => {
  it("a filter of 80,000 characters is read, and a refusal quotes at most 200 characters of it", () => {
    const clauses = Array.from({ length: 4_000 }, () => "displayName eq 'Acme'").join(" and ");
    expect(clauses.length).toBeGreaterThan(80_000);
    expect(matching(clauses)).toEqual(["acme"]);
    const blanks = `x${" ".repeat(80_000)}y`;
    const message = refusal(`$filter=${encodeURIComponent(blanks)}`);
    expect(message).toMatch(/^The fake does not support the filter 'x {199}…': it supports/);
  });

  it("an unclosed literal, and a filter ending in and, are refused saying so", () => {
    expect(refusal(`$filter=${encodeURIComponent("displayName eq 'Acme")}`)).toBe("The filter has a literal that is never closed: ''Acme'.");
    expect(refusal(`$filter=${encodeURIComponent("displayName eq 'Acme' and")}`)).toMatch(/^The filter ends with 'and'/);
    expect(refusal(`$filter=${encodeURIComponent("and displayName eq 'Acme'")}`)).toMatch(/^The fake does not support the filter '':/);
  });
});
