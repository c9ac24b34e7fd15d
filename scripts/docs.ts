// `npm run docs`: the docs site, English at docs/index.html, Japanese at docs/ja/index.html and beta (English) at
// docs/beta/index.html, each built by Redocly from its bundle (with the request samples of scripts/docs/samples.ts)
// with the Redoc script inlined (no CDN), so the pages work with no network at all. The inlined script is then
// edited where Redoc offers no option: Japanese UI words on /ja/ (scripts/docs/ja-ui.ts) and a search index that
// reads Japanese (scripts/docs/search.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { localiseAttribution } from "./docs/attribution.ts";
import { applyEdits } from "./docs/bundle-patch.ts";
import { jaUiEdits } from "./docs/ja-ui.ts";
import { closedBodyEdits, hashRoutedLinks, layoutEdits } from "./docs/layout.ts";
import { docsBundle, PAGES } from "./docs/pages.ts";
import { searchEdits } from "./docs/search.ts";
import { redocly } from "./redocly.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "ra-docs-"));

const started = performance.now();
try {
  for (const page of PAGES) {
    const output = join(root, page.output);
    mkdirSync(dirname(output), { recursive: true });
    const bundle = join(work, `${page.lang}-${page.samples ? "v1" : "beta"}.json`);
    writeFileSync(bundle, JSON.stringify(docsBundle(JSON.parse(readFileSync(join(root, page.bundle), "utf8")), page)));
    const templateOptions = Object.entries(page.options).map(([key, value]) => `--templateOptions.${key}=${value}`);
    redocly(["build-docs", bundle, "--inlineBundle", "--template", "scripts/docs/template.hbs", "--title", page.title, "--output", output, ...templateOptions], {
      capture: true,
      quiet: true,
    });
    const edits = [...searchEdits(), ...layoutEdits(), ...closedBodyEdits(page.lang), ...(page.lang === "ja" ? jaUiEdits() : [])];
    writeFileSync(output, hashRoutedLinks(applyEdits(localiseAttribution(readFileSync(output, "utf8"), page.output), edits, page.output), page.output));
    console.log(`wrote ${page.output} (${(statSync(output).size / 1024).toFixed(0)} KiB)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`docs built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
