// Build-time edits of the Redoc bundle that `redocly build-docs --inlineBundle` writes into each page. Every edit
// names what it expects to find and how often: a Redoc upgrade that changes the code fails the build here, loudly,
// rather than shipping a page that is silently English again (or a search that is silently broken).

export interface Edit {
  /** Exact text in the page as Redocly writes it. */
  find: string;
  replace: string;
  /** How many times `find` must occur; default 1. */
  count?: number;
  /** Why the edit exists, shown when it no longer applies. */
  why: string;
}

export function applyEdits(html: string, edits: readonly Edit[], page: string): string {
  let out = html;
  const problems: string[] = [];
  for (const edit of edits) {
    const found = out.split(edit.find).length - 1;
    const expected = edit.count ?? 1;
    if (found !== expected) {
      problems.push(`  ${JSON.stringify(edit.find.slice(0, 80))}: found ${found}, expected ${expected} (${edit.why})`);
      continue;
    }
    out = out.replaceAll(edit.find, edit.replace);
  }
  if (problems.length) throw new Error(`${page}: ${problems.length} edit(s) of the Redoc bundle no longer apply; Redoc changed:\n${problems.join("\n")}`);
  return out;
}
