// The docs site in a real browser (Debian's Chromium, driven by playwright-core), served from 127.0.0.1 with every
// request that would leave the machine blocked and counted: there must be none. In CI these tests always run; on a
// machine without Chromium they are skipped with a loud message.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers/spec.js";
import { serveFolder } from "../helpers/static-server.js";
import { NO_OTHER_PROPERTIES } from "../../scripts/docs/layout.js";
import { cutElements, lowContrastLinkButtons, lowContrastMethodLabels, overLanguageSwitch, skippedHeadingLevels, uiStrings, unreachableCode } from "./page-probes.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !process.env.CI) {
  console.warn(`\n⚠️  SKIPPING the docs browser tests: ${CHROMIUM} is missing. Install it: apt-get install -y --no-install-recommends chromium\n`);
}

const SHOTS = join(root, "test-results/screenshots");
// Redoc 3 routes by hash, #/<tag>/<operationId> lower-cased, and gives the operation's block that id.
const OPERATION = "#/remoteassistancepartners/updateremoteassistancepartner";
const SECTION = '[id="remoteassistancepartners/updateremoteassistancepartner"]';

const pages = [
  { lang: "en", path: "/index.html", summary: "Update remoteAssistancePartner", other: { name: "日本語", path: "/ja/index.html" } },
  { lang: "ja", path: "/ja/index.html", summary: "remoteAssistancePartner の更新", other: { name: "English", path: "/index.html" } },
];

