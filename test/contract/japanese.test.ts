// The Japanese bundle changes words, never the contract; it leaves no English summary or description behind; and
// for the update operation it speaks with the source document's own sentences.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyOverlay } from "../../scripts/codegen/overlay.js";
import { parse } from "yaml";
import { root, spec } from "../helpers/spec.js";

const ja = JSON.parse(readFileSync(join(root, "generated/openapi.ja.json"), "utf8"));

/** A copy without the prose: every string-valued `summary` and `description`. */
function withoutProse(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutProse);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === "summary" || key === "description") && typeof value === "string"))
      // An OAuth scope's value is its description too.
      .map(([key, value]) => [key, key === "scopes" ? Object.keys(value as object) : withoutProse(value)]),
  );
}

function prose(node: unknown, pointer = ""): [string, string][] {
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if ((key === "summary" || key === "description") && typeof value === "string") return [[`${pointer}/${key}`, value] as [string, string]];
    if (key === "scopes" && value && typeof value === "object") return Object.entries(value).map(([scope, text]) => [`${pointer}/scopes/${scope}`, String(text)] as [string, string]);
    return prose(value, `${pointer}/${key}`);
  });
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const patch = (doc: any) => doc.paths["/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"].patch;
const partner = (doc: any) => doc.components.schemas["microsoft.graph.remoteAssistancePartner"].properties;

describe("the Japanese bundle", () => {
  it("equals the English one once summaries and descriptions are removed", () => {
    expect(withoutProse(ja)).toEqual(withoutProse(spec));
  });

  it("has the same summaries and descriptions in the same places, each in Japanese", () => {
    const english = prose(spec).map(([p]) => p);
    const japanese = prose(ja);
    expect(japanese.map(([p]) => p)).toEqual(english);
    const untranslated = japanese.filter(([, text]) => !JAPANESE.test(text)).map(([p]) => p);
    expect(untranslated).toEqual([]);
  });

  it("uses the source document's sentences for the update operation and its properties", () => {
    expect(patch(ja).summary).toBe("remoteAssistancePartner の更新");
    expect(patch(ja).description).toContain("remoteAssistancePartner オブジェクトのプロパティを更新します。");
    expect(patch(ja).description).toContain("この API を呼び出すには、次のいずれかのアクセス許可が必要です。");
    expect(patch(ja).description).toContain("成功した場合、このメソッドは `200 OK` 応答コードと、応答本文で更新された remoteAssistancePartner オブジェクトを");
    expect(patch(ja).requestBody.description).toContain("要求本文で、");
    expect(partner(ja).displayName.description).toBe("パートナーの表示名。");
    expect(partner(ja).onboardingUrl.description).toMatch(
      /^パートナーのオンボーディング ポータルの URL。このポータルでは、管理者がパートナーのリモート アシスタンス サービスを構成できます。/,
    );
    expect(partner(ja).id.description).toMatch(/^パートナーの一意識別子。/);
    expect(partner(ja).lastConnectionDateTime.description).toMatch(/^パートナーによって Intune に最後に送信された要求のタイムスタンプ/);
  });

  it("keeps the seed's fixed mistakes fixed: no TBD placeholder, least-to-most privileged", () => {
    const schemas = ja.components.schemas;
    const statusTexts = [schemas["microsoft.graph.remoteAssistanceOnboardingStatus"].description, schemas.remoteAssistancePartnerUpdate.properties.onboardingStatus.description];
    expect(statusTexts.filter((t: string) => t.includes("TBD"))).toEqual([]);
    const operations = Object.values(ja.paths as Record<string, Record<string, { description?: string }>>).flatMap((item) =>
      Object.values(item).flatMap((op) => (typeof op.description === "string" ? [op.description] : [])),
    );
    expect(operations).toHaveLength(8);
    expect(operations.filter((t) => t.includes("特権の大きいものから小さいものへ"))).toEqual([]);
    expect(operations.filter((t) => t.includes("特権の小さいものから大きいものへ"))).toHaveLength(8);
  });
});

describe("applyOverlay", () => {
  it("fails, naming the target, when an action matches nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ra-overlay-"));
    try {
      mkdirSync(join(dir, "spec/overlays"), { recursive: true });
      writeFileSync(
        join(dir, "spec/overlays/xx.yaml"),
        "overlay: 1.0.0\ninfo: {title: t, version: 1.0.0}\nactions:\n  - target: $.paths['/gone'].get\n    update: {summary: x}\n",
      );
      await expect(applyOverlay(dir, spec as never, "xx")).rejects.toThrow(/1 action\(s\) matched nothing:\n {2}\$\.paths\['\/gone'\]\.get/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the Japanese words (spec/overlays/ja-glossary.yaml)", () => {
  const glossary = parse(readFileSync(join(root, "spec/overlays/ja-glossary.yaml"), "utf8")) as {
    terms: { english: string[]; ja: string; avoid?: string[]; avoidPattern?: string }[];
  };
  const texts = prose(ja);
  // Code spans, URLs and permission names are not prose: `client-request-id`, https://…, DeviceManagement….All.
  const proseOnly = (text: string) => text.replace(/`[^`]*`/g, " ").replace(/https?:\/\/\S+/g, " ").replace(/\b[A-Z][A-Za-z]+(?:\.[A-Za-z]+)+\b/g, " ");

  it.each(glossary.terms.map((t) => [t.ja, t] as const))("%s: no variant the glossary rules out", (_ja, term) => {
    const found = texts.filter(([, text]) => (term.avoid ?? []).some((v) => text.includes(v)) || (term.avoidPattern !== undefined && new RegExp(term.avoidPattern).test(text)));
    expect(found.map(([pointer, text]) => `${pointer}: ${text.slice(0, 80)}`)).toEqual([]);
  });

  it.each(glossary.terms.map((t) => [t.english.join(", "), t] as const))("%s: never left in English", (_english, term) => {
    const words = new RegExp(`\\b(?:${term.english.map((w) => w.replace(/ /g, "\\s+")).join("|")})\\b`, "i");
    const found = texts.filter(([, text]) => words.test(proseOnly(text)));
    expect(found.map(([pointer, text]) => `${pointer}: ${text.slice(0, 80)}`)).toEqual([]);
  });

  it("bold lead-ins end with a colon, as Microsoft's ja-JP pages write them (**注:**), never with 。", () => {
    expect(texts.filter(([, text]) => /\*\*[^*\n]+。\*\*/.test(text)).map(([p]) => p)).toEqual([]);
    expect(texts.filter(([, text]) => /\*\*[^*\n]+:\*\*/.test(text)).length).toBeGreaterThan(8);
  });

  it("no half-width space after 。 or 、", () => {
    expect(texts.filter(([, text]) => /[。、] /.test(text)).map(([p, text]) => `${p}: ${text.match(/.{0,20}[。、] .{0,10}/)![0]}`)).toEqual([]);
  });

  it("the page's list of corrections names the copied description and the reversed header, and TEM appears nowhere", () => {
    const description = ja.info.description as string;
    expect(description).toContain("telecomExpenseManagementPartner");
    expect(description).toContain("特権の大きいものから小さいものへ");
    for (const doc of [ja, spec]) expect(JSON.stringify(doc)).not.toMatch(/\bTEM\b/);
  });
});
