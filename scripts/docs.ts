// `npm run docs`: the docs site, English at docs/index.html and Japanese at docs/ja/index.html, each built by Redocly
// from its bundle with the Redoc script inlined (no CDN), so the pages work with no network at all.
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const pages = [
  {
    bundle: "generated/openapi.json",
    output: "docs/index.html",
    title: "remoteAssistancePartner API (Microsoft Graph v1.0)",
    options: { lang: "en", otherLang: "ja", otherHref: "ja/index.html", otherName: "日本語", switchLabel: "Language" },
  },
  {
    bundle: "generated/openapi.ja.json",
    output: "docs/ja/index.html",
    title: "remoteAssistancePartner API (Microsoft Graph v1.0) 日本語",
    options: { lang: "ja", otherLang: "en", otherHref: "../index.html", otherName: "English", switchLabel: "言語" },
  },
];

const started = performance.now();
for (const page of pages) {
  mkdirSync(join(root, dirname(page.output)), { recursive: true });
  const templateOptions = Object.entries(page.options).map(([key, value]) => `--templateOptions.${key}=${value}`);
  execFileSync(
    join(root, "node_modules/.bin/redocly"),
    ["build-docs", page.bundle, "--inlineBundle", "--template", "scripts/docs/template.hbs", "--title", page.title, "--output", page.output, ...templateOptions],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  );
  console.log(`wrote ${page.output} (${(statSync(join(root, page.output)).size / 1024).toFixed(0)} KiB)`);
}
console.log(`docs built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
