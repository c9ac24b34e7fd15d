// What the browser tests measure inside a docs page, as functions run in the page (page.evaluate): they must stay
// self-contained. Each returns a list of findings; a test expects it to be empty and prints its length.

/** Every UI string outside descriptions and code: text nodes and accessible names, with the element they sit in. */
export function uiStrings(): string[] {
  const out: string[] = [];
  const skip = (el: Element) => el.closest('pre, code, script, style, [data-component-name="Markdown/Markdown"], [lang="en"]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    const parent = node.parentElement;
    if (text && parent && !skip(parent) && parent.getClientRects().length) out.push(text);
  }
  for (const el of document.querySelectorAll("[aria-label], [placeholder], [title]")) {
    if (skip(el)) continue;
    for (const name of ["aria-label", "placeholder", "title"]) {
      const value = el.getAttribute(name);
      if (value) out.push(value);
    }
  }
  return out;
}

/** Elements whose text is cut: an ellipsis drawn by CSS or written into the text, or content wider than its box. */
export function cutElements(selector: string): string[] {
  const found: string[] = [];
  for (const section of document.querySelectorAll(selector)) {
    for (const el of section.querySelectorAll<HTMLElement>("*")) {
      if (!el.getClientRects().length || el.closest("pre")) continue;
      const style = getComputedStyle(el);
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim();
      const label = `${section.id} <${el.tagName.toLowerCase()}> ${(own || el.textContent || "").trim().slice(0, 60)}`;
      if (/\.\.\.$|…$/.test(own)) found.push(`${label}: shortened with an ellipsis`);
      else if (style.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 1) found.push(`${label}: cut by text-overflow`);
      else if (own && style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) found.push(`${label}: ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
  }
  return found;
}
