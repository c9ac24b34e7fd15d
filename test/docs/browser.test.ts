// The docs site in a real browser (Debian's Chromium, driven by playwright-core), served from 127.0.0.1 with every
// request that would leave the machine blocked and counted: there must be none. In CI these tests always run; on a
// machine without Chromium they are skipped with a loud message.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers/spec.js";
import { serveFolder } from "../helpers/static-server.js";

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

  for (const { lang, path, summary, other } of pages) {
    describe(`${lang}: ${path}`, () => {
      let page: Page;
      let section: string;
      const shot = join(SHOTS, `docs-${lang}.png`);
      beforeAll(async () => {
        page = await open(path);
        await page.locator(SECTION).getByRole("heading", { level: 2, name: summary }).waitFor({ state: "visible" });
        await page.screenshot({ path: shot, animations: "disabled" });
        // Only the update operation's block: the examples also appear under create and get.
        section = await page.locator(SECTION).innerText();
      }, 60_000);
      afterAll(() => page?.context().close());

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

      it("links to the other language", async () => {
        const link = page.getByRole("link", { name: other.name, exact: true });
        await expect(link.isVisible()).resolves.toBe(true);
        await link.click();
        await page.waitForURL(`${site.origin}${other.path}`);
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
        const page = await open(path, { width, hash: `#/${OPERATIONS[0]}` });
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
          await page.context().close();
        }
      }, 60_000);
    }
  }

  const bodies = [
    { lang: "en", path: "/index.html", refused: "Refused: id and @odata.context", writable: "The display name of the partner; a string, or null to clear it." },
    { lang: "ja", path: "/ja/index.html", refused: "拒否されるもの: id と @odata.context", writable: "パートナーの表示名。文字列、または消去する場合は null。" },
  ];
  for (const { lang, path, refused, writable } of bodies) {
    it(`${lang}: the PATCH and POST body panels show each writable property's own text and say what is refused`, async () => {
      const page = await open(path);
      try {
        for (const section of [OPERATIONS[4]!, OPERATIONS[1]!]) {
          await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
          const block = page.locator(`[id="${section}"]`);
          await block.waitFor({ state: "visible" });
          const text = await block.innerText();
          // The request part of the section: from its body to its responses.
          const request = text.slice(text.indexOf("Body"), text.indexOf("Responses"));
          expect(request).toContain(section === OPERATIONS[4] ? refused : refused.replace(" と @odata.context", "").replace(" and @odata.context", ""));
          for (const name of ["displayName", "onboardingUrl", "onboardingStatus", "lastConnectionDateTime"]) expect(request).toContain(name);
          if (section === OPERATIONS[4]) expect(request).toContain(writable);
          // Read-only properties are not offered as body properties ("id any" was shown before).
          expect(request).not.toMatch(/^id\n/m);
          expect(request).not.toMatch(/^@odata\.context\n/m);
        }
      } finally {
        await page.context().close();
      }
    });
  }

  it("beta: marked as beta with Microsoft's warning, shows the settings singleton and the partner's beta property, links to v1.0", async () => {
    const page = await open("/beta/index.html", { hash: "#/remoteassistancesettings/updateremoteassistancesettings" });
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
      await page.context().close();
    }
  });

  it("v1.0 pages link to beta", async () => {
    const page = await open("/index.html");
    try {
      await page.getByRole("link", { name: "beta", exact: true }).click();
      await page.waitForURL(`${site.origin}/beta/index.html`);
    } finally {
      await page.context().close();
    }
  });

  it("search finds an operation, its index built without a Worker (the page refuses eval)", async () => {
    const page = await open("/index.html");
    try {
      await page.getByText("Search Ctrl+K").click();
      await page.keyboard.type("disconnect");
      const hit = page.getByTestId("search-dialog").locator("a").filter({ hasText: "POST" }).filter({ hasText: "/disconnect" });
      await hit.first().waitFor({ state: "visible", timeout: 10_000 });
    } finally {
      await page.context().close();
    }
  });

  it("credits Redocly with a logo drawn locally, not a broken image", async () => {
    const page = await open("/index.html");
    try {
      const logo = page.getByRole("img", { name: "redocly logo" });
      await logo.waitFor({ state: "visible" });
      const { src, width } = await logo.evaluate((img: HTMLImageElement) => ({ src: img.src, width: img.naturalWidth }));
      expect(src.startsWith("data:image/svg+xml,")).toBe(true);
      expect(width).toBeGreaterThan(0);
    } finally {
      await page.context().close();
    }
  });

  it("sent no request anywhere but 127.0.0.1, and logged no error or policy violation", () => {
    // Both pages really were opened (a failed setup must not pass this vacuously).
    expect(pagesOpened).toBeGreaterThanOrEqual(2);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    console.log(`docs: ${pagesOpened} page loads, ${blocked.length} requests left 127.0.0.1, ${problems.length} console errors or CSP violations`);
  });
});