describe.skipIf(!hasChromium && !process.env.CI)("the docs site in Chromium", () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveFolder>>;
  const blocked: string[] = [];
  /** Every console error, page error and Content-Security-Policy violation, on any page opened: there must be none. */
  const problems: string[] = [];
  let pagesOpened = 0;

  beforeAll(async () => {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/docs.ts"], { cwd: root, stdio: "ignore" });
    site = await serveFolder(join(root, "docs"));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, { width = 1400, hash = OPERATION } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 1000 }, serviceWorkers: "block" });
    // Every request from the page: loopback goes through, anything else is refused and counted.
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      blocked.push(url.href);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`${path}: console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`${path}: uncaught: ${error.message}`));
    // A violation is reported as an event even where the console stays quiet (report-only, or a refused image).
    await page.exposeFunction("__reportViolation", (text: string) => problems.push(`${path}: CSP violation: ${text}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} refused ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`),
      );
    });
    pagesOpened++;
    await page.goto(`${site.origin}${path}${hash}`, { waitUntil: "load" });
    await page.locator(`[id="${hash.slice(2)}"]`).waitFor({ state: "visible", timeout: 30_000 });
    // The HTML is prerendered and then hydrated; wait until the page is idle and has painted twice since.
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return page;
  }

  /**
   * One page per address, opened once and shared by every check that reads it (a load costs seconds): a check moves
   * it to its width and section, and a page that a check navigated away (a link it followed) is brought back.
   */
  const shared = new Map<string, Page>();
  async function pageAt(path: string, { width = 1400, hash = OPERATION } = {}): Promise<Page> {
    const page = shared.get(path);
    if (!page) {
      const opened = await open(path, { width, hash });
      shared.set(path, opened);
      return opened;
    }
    if (page.viewportSize()?.width !== width) await page.setViewportSize({ width, height: 1000 });
    if (new URL(page.url()).pathname !== path) {
      pagesOpened++;
      await page.goto(`${site.origin}${path}${hash}`, { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
    } else {
      await page.evaluate((target) => {
        if (location.hash !== target) location.hash = target;
      }, hash);
    }
    await page.locator(`[id="${hash.slice(2)}"]`).waitFor({ state: "visible", timeout: 30_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return page;
  }

  for (const { lang, path, summary, other } of pages) {
    describe(`${lang}: ${path}`, () => {
      let page: Page;
      let section: string;
      const shot = join(SHOTS, `docs-${lang}.png`);
      beforeAll(async () => {
        page = await pageAt(path);
        await page.locator(SECTION).getByRole("heading", { level: 2, name: summary }).waitFor({ state: "visible" });
        // On a busy machine the shot could be taken before the fonts and the section had painted (once: 6 kB):
        // the section in view, the fonts loaded, two frames drawn.
        await page.locator(SECTION).scrollIntoViewIfNeeded();
        await page.evaluate(async () => {
          await document.fonts.ready;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        });
        await page.screenshot({ path: shot, animations: "disabled" });
        // Only the update operation's block: the examples also appear under create and get.
        section = await page.locator(SECTION).innerText();
      }, 60_000);

      it("shows the update operation with its summary and path", async () => {
        await expect(page.locator(SECTION).getByRole("heading", { level: 2, name: summary }).isVisible()).resolves.toBe(true);
        expect(section).toContain("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}");
        expect(section).toContain("PATCH");
      });

      it("shows the source document's request and response examples", async () => {
        // Request and response samples: the seed's values, the 7-digit fraction and the -08:00 offset included.
        expect(section).toContain('"Display Name value"');
        expect(section).toContain('"https://example.com/onboardingUrl/"');
        expect(section).toContain('"2016-12-31T23:58:36.6670033-08:00"');
        expect(section).toContain('"7443c8b9-c8b9-7443-b9c8-4374b9c84374"');
        expect(section).toContain('"#microsoft.graph.remoteAssistancePartner"');
      });

      it("shows the onboardingStatus values", async () => {
        for (const value of ["notOnboarded", "onboarding", "onboarded"]) expect(section).toContain(`"${value}"`);
      });

      it("links to the other language, at the same section", async () => {
        const link = page.getByRole("link", { name: other.name, exact: true });
        await expect(link.isVisible()).resolves.toBe(true);
        await link.click();
        await page.waitForURL(`${site.origin}${other.path}${OPERATION}`);
        await page.locator(SECTION).waitFor({ state: "visible" });
        await page.goBack();
      });

      it("renders: a screenshot that is not blank", () => {
        // A blank 1400×1000 page compresses to a few KB; the rendered operation is far larger.
        expect(statSync(shot).size).toBeGreaterThan(40_000);
      });
    });
  }

  const OPERATIONS = [
    "listRemoteAssistancePartners", "createRemoteAssistancePartner", "countRemoteAssistancePartners", "getRemoteAssistancePartner",
    "updateRemoteAssistancePartner", "deleteRemoteAssistancePartner", "beginRemoteAssistancePartnerOnboarding", "disconnectRemoteAssistancePartner",
  ].map((id) => `remoteassistancepartners/${id.toLowerCase()}`);

  for (const { lang, path } of pages) {
    for (const width of [1280, 1400, 1920]) {
      it(`${lang} at ${width} px: no table in any operation's section overflows its column`, async () => {
        const page = await pageAt(path, { width, hash: `#/${OPERATIONS[0]}` });
        try {
          const overflowing: string[] = [];
          let tables = 0;
          for (const section of OPERATIONS) {
            await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
            const block = page.locator(`[id="${section}"]`);
            await block.waitFor({ state: "visible" });
            await block.locator("table").first().waitFor({ state: "attached" });
            const measured = await block.evaluate((element) =>
              [...element.querySelectorAll("table")].map((table) => ({ table: table.scrollWidth, column: table.parentElement!.clientWidth })),
            );
            tables += measured.length;
            for (const m of measured) if (m.table > m.column) overflowing.push(`${section}: ${m.table} px in ${m.column} px`);
          }
          expect(tables).toBeGreaterThanOrEqual(OPERATIONS.length);
          expect(overflowing).toEqual([]);
        } finally {
          await page.keyboard.press("Escape");
        }
      }, 60_000);
    }
  }

  const bodies = [
    { lang: "en", path: "/index.html", body: "Body", responses: "Responses", refused: "Package rule: this package refuses id, @odata.context and any property not listed below", writable: "The display name of the partner; a string, or null to clear it." },
    { lang: "ja", path: "/ja/index.html", body: "本文", responses: "応答", refused: "本パッケージの規則: 本パッケージは、id、@odata.context、以下に記載されていないプロパティを", writable: "パートナーの表示名。文字列を指定します。消去するには null を指定します。" },
  ];
  for (const { lang, path, body, responses, refused, writable } of bodies) {
    it(`${lang}: the PATCH and POST body panels show each writable property's own text, say what is refused and end with "no other properties"`, async () => {
      const page = await pageAt(path);
      try {
        for (const section of [OPERATIONS[4]!, OPERATIONS[1]!]) {
          await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
          const block = page.locator(`[id="${section}"]`);
          await block.waitFor({ state: "visible" });
          // The section may still be drawing its panels when it first shows (a shared page moved here by its hash).
          await expect.poll(() => block.innerText(), { timeout: 10_000 }).toContain(`${body}\napplication/json`);
          const text = await block.innerText();
          // The request part of the section: from its body to its responses.
          const start = text.indexOf(`${body}\napplication/json`);
          const request = text.slice(start, text.indexOf(responses, start));
          // Refusing id is this package's rule, not Graph's: said as such, in both languages.
          expect(request).toContain(refused);
          for (const name of ["displayName", "onboardingUrl", "onboardingStatus", "lastConnectionDateTime"]) expect(request).toContain(name);
          if (section === OPERATIONS[4]) expect(request).toContain(writable);
          // Review item 13: the list is closed, and says so after its last property, as this package's rule; the
          // responses' bodies are not closed and carry no such row.
          const marker = NO_OTHER_PROPERTIES[lang as "en" | "ja"];
          expect(request).toContain(`${marker.name}\n`);
          expect(request).toContain(marker.description.replaceAll("`", ""));
          expect(request.indexOf(marker.name)).toBeGreaterThan(request.indexOf("lastConnectionDateTime"));
          expect(text.slice(text.indexOf(responses, start))).not.toContain(marker.name);
          // Read-only properties are not offered as body properties ("id any" was shown before).
          expect(request).not.toMatch(/^id\n/m);
          expect(request).not.toMatch(/^@odata\.context\n/m);
        }
      } finally {
        await page.keyboard.press("Escape");
      }
    });
  }

  it("beta: marked as beta with Microsoft's warning, shows the settings singleton and the partner's beta property, links to v1.0", async () => {
    const page = await pageAt("/beta/index.html", { hash: "#/remoteassistancesettings/updateremoteassistancesettings" });
    try {
      await expect(page.locator(".beta-badge").innerText()).resolves.toBe("BETA");
      const section = await page.locator('[id="remoteassistancesettings/updateremoteassistancesettings"]').innerText();
      expect(section).toContain("/deviceManagement/remoteAssistanceSettings");
      expect(section).toContain("PATCH");
      for (const name of ["remoteAssistanceState", "allowSessionsToUnenrolledDevices", "blockChat"]) expect(section).toContain(name);
      await page.evaluate(() => (location.hash = "#/remoteassistancepartners/getremoteassistancepartner"));
      await page.locator('[id="remoteassistancepartners/getremoteassistancepartner"]').waitFor({ state: "visible" });
      expect(await page.locator('[id="remoteassistancepartners/getremoteassistancepartner"]').innerText()).toContain("onboardingRequestExpiryDateTime");
      // The overview, where Redoc shows the description, carries Microsoft's warning.
      await page.goto(`${site.origin}/beta/index.html`);
      await page.getByText(/APIs under the \/beta version in Microsoft Graph are subject to change/).first().waitFor({ state: "visible" });
      await page.getByRole("link", { name: "v1.0", exact: true }).click();
      await page.waitForURL(`${site.origin}/index.html`);
    } finally {
      await page.keyboard.press("Escape");
    }
  });

  it("v1.0 pages link to beta", async () => {
    const page = await pageAt("/index.html");
    try {
      await page.getByRole("link", { name: "beta", exact: true }).click();
      await page.waitForURL(new RegExp(`^${site.origin}/beta/index.html(#.*)?$`));
    } finally {
      await page.keyboard.press("Escape");
    }
  });

  it("search finds an operation, its index built without a Worker (the page refuses eval)", async () => {
    const page = await pageAt("/index.html");
    try {
      await page.getByText("Search Ctrl+K").click();
      await page.keyboard.type("disconnect");
      const hit = page.getByTestId("search-dialog").locator("a").filter({ hasText: "POST" }).filter({ hasText: "/disconnect" });
      await hit.first().waitFor({ state: "visible", timeout: 10_000 });
    } finally {
      await page.keyboard.press("Escape");
    }
  });

  it("credits Redocly with a logo drawn locally, not a broken image", async () => {
    const page = await pageAt("/index.html");
    try {
      const logo = page.getByRole("img", { name: "redocly logo" });
      await logo.waitFor({ state: "visible" });
      const { src, width } = await logo.evaluate((img: HTMLImageElement) => ({ src: img.src, width: img.naturalWidth }));
      expect(src.startsWith("data:image/svg+xml,")).toBe(true);
      expect(width).toBeGreaterThan(0);
    } finally {
      await page.keyboard.press("Escape");
    }
  });

  // Words that may stay in Latin letters on /ja/: identifiers of the API (every string and name in the Japanese
  // bundle: properties, paths, scopes, examples), HTTP methods and status classes, and product names.
  const jaBundle = readFileSync(join(root, "generated/openapi.ja.json"), "utf8");
  const IDENTIFIERS = new Set([...jaBundle.matchAll(/[A-Za-z][A-Za-z0-9]*/g)].map(([w]) => w));
  for (const word of ["GET", "POST", "PATCH", "DELETE", "Ctrl", "Redocly", "XX", "curl", "TypeScript", "HTTP"]) IDENTIFIERS.add(word);
  // …except Redoc's own English UI words, which the bundle's JSON also happens to contain (as keywords, say).
  for (const word of ["Request", "Responses", "Response", "Body", "required", "Example", "Examples", "Enum", "Value", "Path", "Query", "Headers", "Security", "Search", "Copy", "Expand", "Payload", "Overview", "License", "Servers", "Scopes", "Operations", "only", "read", "or"]) IDENTIFIERS.delete(word);
  IDENTIFIERS.add("null"); // a JSON value in a type: 「string、または null」

  it("ja: every UI string on /ja/ is Japanese (identifiers of the API aside), in every operation", async () => {
    const page = await pageAt("/ja/index.html", { hash: `#/${OPERATIONS[0]}` });
    try {
      const english = new Set<string>();
      for (const section of OPERATIONS) {
        await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
        await page.locator(`[id="${section}"]`).waitFor({ state: "visible" });
        for (const text of await page.evaluate(uiStrings)) {
          const words = [...text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)].map(([w]) => w).filter((w) => /[A-Za-z]{2}/.test(w));
          if (words.some((w) => !IDENTIFIERS.has(w))) english.add(text);
        }
      }
      console.log(`docs /ja/: ${english.size} English UI strings`);
      expect([...english]).toEqual([]);
    } finally {
      await page.keyboard.press("Escape");
    }
  }, 60_000);

  const JAPANESE_SEARCH: [string, string][] = [
    ["更新", "remoteAssistancePartner の更新"],
    ["削除", "remoteAssistancePartner の削除"],
    ["取得", "remoteAssistancePartner の取得"],
    ["作成", "remoteAssistancePartner の作成"],
    ["一覧", "remoteAssistancePartners の一覧表示"],
    ["件数", "remoteAssistancePartners の件数の取得"],
    ["オンボーディング", "beginOnboarding アクション"],
    ["コネクタ", "disconnect アクション"],
  ];
  it("ja: search finds every operation by its Japanese words", async () => {
    const page = await pageAt("/ja/index.html");
    try {
      const missed: string[] = [];
      for (const [query, summary] of JAPANESE_SEARCH) {
        await page.getByTestId("search-trigger").click();
        const dialog = page.getByTestId("search-dialog");
        await dialog.locator("input").fill(query);
        const hit = dialog.locator("a").filter({ hasText: summary });
        await hit.first().waitFor({ state: "visible", timeout: 5_000 }).catch(() => missed.push(`${query} → ${summary}`));
        await page.keyboard.press("Escape");
      }
      console.log(`docs /ja/ search: ${JAPANESE_SEARCH.length - missed.length} of ${JAPANESE_SEARCH.length} operations found by a Japanese word`);
      expect(missed).toEqual([]);
    } finally {
      await page.keyboard.press("Escape");
    }
  }, 60_000);

  // Review layout item 12: snippets glued words together ("disconnectactions", 「中心はremoteAssi」). Every result's
  // snippet must stand in the bundle's text as it is (words separated as there; a line break between Japanese
  // characters is no gap), and where it was cut ("...") it must be cut between words: at a space or punctuation, or
  // where Japanese meets a Latin word, never inside an English word or a run of kana and kanji.
  const SNIPPETS = [
    { lang: "en", path: "/index.html", bundle: "generated/openapi.json", queries: ["actions", "connector", "refuses", "permissions", "onboarding"] },
    { lang: "ja", path: "/ja/index.html", bundle: "generated/openapi.ja.json", queries: ["中心", "本パッケージ", "コンマ", "アクセス許可", "オンボーディング"] },
  ];
  const JAPANESE = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆";
  /** What a reader sees of a Markdown text: markup gone, a line break between Japanese characters no gap, white space one space. */
  const plain = (text: string) =>
    text
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/`|\*\*/g, "")
      // A list item or table cell starts: a gap even between Japanese sentences, as on the page.
      .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "|")
      .replace(new RegExp(`(?<=[${JAPANESE}、。「」『』（）・])[ \\t]*\\n\\s*(?=[${JAPANESE}、。「」『』（）・])`, "gu"), "")
      .replace(/\||:?-{3,}:?/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const insideWord = (before: string, after: string) =>
    (/[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after)) || (new RegExp(`[${JAPANESE}]`, "u").test(before) && new RegExp(`[${JAPANESE}]`, "u").test(after));
  for (const { lang, path, bundle, queries } of SNIPPETS) {
    it(`${lang}: search result snippets keep the words as the text has them and are cut between words`, async () => {
      const strings: string[] = [];
      JSON.parse(readFileSync(join(root, bundle), "utf8"), (key, value) => (strings.push(plain(key)), typeof value === "string" && strings.push(plain(value)), value));
      const page = await pageAt(path);
      const problems: string[] = [];
      let snippets = 0;
      try {
        for (const query of queries) {
          await page.getByTestId("search-trigger").click();
          const dialog = page.getByTestId("search-dialog");
          await dialog.locator("input").fill(query);
          const items = dialog.locator('[data-component-name="Search/SearchItem"]');
          await items.first().waitFor({ state: "visible", timeout: 10_000 });
          const texts = await items.evaluateAll((links) => links.flatMap((a) => [...a.querySelectorAll("div > span")].map((span) => span.textContent ?? "")).filter((t) => t.length > 20));
          await page.keyboard.press("Escape");
          for (const text of texts) {
            snippets++;
            const cutBefore = text.startsWith("...");
            const cutAfter = text.endsWith("...");
            const core = text.replace(/^\.\.\.|\.\.\.$/g, "").replace(/\s+/g, " ").trim();
            let found = false;
            let cleanly = false;
            for (const source of strings) {
              for (let at = source.indexOf(core); at !== -1; at = source.indexOf(core, at + 1)) {
                found = true;
                const end = at + core.length;
                if ((!cutBefore || !insideWord(source[at - 1] ?? " ", source[at] ?? " ")) && (!cutAfter || !insideWord(source[end - 1] ?? " ", source[end] ?? " "))) cleanly = true;
              }
            }
            if (!found) problems.push(`${query}: not in the text as written: ${text}`);
            else if (!cleanly) problems.push(`${query}: cut inside a word: ${text}`);
          }
        }
      } finally {
        await page.keyboard.press("Escape");
      }
      console.log(`docs ${path} search: ${snippets} snippets, ${problems.length} with glued words or cut inside a word`);
      expect(snippets).toBeGreaterThanOrEqual(queries.length);
      expect(problems).toEqual([]);
    }, 60_000);
  }

  for (const { lang, path } of pages) {
    it(`${lang}: nothing in any operation is cut with an ellipsis or overflows its box, at 1280, 1400 and 1920 px`, async () => {
      const page = await pageAt(path, { width: 1280, hash: `#/${OPERATIONS[0]}` });
      try {
        const cut: string[] = [];
        for (const width of [1280, 1400, 1920]) {
          await page.setViewportSize({ width, height: 1000 });
          for (const section of OPERATIONS) {
            await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
            await page.locator(`[id="${section}"]`).waitFor({ state: "visible" });
            for (const found of await page.evaluate(cutElements, `[id="${section}"]`)) cut.push(`${width} px: ${found}`);
          }
        }
        console.log(`docs ${path}: ${cut.length} elements cut`);
        expect(cut).toEqual([]);
      } finally {
        await page.keyboard.press("Escape");
      }
    }, 90_000);
  }

  for (const { lang, path } of pages) {
    it(`${lang}: every HTTP method label, in the sidebar and in each operation, is at WCAG AA contrast (4.5:1)`, async () => {
      const page = await pageAt(path, { hash: `#/${OPERATIONS[0]}` });
      let labels = 0;
      const low = new Set<string>();
      for (const section of OPERATIONS) {
        await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
        await page.locator(`[id="${section}"]`).waitFor({ state: "visible" });
        const found = await page.evaluate(lowContrastMethodLabels);
        labels += found.checked;
        for (const label of found.low) low.add(label);
      }
      console.log(`docs ${path}: ${labels} method labels measured, ${low.size} below 4.5:1`);
      // The sidebar lists the eight operations, and each section shows its own method.
      expect(labels).toBeGreaterThanOrEqual(OPERATIONS.length * 2);
      expect([...low]).toEqual([]);
    });

    it(`${lang}: "View security details" and every other link-styled button, in each operation, is at WCAG AA contrast (4.5:1)`, async () => {
      const page = await pageAt(path, { hash: `#/${OPERATIONS[0]}` });
      let buttons = 0;
      const low = new Set<string>();
      for (const section of OPERATIONS) {
        await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
        await page.locator(`[id="${section}"]`).waitFor({ state: "visible" });
        const found = await page.evaluate(lowContrastLinkButtons);
        buttons += found.checked;
        for (const label of found.low) low.add(label);
      }
      console.log(`docs ${path}: ${buttons} link buttons measured, ${low.size} below 4.5:1`);
      // Every operation has its security box with the button.
      expect(buttons).toBeGreaterThanOrEqual(OPERATIONS.length);
      expect([...low]).toEqual([]);
    });

    it(`${lang}: the language switch covers nothing, at the overview and an operation, at 1280 and 1400 px`, async () => {
      const page = await pageAt(path, { hash: `#/${OPERATIONS[0]}` });
      const covered: string[] = [];
      try {
        for (const width of [1280, 1400]) {
          await page.setViewportSize({ width, height: 1000 });
          for (const hash of ["#/", `#/${OPERATIONS[4]}`]) {
            await page.evaluate((target) => (location.hash = target), hash);
            if (hash !== "#/") await page.locator(`[id="${hash.slice(2)}"]`).waitFor({ state: "visible" });
            await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
            await page.evaluate(() => scrollTo(0, 0));
            for (const found of await page.evaluate(overLanguageSwitch)) covered.push(`${width} px ${hash}: ${found}`);
          }
        }
      } finally {
        await page.setViewportSize({ width: 1400, height: 1000 });
      }
      expect(covered).toEqual([]);
    });

    it(`${lang}: every code sample wider than its box scrolls to its end (the -08:00 of the examples), at 1280 and 1400 px`, async () => {
      const page = await pageAt(path, { hash: `#/${OPERATIONS[0]}` });
      let wide = 0;
      const cut: string[] = [];
      try {
        for (const width of [1280, 1400]) {
          await page.setViewportSize({ width, height: 1000 });
          for (const section of OPERATIONS) {
            await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
            await page.locator(`[id="${section}"]`).waitFor({ state: "visible" });
            const found = await page.evaluate(unreachableCode, `[id="${section}"]`);
            wide += found.wide;
            for (const c of found.cut) cut.push(`${width} px ${section}: ${c}`);
          }
        }
      } finally {
        await page.setViewportSize({ width: 1400, height: 1000 });
      }
      console.log(`docs ${path}: ${wide} code blocks wider than their box, ${cut.length} that cannot be scrolled to their end`);
      // The update's example request is wider than the right panel at these widths.
      expect(wide).toBeGreaterThan(0);
      expect(cut).toEqual([]);
    }, 60_000);

    it(`${lang}: headings go down one level at a time (no H2 → H4), in every operation`, async () => {
      const page = await pageAt(path, { hash: `#/${OPERATIONS[0]}` });
      let headings = 0;
      const skips = new Set<string>();
      for (const section of OPERATIONS) {
        await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
        await page.locator(`[id="${section}"]`).waitFor({ state: "visible" });
        const found = await page.evaluate(skippedHeadingLevels);
        headings = Math.max(headings, found.headings);
        for (const skip of found.skips) skips.add(skip);
      }
      console.log(`docs ${path}: ${headings} headings, ${skips.size} skipped levels`);
      expect(headings).toBeGreaterThanOrEqual(OPERATIONS.length * 2);
      expect([...skips]).toEqual([]);
    });

    it(`${lang}: the sidebar's links, read from a page opened without a hash, open this page at their section in a new tab`, async () => {
      const page = await pageAt(path);
      const context = page.context();
      const fresh = await context.newPage();
      const tab = await context.newPage();
      for (const opened of [fresh, tab]) opened.on("pageerror", (error) => problems.push(`${path} (new tab): uncaught: ${error.message}`));
      try {
        pagesOpened += 2;
        await fresh.goto(`${site.origin}${path}`, { waitUntil: "load" });
        await fresh.waitForLoadState("networkidle");
        const links = fresh.locator('[data-component-name="Menu/MenuItem"] a[href]');
        await links.first().waitFor({ state: "attached" });
        const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
        // The overview and the tag at least; each one this very page at a hash route (not "/" or "/remoteassistancepartners").
        expect(hrefs.length).toBeGreaterThanOrEqual(2);
        expect(hrefs.filter((href) => new URL(href).pathname !== path || !new URL(href).hash.startsWith("#/"))).toEqual([]);
        const tagLink = hrefs.find((href) => new URL(href).hash === "#/remoteassistancepartners");
        expect(tagLink).toBeDefined();
        const response = await tab.goto(tagLink!, { waitUntil: "load" });
        expect(response?.status()).toBe(200);
        await tab.locator('[id="remoteassistancepartners"]').waitFor({ state: "visible", timeout: 30_000 });
      } finally {
        await fresh.close();
        await tab.close();
      }
    });
  }

  it("sent no request anywhere but 127.0.0.1, and logged no error or policy violation", () => {
    // Both pages really were opened (a failed setup must not pass this vacuously).
    expect(pagesOpened).toBeGreaterThanOrEqual(2);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    console.log(`docs: ${pagesOpened} page loads, ${blocked.length} requests left 127.0.0.1, ${problems.length} console errors or CSP violations`);
  });
});
