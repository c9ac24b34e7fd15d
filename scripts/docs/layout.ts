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
  ];
}
