// The offline search of every page: Redoc 3's index (flexsearch) given the Japanese-aware reading of
// ./search-segmenter.ts for both the index and the query, and Redoc's own match check told that kana and kanji are
// not letters of a space-separated word (it refused 「更新」 inside 「…の更新」 because 「の」 is a letter).
import type { Edit } from "./bundle-patch.ts";
import { normalizeForSearch, segmentForSearch } from "./search-segmenter.ts";

export function searchEdits(): Edit[] {
  const encoder = `encoder:{normalize:${normalizeForSearch.toString()},prepare:${segmentForSearch.toString()}}`;
  return [
    {
      find: "var X2={document:{id:`id`,index:MDe},tokenize:`forward`,context:{depth:2,resolution:9}};",
      replace: `var X2={document:{id:\`id\`,index:MDe},tokenize:\`forward\`,context:{depth:2,resolution:9},${encoder}};`,
      why: "the search index's options: a Japanese-aware encoder",
    },
    {
      find: "TDe=/[\\p{L}\\p{N}_-]/u;",
      replace: "TDe=/(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー])[\\p{L}\\p{N}_-]/u;",
      why: "the characters Redoc's match check takes for letters of a word",
    },
  ];
}
