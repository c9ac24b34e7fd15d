// Microsoft's own examples, as tests: every JSON example of the v1.0 and beta reference pages of this resource,
// kept in test/fixtures/microsoft/reference-examples.json with its page and commit, is judged by the matching
// validator: valid, or refused for the reason written beside it, at the paths named there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as validators from "../../src/entries/validators.js";
import { root } from "../helpers/spec.js";

interface Example {
  block: "request" | "response" | "resource";
  http: string;
  body: string;
  validator: keyof typeof validators;
  verdict: "valid" | "refused";
  reason?: string;
  refusedAt?: string[];
}
const fixture = JSON.parse(readFileSync(join(root, "test/fixtures/microsoft/reference-examples.json"), "utf8")) as {
  pages: { page: string; commit: string; examples: Example[]; note?: string }[];
};

const OPERATIONS = ["update", "get", "list", "create", "delete", "beginonboarding", "disconnect"];

describe("Microsoft's reference examples", () => {
  it("cover every page of the resource, v1.0 and beta, each with its commit", () => {
    const expected = ["v1.0", "beta"].flatMap((version) => [
      ...OPERATIONS.map((op) => `api-reference/${version}/api/intune-remoteassistance-remoteassistancepartner-${op}.md`),
      `api-reference/${version}/resources/intune-remoteassistance-remoteassistancepartner.md`,
    ]);
    expect(fixture.pages.map((p) => p.page).sort()).toEqual(expected.sort());
    for (const page of fixture.pages) {
      expect(page.commit).toMatch(/^[0-9a-f]{40}$/);
      // A page without a JSON example says why.
      if (page.examples.length === 0) expect(page.note).toMatch(/No JSON example/);
    }
  });

  for (const page of fixture.pages) {
    for (const example of page.examples) {
      const title = `${page.page.replace("api-reference/", "")}: ${example.block} (${example.http}) is ${example.verdict} by ${example.validator}`;
      it(title, () => {
        const validate = validators[example.validator] as (value: unknown) => validators.ValidationResult<unknown>;
        expect(typeof validate).toBe("function");
        const result = validate(JSON.parse(example.body));
        if (example.verdict === "valid") {
          expect(result).toEqual({ valid: true, value: JSON.parse(example.body) });
          return;
        }
        expect(example.reason?.length).toBeGreaterThan(20);
        expect(result.valid).toBe(false);
        if (!result.valid) expect(result.errors.map((e) => e.path).sort()).toEqual([...example.refusedAt!].sort());
      });
    }
  }
});
