// Edits of the Redoc bundle, on every page, so that nothing a reader needs is cut: Redoc's Tag component shortens
// its text to a maximum length with "..." (scope names became "DeviceManagementServiceConfig.Re...", so Read.All and
// ReadWrite.All looked the same). The template's CSS lets the text wrap instead. The scopes of a security requirement
// are drawn by another component (a chip that cuts at 32 characters, 24 in the security dialog, with the whole name
// only in a hover tooltip, and a 16rem nowrap box with text-overflow: ellipsis): the chip shows the whole name, with a
// <wbr> after each "." so that a long name wraps between its parts (DeviceManagementServiceConfig.|ReadWrite.|All)
// and never inside a word, and its box wraps instead of cutting.
import type { Edit } from "./bundle-patch.ts";

export function layoutEdits(): Edit[] {
  return [
    {
      find: "let v=(e,t)=>e.length<=t?e:e.slice(0,t)+`...`",
      replace: "let v=(e,t)=>e",
      why: "Redoc's Tag shortening its text (scope names, paths) with an ellipsis",
    },
    {
      find: "function Hde(e,t){return pF(e,t)?`${e.slice(0,t)}...`:e}",
      replace: "function Hde(e,t){return typeof e!=`string`?e:e.split(`.`).flatMap((p,i,a)=>i<a.length-1?[p+`.`,(0,V.jsx)(`wbr`,{},i)]:[p])}",
      why: "Redoc's scope chip cutting a scope name to 32 characters with \"...\"",
    },
    {
      find: "s=n??(pF(e,t)?e:void 0)",
      replace: "s=n",
      why: "the scope chip's tooltip, there only to show the name it cut (a \"+2 more\" chip keeps its own)",
    },
    {
      find: "var gF=L.span`\n  display: inline-flex;\n  font-family: var(--font-family-base);\n  overflow: hidden;\n  text-overflow: ellipsis;\n  white-space: nowrap;\n  max-width: 16rem;",
      replace: "var gF=L.span`\n  display: inline;\n  font-family: var(--font-family-base);\n  overflow: visible;\n  white-space: normal;\n  overflow-wrap: break-word;\n  max-width: 100%;",
      why: "the scope chip's box: one line of at most 16rem, cut with text-overflow: ellipsis",
    },
    // Headings in order (WCAG 1.3.1): an operation is an H2, and Redoc drew its Request / Responses as H4 and the
    // parameter groups (Path, Query, Headers) as H5, skipping H3. One level up each, in the same styles as before.
    {
      find: "case 4:return(0,V.jsx)(Rxe,{$inline:_,children:e})",
      replace: "case 4:return(0,V.jsx)(Rxe,{as:`h3`,$inline:_,children:e})",
      why: "an operation's Request and Responses headings, drawn as H4 under the operation's H2",
    },
    { find: ",nwe=L.h5`", replace: ",nwe=L.h4`", why: "a parameter group's heading (Path, Query, Headers), H5" },
  ];
}

/**
 * The marker that closes a body's property list, in the page's language. It names no property: beta's settings
 * update lists `id`, the partner's bodies refuse it (their descriptions say so).
 */
export const NO_OTHER_PROPERTIES = {
  en: { name: "No other properties (package rule)", description: "This package refuses a body with any property not listed above before the request is sent." },
  ja: { name: "これ以外のプロパティは送信できません (本パッケージの規則)", description: "本パッケージは、上記以外のプロパティを含む本文を、要求を送信する前に拒否します。" },
} as const;

/**
 * A closed body (additionalProperties: false: the create and update bodies) shows it (review item 13): Redoc draws a
 * row for additional properties when they are allowed and nothing when they are refused, so the reader saw a list
 * with no sign that it is complete. The list now ends with a row that says so, in the page's language.
 */
export function closedBodyEdits(lang: "en" | "ja"): Edit[] {
  const { name, description } = NO_OTHER_PROPERTIES[lang];
  return [
    {
      find: "else l===!0&&(r[`property name*`]=jN({},i,{isAdditionalProperty:!0},`${n}/additionalProperties`))",
      replace: `else l===!0?(r[\`property name*\`]=jN({},i,{isAdditionalProperty:!0},\`\${n}/additionalProperties\`)):l===!1&&(r[${JSON.stringify(name)}]=jN({type:\`\`,description:${JSON.stringify(description)},"x-no-other-properties":!0},i,{},\`\${n}/additionalProperties\`))`,
      why: "a schema's property list: a row for allowed additional properties, nothing for refused ones",
    },
  ];
}

/**
 * Sidebar links that work in a new tab. Redocly prerenders the page with a path router, so the sidebar's overview and
 * tag links are written as href="/" and href="/remoteassistancepartners"; in the browser Redoc routes by the hash and
 * hydration keeps the prerendered attributes, so "open in new tab" (or a reader without JavaScript) got the site's
 * root or a 404. They are written as the hash links the page itself routes by (#/, #/remoteassistancepartners).
 */
export function hashRoutedLinks(html: string, page: string): string {
  let found = 0;
  const out = html.replace(/(<a class="[^"]*" href=")\/([^"#]*)(" data-discover="true">)/g, (_, before: string, path: string, after: string) => {
    found++;
    return `${before}#/${path}${after}`;
  });
  // The overview and at least one tag: fewer means Redocly changed how it writes the sidebar.
  if (found < 2) throw new Error(`${page}: ${found} prerendered sidebar link(s) with a path href; expected the overview and each tag. Redocly changed.`);
  return out;
}
