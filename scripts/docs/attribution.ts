// Redoc's sidebar credits Redocly with a logo it loads from Redocly's CDN, which the page's Content-Security-Policy
// refuses: a console error and a broken image on every load. The credit stays, drawn locally as a small SVG
// wordmark. A Redoc release that moves the logo elsewhere fails the build here rather than the page in a browser.

export function localiseAttribution(html: string, page: string): string {
  const logos = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g;
  if (!logos.test(html)) throw new Error(`${page}: Redoc's attribution logo was not found; check the docs in a browser for requests to other hosts`);
  return html.replace(logos, (_, full?: string) => wordmark(full ? "Redocly" : "R"));
}

function wordmark(text: string): string {
  const width = 12 + text.length * 9;
  // #b91c1c rather than Redocly's #dc2d2d: 6.5:1 on white, above WCAG AA's 4.5:1 for text.
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='20' viewBox='0 0 ${width} 20'><text x='0' y='15' font-family='system-ui,sans-serif' font-size='15' font-weight='600' fill='%23b91c1c'>${text}</text></svg>`;
  return `data:image/svg+xml,${svg.replaceAll("<", "%3C").replaceAll(">", "%3E").replaceAll(" ", "%20")}`;
}
