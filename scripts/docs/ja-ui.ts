// The Japanese page's UI words. Redoc 3 routes almost every label through one `translate(key, default)` hook, which
// its standalone build answers with the English default; here that hook is given Japanese, by key and by English
// text (Microsoft Learn's ja-JP words: 要求, 応答, 本文, 必須, 読み取り専用, 例 …). The few strings Redoc writes
// without the hook are replaced where they stand. test/docs/browser.test.ts lists every UI string on /ja/ in a
// browser and fails on English, so a Redoc upgrade that adds a label cannot bring English back unnoticed.
import type { Edit } from "./bundle-patch.ts";

/** English default → Japanese, for every label that goes through Redoc's translate hook. */
export const JA_BY_TEXT: Record<string, string> = {
  "Request": "要求",
  "Request Body": "要求本文",
  "Body": "本文",
  "Responses": "応答",
  "Response": "応答",
  "Path": "パス パラメーター",
  "Query": "クエリ パラメーター",
  "Query String": "クエリ文字列",
  "Headers": "ヘッダー",
  "Cookies": "Cookie",
  "Parameters": "パラメーター",
  "Value": "値",
  "Values": "値",
  "Security": "セキュリティ",
  "Required scopes": "必要なスコープ",
  "View security details": "セキュリティの詳細を表示",
  "Show optional scopes": "省略可能なスコープを表示",
  "Flow type": "フローの種類",
  "Authorization URL": "承認 URL",
  "Token URL": "トークン URL",
  "Refresh URL": "更新 URL",
  "Scopes": "スコープ",
  "Payload": "ペイロード",
  "No request payload": "要求ペイロードはありません",
  "No request data": "要求データはありません",
  "No content": "コンテンツなし",
  "No response sample": "応答のサンプルはありません",
  "Example": "例",
  "Examples": "例",
  "Enum": "列挙値",
  "required": "必須",
  "Required": "必須",
  "read-only": "読み取り専用",
  "write-only": "書き込み専用",
  "deprecated": "非推奨",
  "Deprecated": "非推奨",
  "Expand all": "すべて展開",
  "Collapse all": "すべて折りたたむ",
  "Copy": "コピー",
  "Copy to clipboard": "クリップボードにコピー",
  "Copied": "コピーしました",
  "Show pattern": "パターンを表示",
  "Hide pattern": "パターンを非表示",
  "Show": "表示",
  "Hide": "非表示",
  "more": "件以上",
  "Show more": "さらに表示",
  "Show less": "表示を減らす",
  "Link to this section": "このセクションへのリンク",
  "Search ": "検索 ",
  "Search": "検索",
  "Search docs...": "ドキュメントを検索...",
  "Search items": "項目を検索",
  "No items found": "項目が見つかりません",
  "No results found": "結果が見つかりません",
  "Loading...": "読み込み中...",
  "Overview": "概要",
  "License": "ライセンス",
  "Servers": "サーバー",
  "Server": "サーバー",
  "Metadata": "メタデータ",
  "Download description": "仕様をダウンロード",
  "Open in new tab": "新しいタブで開く",
  "Hide sidebar": "サイドバーを非表示",
  "Show sidebar": "サイドバーを表示",
  "Response status": "応答の状態",
  "Response media type": "応答のメディア タイプ",
  "Request media type": "要求のメディア タイプ",
  "Request sample": "要求のサンプル",
  "Response sample": "応答のサンプル",
  "Callbacks": "コールバック",
  "Operations": "操作",
  "Webhook": "Webhook",
  "Terms of Service": "利用規約",
  "Contact": "連絡先",
};

/** Keys whose English default is shared with another meaning, translated by key. */
export const JA_BY_KEY: Record<string, string> = {
  path: "パス パラメーター",
  query: "クエリ パラメーター",
  header: "ヘッダー",
  body: "本文",
};

/**
 * The hook itself, and the strings Redoc draws without it. Each is matched with the code around it, so that
 * the same word used as data (a schema keyword, an access mode) is left alone.
 */
