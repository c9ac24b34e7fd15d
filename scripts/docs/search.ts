// The offline search of every page: Redoc 3's index (flexsearch) given the Japanese-aware reading of
// ./search-segmenter.ts for both the index and the query, and Redoc's own match check told that kana and kanji are
// not letters of a space-separated word (it refused 「更新」 inside 「…の更新」 because 「の」 is a letter). The text
// indexed and shown in results keeps the gaps between words (./search-text.ts), and a result's snippet is cut where
// a word begins or ends in Japanese as well as in English.
import type { Edit } from "./bundle-patch.ts";
import { normalizeForSearch, segmentForSearch } from "./search-segmenter.ts";
import { markdocPlainText, snippetEnd, snippetStart } from "./search-text.ts";

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
    {
      find: "function QT(e){let t=[];function n(e){if(!Yae(e)){typeof e.attributes?.content==`string`&&t.push(e.attributes.content);for(let t of e.children??[])n(t)}}return n(e),t.join(``)}",
      replace: `function QT(e){return(${markdocPlainText.toString()})(e)}`,
      why: "the plain text of a description (search index, result snippets), joined with nothing at line breaks",
    },
    {
      find: "function ADe(e,t,n){let r=t;if(r>0&&!T0(e[r-1]))for(;r<n&&!T0(e[r]);)r++;for(;r<n&&T0(e[r]);)r++;return r}",
      replace: `function ADe(e,t,n){return(${snippetStart.toString()})(e,t,n)}`,
      why: "where a search result's snippet starts (Redoc knew only spaces as word boundaries)",
    },
    {
      find: "function jDe(e,t,n){let r=t;if(r<e.length&&!T0(e[r]))for(;r>n&&!T0(e[r]);)r--;for(;r>n&&T0(e[r-1]);)r--;return r}",
      replace: `function jDe(e,t,n){return(${snippetEnd.toString()})(e,t,n)}`,
      why: "where a search result's snippet ends (Redoc knew only spaces as word boundaries)",
    },
    {
      find: "Array.isArray(e)?e.map(e=>QT(e)).filter(Boolean).join(` `).trim():QT(e).trim()}",
      replace: "Array.isArray(e)?QT({children:e}).trim():QT(e).trim()}",
      why: "a description's paragraphs joined with a space even between Japanese sentences",
    },
    {
      find: ".replace(/\\s+/g,` `).trim()}function JT(",
      replace: ".replace(/\\s+/g,(g,i,s)=>/\\n/.test(g)&&/[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆、。「」『』（）・]/u.test(s[i-1]??``)&&/[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆、。「」『』（）・]/u.test(s[i+g.length]??``)?``:` `).trim()}function JT(",
      why: "a description given as a string: a line break between Japanese characters read as a space",
    },
    {
      // 「意味を持つのは `*` だけです。**本パッケージの規則:**」 lost both asterisks: the emphasis pattern ran from the
      // `*` of one code span to the next. Emphasis is not read across a backtick.
      find: ".replace(/\\*\\*(.*?)\\*\\*/g,`$1`).replace(/\\*(?=\\S)(.*?\\S)\\*/g,`$1`)",
      replace: ".replace(/\\*\\*([^`]*?)\\*\\*/g,`$1`).replace(/\\*(?=[^\\s`])([^`]*?[^\\s`])\\*/g,`$1`)",
      why: "the plain text of a description given as a string: emphasis read across code spans, which lost their text",
    },
  ];
}
