// Edits of the Redoc bundle, on every page, so that nothing a reader needs is cut: Redoc's Tag component shortens
// its text to a maximum length with "..." (scope names became "DeviceManagementServiceConfig.Re...", so Read.All and
// ReadWrite.All looked the same). The template's CSS lets the text wrap instead.
import type { Edit } from "./bundle-patch.ts";

export function layoutEdits(): Edit[] {
  return [
    {
      find: "let v=(e,t)=>e.length<=t?e:e.slice(0,t)+`...`",
      replace: "let v=(e,t)=>e",
      why: "Redoc's Tag shortening its text (scope names, paths) with an ellipsis",
    },
  ];
}
