// The three pages of the docs site and what each one's Redoc bundle needs changed.
import { codeSamples } from "./samples.ts";

export interface PageSpec {
  bundle: string;
  output: string;
  title: string;
  lang: "en" | "ja";
  /** Redoc shows `title (version)`: the version is the contract's, not Graph's, so it says so. */
  versionLabel: string;
  /** v1.0 pages carry the request samples; beta's base URL and singleton are not in them. */
  samples: boolean;
  options: Record<string, string>;
}

export const PAGES: PageSpec[] = [
  {
    bundle: "generated/openapi.json",
    output: "docs/index.html",
    title: "remoteAssistancePartner API (Microsoft Graph v1.0)",
    lang: "en",
    versionLabel: "contract",
    samples: true,
    options: { lang: "en", otherLang: "ja", otherHref: "ja/index.html", otherName: "日本語", switchLabel: "Language", versionHref: "beta/index.html", versionName: "beta" },
  },
  {
    bundle: "generated/openapi.ja.json",
    output: "docs/ja/index.html",
    title: "remoteAssistancePartner API (Microsoft Graph v1.0) 日本語",
    lang: "ja",
    versionLabel: "コントラクト",
    samples: true,
    options: { lang: "ja", otherLang: "en", otherHref: "../index.html", otherName: "English", switchLabel: "言語", versionHref: "../beta/index.html", versionName: "beta (英語)" },
  },
  {
    // Beta in English only: Microsoft's beta reference is English, and beta may change under any translation.
    bundle: "generated/beta/openapi.json",
    output: "docs/beta/index.html",
    title: "remoteAssistancePartner API (Microsoft Graph beta)",
    lang: "en",
    versionLabel: "contract",
    samples: false,
    options: { lang: "en", otherLang: "ja", otherHref: "../ja/index.html", otherName: "日本語 (v1.0)", switchLabel: "Version and language", versionHref: "../index.html", versionName: "v1.0", beta: "true" },
  },
];

type Json = Record<string, any>;

/** The bundle as the page shows it: the contract's version labelled, and each operation's request samples. */
export function docsBundle(bundle: Json, page: PageSpec): Json {
  const copy = structuredClone(bundle);
  copy.info.version = `${page.versionLabel} ${copy.info.version}`;
  if (!page.samples) return copy;
  for (const item of Object.values(copy.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (method === "parameters") continue;
      operation["x-codeSamples"] = codeSamples(operation.operationId);
    }
  }
  return copy;
}
