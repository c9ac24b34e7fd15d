// The text the search index keeps of each description, and where a result's snippet is cut. Written into the page as
// source (Function.prototype.toString), so each function stays self-contained: no imports, no closures over module
// scope. Tested on its own in test/docs/search-text.test.ts and in the browser in test/docs/browser.test.ts.

interface MarkdocNode {
  type?: string;
  tag?: string;
  attributes?: Record<string, unknown>;
  children?: MarkdocNode[];
}

/**
 * The plain text of a Markdoc tree. Redoc joined every text node with nothing between them, so a soft line break
 * glued the words on either side ("the `disconnect`⏎actions" became "disconnectactions") and so did the end of one
 * paragraph, list item or table cell and the start of the next. Here every line break and block boundary is a gap:
 * a space between words, and nothing at a line break between Japanese characters (Japanese has no spaces between
 * words, and a space there would also split the index's character pairs). Runs of white space become one space.
 */
export function markdocPlainText(root: MarkdocNode): string {
  // No inner named functions: the build's transpiler would wrap them in a helper the page does not have.
  // A line break or a new paragraph: a space between words, none between Japanese characters ("\n"). A new list item
  // or table cell: always a space ("\r"), or 「アクセス許可の種類」 and 「アクセス許可」 would read as one phrase.
  const soft = new Set(["paragraph", "softbreak", "hardbreak"]);
  const hard = new Set(["item", "list", "heading", "blockquote", "fence", "table", "thead", "tbody", "tr", "td", "th", "hr"]);
  const parts: string[] = [];
  const stack: MarkdocNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "tag" && node.tag === "html" && (node.attributes?.name === "script" || node.attributes?.name === "style")) continue;
    if (parts.length && node.type && (soft.has(node.type) || hard.has(node.type))) parts.push(hard.has(node.type) ? "\r" : "\n");
    const content = node.attributes?.content;
    if (typeof content === "string" && content) parts.push(content);
    for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push(node.children![i]!);
  }
  const japanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆、。「」『』（）・]/u;
  return parts
    .join("")
    .replace(/\s+/g, (gap: string, at: number, text: string) =>
      gap.includes("\n") && !gap.includes("\r") && japanese.test(text[at - 1] ?? "") && japanese.test(text[at + gap.length] ?? "") ? "" : " ",
    )
    .trim();
}

/**
 * Where a snippet may start: the first point at or after `from` (and not past the match at `matchStart`) that begins
 * a word. Redoc knew only spaces, so Japanese (which has none) was cut mid-word or the snippet jumped to the next
 * Latin word; here a word also begins after Japanese punctuation (。、」）…), at an opening bracket, and where
 * Japanese meets Latin letters. Leading spaces are skipped.
 */
export function snippetStart(text: string, from: number, matchStart: number): number {
  const boundary = /^(?:\s[^]|[^]\s|[、。，．！？」』）】〕：；][^]|[^][「『（【〔]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆][\p{Script=Latin}\p{N}_$@{/-]|[\p{Script=Latin}\p{N}_$@}/-][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆])$/u;
  let at = from;
  if (at > 0) while (at < matchStart && !boundary.test(text.slice(at - 1, at + 1))) at++;
  while (at < matchStart && /\s/.test(text[at]!)) at++;
  return at;
}

/** Where a snippet may end: the last point at or before `to` (and not before the match's end) that ends a word. */
export function snippetEnd(text: string, to: number, matchEnd: number): number {
  const boundary = /^(?:\s[^]|[^]\s|[、。，．！？」』）】〕：；][^]|[^][「『（【〔]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆][\p{Script=Latin}\p{N}_$@{/-]|[\p{Script=Latin}\p{N}_$@}/-][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆])$/u;
  let at = to;
  if (at < text.length) while (at > matchEnd && !boundary.test(text.slice(at - 1, at + 1))) at--;
  while (at > matchEnd && /\s/.test(text[at - 1]!)) at--;
  return at;
}
