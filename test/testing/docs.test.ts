// docs/testing.md lists the fake's default partners: the list is checked against what a fake starts with, so the
// page cannot drift from the spec's examples.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRemoteAssistanceFake } from "../../src/testing.js";
import { root } from "../helpers/spec.js";

describe("docs/testing.md", () => {
  it("lists exactly the partners a fake starts with", () => {
    const page = readFileSync(join(root, "docs/testing.md"), "utf8");
    const section = page.slice(page.indexOf("## The default partners"), page.indexOf("## Options"));
    const rows = section
      .split("\n")
      .filter((line) => /^\| `/.test(line))
      .map((line) => line.split("|").slice(1, 6).map((cell) => cell.trim().replace(/^`|`$/g, "")));
    const partners = createRemoteAssistanceFake().partners();
    expect(rows).toEqual(partners.map((p) => [p.id, p.displayName, p.onboardingUrl, p.onboardingStatus, p.lastConnectionDateTime]));
  });
});
