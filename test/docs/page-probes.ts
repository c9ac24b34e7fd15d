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

/**
 * Every visible HTTP method label (GET, POST, PATCH, DELETE, PUT, in the sidebar and the sections) whose text is below
 * WCAG AA's 4.5:1 against the background it is drawn on (the nearest ancestor that paints one, over white).
 */
export function lowContrastMethodLabels(): { checked: number; low: string[] } {
  const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number) as number[];
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  const over = (top: number[], under: number[]) => {
    const a = top[3] ?? 1;
    return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a));
  };
  let checked = 0;
  const low: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>("body *")) {
    if (el.children.length || !/^(get|post|patch|delete|put)$/i.test(el.textContent!.trim()) || !el.getClientRects().length) continue;
    if (el.closest("pre, code, [data-component-name='Markdown/Markdown']")) continue;
    // The backgrounds from the page up to the label, composed in order.
    const layers: number[][] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if ((bg[3] ?? 1) > 0) layers.unshift(bg);
    }
    const background = layers.reduce((under, top) => over(top, under), [255, 255, 255]);
    const color = over(parse(getComputedStyle(el).color), background);
    const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
    const ratio = (light + 0.05) / (dark + 0.05);
    checked++;
    if (ratio < 4.5) low.push(`${el.textContent!.trim()} rgb(${color.map(Math.round).join(", ")}) on rgb(${background.map(Math.round).join(", ")}): ${ratio.toFixed(2)}:1`);
  }
  return { checked, low };
}

/** Headings in document order whose level is more than one below the heading before it (H2 then H4). */
export function skippedHeadingLevels(): { headings: number; skips: string[] } {
  const all = [...document.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6")].filter((h) => h.getClientRects().length);
  const skips: string[] = [];
  all.forEach((h, i) => {
    const level = Number(h.tagName[1]);
    const before = i ? Number(all[i - 1]!.tagName[1]) : 1;
    if (level > before + 1) skips.push(`${all[i - 1]!.tagName} "${all[i - 1]!.textContent!.trim().slice(0, 40)}" → ${h.tagName} "${h.textContent!.trim().slice(0, 40)}"`);
  });
  return { headings: all.length, skips };
}

/**
 * Every visible button drawn as a link ("View security details" and the like) whose text is below WCAG AA's 4.5:1
 * against the background it sits on (Redoc's link blue on its panel grey was 3.8:1).
 */
export function lowContrastLinkButtons(): { checked: number; low: string[] } {
  const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number) as number[];
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  const over = (top: number[], under: number[]) => {
    const a = top[3] ?? 1;
    return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a));
  };
  let checked = 0;
  const low: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('[data-component-name="Button/Button"].button-variant-link')) {
    if (!el.getClientRects().length || !el.textContent!.trim()) continue;
    const layers: number[][] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if ((bg[3] ?? 1) > 0) layers.unshift(bg);
    }
    const background = layers.reduce((under, top) => over(top, under), [255, 255, 255]);
    const color = over(parse(getComputedStyle(el).color), background);
    const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
    const ratio = (light + 0.05) / (dark + 0.05);
    checked++;
    if (ratio < 4.5) low.push(`"${el.textContent!.trim()}" rgb(${color.map(Math.round).join(", ")}) on rgb(${background.map(Math.round).join(", ")}): ${ratio.toFixed(2)}:1`);
  }
  return { checked, low };
}

/** Visible elements, outside the language switch, drawn over it (it was fixed and covered the overview's panel). */
export function overLanguageSwitch(): string[] {
  const nav = document.querySelector("nav.language-switch");
  if (!nav) return ["no language switch on the page"];
  const box = nav.getBoundingClientRect();
  const found: string[] = [];
  for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
    if (nav.contains(el) || el.contains(nav) || /^(SCRIPT|STYLE|NOSCRIPT)$/.test(el.tagName)) continue;
    if (getComputedStyle(el).visibility === "hidden") continue;
    // The part of the element that is drawn: its box cut by every ancestor that clips (the sidebar scrolls its list).
    const r = el.getBoundingClientRect();
    let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const c = a.getBoundingClientRect();
      [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
    }
    if (right <= left || bottom <= top) continue;
    if (left < box.right && right > box.left && top < box.bottom && bottom > box.top) {
      found.push(`<${el.tagName.toLowerCase()}> ${(el.textContent ?? "").trim().slice(0, 40)} at ${Math.round(r.left)},${Math.round(r.top)}`);
    }
  }
  return found;
}

/**
 * Code blocks whose text is wider than their box and cannot be scrolled to its end (request examples were cut at the
 * right edge: "-08:00" showed as "-08:0"). Each one is scrolled to the end and back.
 */
export function unreachableCode(selector: string): { wide: number; cut: string[] } {
  let wide = 0;
  const cut: string[] = [];
  for (const pre of document.querySelectorAll<HTMLElement>(`${selector} pre`)) {
    if (!pre.getClientRects().length || pre.scrollWidth <= pre.clientWidth + 1) continue;
    wide++;
    const style = getComputedStyle(pre);
    pre.scrollLeft = pre.scrollWidth;
    const reached = pre.scrollLeft + pre.clientWidth >= pre.scrollWidth - 1;
    pre.scrollLeft = 0;
    if (!/auto|scroll/.test(style.overflowX) || style.scrollbarWidth === "none" || !reached) {
      cut.push(`${(pre.textContent ?? "").trim().slice(0, 50)}: ${pre.scrollWidth} px in ${pre.clientWidth} px, overflow-x ${style.overflowX}, scrollbar ${style.scrollbarWidth}`);
    }
  }
  return { wide, cut };
}