export function jaUiEdits(): Edit[] {
  const byKey = JSON.stringify(JA_BY_KEY);
  const byText = JSON.stringify(JA_BY_TEXT);
  return [
    {
      find: "useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``})",
      // JA_ACCESS rides along as a global: the access-mode badges below read it.
      replace: `useTranslate:(globalThis.JA_ACCESS={"read-only":"読み取り専用","write-only":"書き込み専用"},()=>({translate:(e,t)=>{let d=(typeof t==\`string\`?t:t?.defaultValue)||e||\`\`;return ${byKey}[e]??${byText}[d]??d}}))`,
      why: "Redoc's translate hook, given Japanese",
    },
    { find: "(i+=` or null`)", replace: "(i+=`、または null`)", why: "a nullable type: 「string、または null」" },
    { find: "r=`Array of `}", replace: "r=`配列: `}", why: "an array's type prefix" },
    { find: "i=`Array of items`:(i=`any`,r=`Array of `)", replace: "i=`項目の配列`:(i=`any`,r=`配列: `)", why: "an array's type prefix" },
    { find: "return t===1?`non-empty`:", replace: "return t===1?`空でない`:", why: "a string's minLength of 1" },
    { find: "(0,V.jsx)(fF,{label:`or`})", replace: "(0,V.jsx)(fF,{label:`または`})", why: "between security alternatives" },
    { find: "(0,V.jsx)($$,{label:`or`})", replace: "(0,V.jsx)($$,{label:`または`})", why: "between scope groups" },
    { find: "(0,V.jsx)(sF,{children:` or `})", replace: "(0,V.jsx)(sF,{children:` または `})", why: "between the alternative requirements of an operation's security box" },
    {
      find: "function Nre(e){return e.split(` or `).map(e=>e.replace(/^(string|object|number|integer|array|boolean)s?( ?.*)/,`$1s$2`)).join(` or `)}",
      replace: "function Nre(e){return e.split(` or `).join(`、または `)}",
      why: "an array's item type, made English plural (\"配列: strings\"): the JSON type name stays as it is",
    },
    { find: "e.length&&(i+=` or ${e.join(` or `)}`)", replace: "e.length&&(i+=`、または ${e.join(`、または `)}`)", why: "an array that may also be another type" },
    { find: "e.uniqueItems&&t.push(`unique`)", replace: "e.uniqueItems&&t.push(`一意`)", why: "uniqueItems beside an array's type" },
    {
      find: "n(Kb(`characters`,e.minLength,e.maxLength)),n(Kb(`items`,e.minItems,e.maxItems))",
      replace: "n(Kb(`文字`,e.minLength,e.maxLength)),n(Kb(`項目`,e.minItems,e.maxItems))",
      why: "the unit of a length or item-count constraint",
    },
    { find: "n(Kb(r===1&&i===1?`property`:`properties`,r,i))", replace: "n(Kb(`プロパティ`,r,i))", why: "the unit of a property-count constraint" },
    { find: "tip:`Switch color mode`", replace: "tip:`配色を切り替える`", why: "the theme button's tooltip" },
    {
      find: "\"aria-label\":t,size:`small`,variant:`outlined`,icon:(0,V.jsx)(hke,{mode:t})",
      replace: "\"aria-label\":t===`dark`?`配色: ダーク`:`配色: ライト`,size:`small`,variant:`outlined`,icon:(0,V.jsx)(hke,{mode:t})",
      why: "the theme button's accessible name, the mode's key (\"light\")",
    },
    { find: "(0,V.jsx)(CF,{children:`Security`})", replace: "(0,V.jsx)(CF,{children:`セキュリティ`})", why: "the security heading of an operation" },
    { find: "\"aria-label\":`Copy`", replace: "\"aria-label\":`コピー`", why: "the copy button's accessible name" },
    { find: "\"aria-label\":`Example`", replace: "\"aria-label\":`例`", why: "the example picker's accessible name" },
    { find: "(0,V.jsx)(BC,{children:t.accessMode})", replace: "(0,V.jsx)(BC,{children:JA_ACCESS[t.accessMode]??t.accessMode})", why: "read-only / write-only beside a property" },
    { find: "(0,V.jsx)(BC,{children:e.accessMode})", replace: "(0,V.jsx)(BC,{children:JA_ACCESS[e.accessMode]??e.accessMode})", count: 2, why: "read-only / write-only beside a property" },
    { find: "(0,V.jsx)(zC,{children:`deprecated`})", replace: "(0,V.jsx)(zC,{children:`非推奨`})", why: "the deprecated badge" },
    { find: "t.map(e=>e===null?`null`:e).join(` or `):t", replace: "t.map(e=>e===null?`null`:e).join(`、または `):t", why: "a type that is one of several: 「string、または null」" },
    { find: "`${e?.startsWith(`Array`)?`Items `:``}${t===1?`Value:`:`Enum:`}`", replace: "`${e?.startsWith(`Array`)?`項目の`:``}${t===1?`値:`:`列挙値:`}`", why: "the label before a const or an enum's values" },
    { find: "(0,V.jsx)(cE,{label:`Enum:`,values:r})", replace: "(0,V.jsx)(cE,{label:`列挙値:`,values:r})", why: "the label before an enum's values" },
    { find: "(AF,{children:[`Enum`,", replace: "(AF,{children:[`列挙値`,", why: "the label before an enum's values" },
    { find: "\"aria-label\":t??`link to ${e}`", replace: "\"aria-label\":t??`${e} へのリンク`", why: "a deep link's accessible name" },
    {
      // Every deep link (headings, Body, Headers, Responses, each response, each property) passes its label through
      // this one component; ten call sites build "link to ${…}" themselves, so the label is turned round here.
      find: "function hoe({to:e,label:t,variant:n=`heading`}){",
      replace: "function hoe({to:e,label:t,variant:n=`heading`}){t=typeof t==`string`&&t.startsWith(`link to `)?`${t.slice(8)} へのリンク`:t;",
      why: "a deep link's label, \"link to …\"",
    },
    { find: "label:`link to ${e}`,variant:`field`", replace: "label:`${e} へのリンク`,variant:`field`", count: 2, why: "a field's deep link" },
    { find: "icon:d===`icon`?(0,V.jsx)(lC,{}):void 0,\"aria-label\":`Expand all`", replace: "icon:d===`icon`?(0,V.jsx)(lC,{}):void 0,\"aria-label\":`すべて展開`", why: "the code sample's expand button" },
    { find: "label:`link to ${t}`}", replace: "label:`${t} へのリンク`}", why: "a heading's deep link" },
    { find: "placeholder:`Search docs...`", replace: "placeholder:`ドキュメントを検索...`", why: "the search box" },
    { find: "\"aria-label\":`Response status`", replace: "\"aria-label\":`応答の状態`", why: "the status tabs' accessible name" },
    { find: "\"aria-label\":n?`Show sidebar`:`Hide sidebar`", replace: "\"aria-label\":n?`サイドバーを表示`:`サイドバーを非表示`", why: "the sidebar button" },
    { find: "(0,V.jsx)(`p`,{children:`API docs by`})", replace: "(0,V.jsx)(`p`,{children:`API ドキュメント作成:`})", why: "the credit above Redocly's mark" },
    { find: "\"aria-label\":e?`Close navigation menu`:`Open navigation menu`", replace: "\"aria-label\":e?`ナビゲーション メニューを閉じる`:`ナビゲーション メニューを開く`", why: "the menu button" },
  ];
}
