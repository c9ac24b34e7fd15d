// How the search index reads Japanese. Written into the page as source (Function.prototype.toString), so it must
// stay self-contained: no imports, no closures over module scope. Tested on its own in test/docs/search-segmenter.test.ts.

/**
 * Normalises text the way the index and the query must agree on: NFKC (full-width Latin to half-width, half-width
 * kana to full-width) and lower case. Redoc's default, NFKD with combining marks removed, splits every kana with a
 * voiced mark in two (ボ becomes ホ and a separate mark), so 「オンボーディング」 was never one word.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * Japanese has no spaces between words, so each run of kana and kanji is indexed as its overlapping pairs of
 * characters (bigrams), the usual way to search CJK text without a dictionary: 「の更新」 gives 「の更 更新」, and a
 * query 「更新」 or 「オンボーディング」 is cut the same way, so it matches wherever those characters stand together.
 * Latin words, numbers and identifiers pass through untouched.
 */
export function segmentForSearch(text: string): string {
  return text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+/gu, (run) => {
    if (run.length < 3) return ` ${run} `;
    const pairs: string[] = [];
    for (let i = 0; i < run.length - 1; i++) pairs.push(run.slice(i, i + 2));
    return ` ${pairs.join(" ")} `;
  });
}
