// Every TypeScript block in README.md, CONTRIBUTING.md and docs/*.md compiles against the package as it is now.
// Each ```ts block becomes a module in a scratch folder inside the project (so node_modules resolves), whose
// imports of "remote-assistance-contract…" are mapped by `paths` to src/entries (and generated/ for the JSON
// entries), and one TypeScript program type-checks them all. A block may declare what it needs with `declare const`;
// a block marked ```ts nocheck is skipped (use sparingly). A canary block with a known error proves the check bites.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const documents = () => ["README.md", "CONTRIBUTING.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];

interface Block {
  document: string;
  /** 1-based line of the block's first code line in its document. */
  line: number;
  code: string;
}

/** The ```ts / ```typescript blocks of a Markdown text, without those marked `nocheck`. */
function tsBlocks(document: string, text: string): { checked: Block[]; skipped: number } {
  const checked: Block[] = [];
  let skipped = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)\b(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence)) end++;
    if (/\bnocheck\b/.test(open[4]!)) skipped++;
    else checked.push({ document, line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return { checked, skipped };
}

const ENTRIES: Record<string, string> = {
  "remote-assistance-contract": "src/entries/index.ts",
  "remote-assistance-contract/client": "src/entries/client.ts",
  "remote-assistance-contract/validators": "src/entries/validators.ts",
  "remote-assistance-contract/beta": "src/entries/beta.ts",
  "remote-assistance-contract/beta/validators": "src/entries/beta-validators.ts",
  "remote-assistance-contract/testing": "src/entries/testing.ts",
  "remote-assistance-contract/types": "src/entries/types.ts",
  "remote-assistance-contract/openapi.json": "generated/openapi.json",
  "remote-assistance-contract/openapi.ja.json": "generated/openapi.ja.json",
  "remote-assistance-contract/beta/openapi.json": "generated/beta/openapi.json",
};

const CANARY = `const n: number = "not a number";\nexport {};`;

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
  types: ["node"],
  baseUrl: root,
  paths: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, [path]])),
};

// Everything is read and written in hooks, never while the file is collected (a throw there fails no test).
describe("code blocks in README.md and docs/*.md", () => {
  let work = "";
  let blocks: Block[] = [];
  const files = new Map<string, Block>();
  let canary = "";

  beforeAll(() => {
    mkdirSync(join(root, ".scratch"), { recursive: true });
    work = mkdtempSync(join(root, ".scratch", "docs-md-"));
    blocks = documents().flatMap((document) => tsBlocks(document, readFileSync(join(root, document), "utf8")).checked);
    blocks.forEach((block, n) => {
      const name = join(work, `${block.document.replace(/[/.]/g, "_")}_${block.line}_${n}.ts`);
      // A block without import or export would be a script sharing one global scope with the others.
      const code = /^\s*(import|export)\s/m.test(block.code) ? block.code : `${block.code}\nexport {};`;
      writeFileSync(name, code);
      files.set(name, block);
    });
    canary = join(work, "canary.ts");
    writeFileSync(canary, CANARY);
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("finds the blocks (README.md has some)", () => {
    expect(blocks.filter((b) => b.document === "README.md").length).toBeGreaterThan(0);
  });

  it("every block type-checks, and the canary does not", { timeout: 120_000 }, () => {
    const program = ts.createProgram([...files.keys(), canary], options);
    const diagnostics = ts.getPreEmitDiagnostics(program);
    const inCanary = diagnostics.filter((d) => d.file?.fileName === canary);
    expect(inCanary.map((d) => d.code)).toEqual([2322]);
    const problems = diagnostics
      .filter((d) => d.file?.fileName !== canary)
      .map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
        const block = d.file ? files.get(d.file.fileName) : undefined;
        if (!d.file || d.start === undefined) return message;
        const { line } = d.file.getLineAndCharacterOfPosition(d.start);
        return block ? `${block.document}:${block.line + line}: ${message}` : `${relative(root, d.file.fileName)}:${line + 1}: ${message}`;
      });
    expect(problems).toEqual([]);
  });
});

describe("README.md", () => {
  it("stays short (≤ 250 lines) and opens with the two commands", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme.trimEnd().split("\n").length).toBeLessThanOrEqual(250);
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(firstBlock).toMatch(/^npm ci && npm start .*\nnpm ci && npm test .*\n$/);
    expect(readme.indexOf("```sh")).toBeLessThan(readme.indexOf("\n## "));
  });
});
