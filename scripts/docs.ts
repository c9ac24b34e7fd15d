// `npm run docs`: the docs site, English at docs/index.html, Japanese at docs/ja/index.html and beta (English) at
// docs/beta/index.html, each built by Redocly
// from its bundle with the Redoc script inlined (no CDN), so the pages work with no network at all.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { redocly } from "./redocly.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const pages = [
  {
    bundle: "generated/openapi.json",
    output: "docs/index.html",
    title: "remoteAssistancePartner API (Microsoft Graph v1.0)",
    options: { lang: "en", otherLang: "ja", otherHref: "ja/index.html", otherName: "日本語", switchLabel: "Language", versionHref: "beta/index.html", versionName: "beta" },
  },
  {
    bundle: "generated/openapi.ja.json",
    output: "docs/ja/index.html",
    title: "remoteAssistancePartner API (Microsoft Graph v1.0) 日本語",
    options: { lang: "ja", otherLang: "en", otherHref: "../index.html", otherName: "English", switchLabel: "言語", versionHref: "../beta/index.html", versionName: "beta (English)" },
  },
  {
    // Beta in English only: Microsoft's beta reference is English, and beta may change under any translation.
    bundle: "generated/beta/openapi.json",
    output: "docs/beta/index.html",
    title: "remoteAssistancePartner API (Microsoft Graph beta)",
    options: { lang: "en", otherLang: "ja", otherHref: "../ja/index.html", otherName: "日本語 (v1.0)", switchLabel: "Version and language", versionHref: "../index.html", versionName: "v1.0", beta: "true" },
  },
];

const started = performance.now();
for (const page of pages) {
  mkdirSync(join(root, dirname(page.output)), { recursive: true });
  const templateOptions = Object.entries(page.options).map(([key, value]) => `--templateOptions.${key}=${value}`);
  redocly(["build-docs", page.bundle, "--inlineBundle", "--template", "scripts/docs/template.hbs", "--title", page.title, "--output", page.output, ...templateOptions], {
    capture: true,
    quiet: true,
  });
  localiseAttribution(join(root, page.output));
  console.log(`wrote ${page.output} (${(statSync(join(root, page.output)).size / 1024).toFixed(0)} KiB)`);
}
console.log(`docs built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/**
 * Redoc's sidebar credits Redocly with a logo it loads from Redocly's CDN, which the page's Content-Security-Policy
 * refuses: a console error and a broken image on every load. The credit stays, drawn locally as a small SVG
 * wordmark. A Redoc release that moves the logo elsewhere fails the build here rather than the page in a browser.
 */
function localiseAttribution(file: string): void {
  const html = readFileSync(file, "utf8");
  const logos = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g;
  if (!logos.test(html)) throw new Error(`${file}: Redoc's attribution logo was not found; check the docs in a browser for requests to other hosts`);
  const local = html.replace(logos, (_, full?: string) => wordmark(full ? "Redocly" : "R"));
  writeFileSync(file, local);
}

function wordmark(text: string): string {
  const width = 12 + text.length * 9;
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='20' viewBox='0 0 ${width} 20'><text x='0' y='15' font-family='system-ui,sans-serif' font-size='15' font-weight='600' fill='%23dc2d2d'>${text}</text></svg>`;
  return `data:image/svg+xml,${svg.replaceAll("<", "%3C").replaceAll(">", "%3E").replaceAll(" ", "%20")}`;
}
