// The text the docs' search keeps of a description, and where a result's snippet is cut, on their own (the browser
// test in ./browser.test.ts searches the built pages).
import { describe, expect, it } from "vitest";
import { markdocPlainText, snippetEnd, snippetStart } from "../../scripts/docs/search-text.js";

const text = (content: string) => ({ type: "text", attributes: { content } });
const code = (content: string) => ({ type: "code", attributes: { content } });
const inline = (...children: object[]) => ({ type: "inline", children });
const paragraph = (...children: object[]) => ({ type: "paragraph", children: [inline(...children)] });
const softbreak = { type: "softbreak" };

/** The snippet Redoc shows for a window [from, to) around a match. */
function snippet(source: string, match: string, from: number, to: number): string {
  const at = source.indexOf(match);
  return source.slice(snippetStart(source, from, at), snippetEnd(source, to, at + match.length));
}

describe("the plain text of a description", () => {
  it("keeps the space at a line break between English words (was 'disconnectactions')", () => {
    const doc = { type: "document", children: [paragraph(text("the "), code("beginOnboarding"), text(" and "), code("disconnect"), softbreak, text("actions. Source"))] };
    expect(markdocPlainText(doc)).toBe("the beginOnboarding and disconnect actions. Source");
  });

  it("joins a line break between Japanese characters with nothing, and keeps a space next to Latin words", () => {
    const doc = { type: "document", children: [paragraph(text("このリソースを"), softbreak, text("中心に、"), code("PATCH"), softbreak, text("を使います。"))] };
    expect(markdocPlainText(doc)).toBe("このリソースを中心に、PATCH を使います。");
  });

  it("separates paragraphs, list items and table cells", () => {
    const cell = (type: string, content: string) => ({ type, children: [inline(text(content))] });
    const doc = {
      type: "document",
      children: [
        paragraph(text("One.")),
        paragraph(text("Two.")),
        { type: "list", children: [{ type: "item", children: [inline(text("first"))] }, { type: "item", children: [inline(text("second"))] }] },
        { type: "table", children: [{ type: "thead", children: [{ type: "tr", children: [cell("th", "アクセス許可の種類"), cell("th", "アクセス許可")] }] }] },
      ],
    };
    expect(markdocPlainText(doc)).toBe("One. Two. first second アクセス許可の種類 アクセス許可");
  });

  it("leaves out scripts and styles", () => {
    const doc = { type: "document", children: [paragraph(text("shown")), { type: "tag", tag: "html", attributes: { name: "script", content: "hidden()" } }] };
    expect(markdocPlainText(doc)).toBe("shown");
  });
});

describe("where a search result's snippet is cut", () => {
  const en = "A request to remove the partner's active connector (for TeamViewer, the TeamViewer connector). No request body.";
  it("starts and ends English at a space, never inside a word", () => {
    expect(snippet(en, "active", 14, 80)).toBe("the partner's active connector (for TeamViewer, the");
  });

  const ja = "含める関連エンティティ。コンマ区切りで指定します。remoteAssistancePartner にはナビゲーション プロパティがないため、意味を持つのは * だけです。";
  it("starts Japanese after 。 or 、, not inside a word", () => {
    expect(snippet(ja, "ナビゲーション", 8, ja.length)).toBe("コンマ区切りで指定します。remoteAssistancePartner にはナビゲーション プロパティがないため、意味を持つのは * だけです。");
  });

  it("ends Japanese after 。 or 、, or where Japanese meets a Latin word", () => {
    expect(snippet(ja, "コンマ", 12, 40)).toBe("コンマ区切りで指定します。");
    expect(snippet("を中心に、このリソースのすべての操作 (一覧表示、件数の取得)", "中心", 0, 22)).toBe("を中心に、このリソースのすべての操作");
  });

  it("starts where Japanese meets a Latin word", () => {
    const mixed = "中心はremoteAssistancePartner の更新です。";
    expect(snippet(mixed, "更新", 1, mixed.length)).toBe("remoteAssistancePartner の更新です。");
  });

  it("never cuts the match itself, even with no boundary in the window", () => {
    const run = "あいうえおかきくけこさしすせそ";
    expect(snippet(run, "かき", 3, 8)).toBe("かき");
  });
});
