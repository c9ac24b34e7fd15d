// listAll: every item of a list, page after page, following `@odata.nextLink` (Graph's server-driven paging,
// learn.microsoft.com/graph/paging) only where the token may go: the client's origin and the collection's path. Memory
// stays bounded whatever the links are like: a next link has a length limit, and the links already followed are
// remembered by a 64-bit fingerprint, not kept whole.
import { ContractViolationError, failedCall } from "../core/errors.js";

/** The longest next link followed. Graph's are a few hundred characters (a $skiptoken and the request's query). */
export const MAX_NEXT_LINK_CHARS = 16 * 1024;

export interface Paging<Page extends { value: unknown[]; "@odata.nextLink"?: string | null }> {
  /** The list operation every page is a call of: a refused next link names the call whose page gave it. */
  operationId: string;
  /** The first page's URL, as the first call sends it. */
  firstUrl: string;
  first: () => Promise<Page>;
  next: (url: string) => Promise<Page>;
  origin: string;
  /** Where next links must point: the base path and the collection's path. */
  collectionPath: string;
  maxPages: number;
}

export async function* pages<Page extends { value: unknown[]; "@odata.nextLink"?: string | null }>(paging: Paging<Page>): AsyncGenerator<Page> {
  const { maxPages } = paging;
  if (!Number.isSafeInteger(maxPages) || maxPages < 1) throw new TypeError(`listAll: maxPages must be a whole number ≥ 1, got ${String(maxPages)}`);
  // A service that hands back a link already followed (the first page's included) would be followed until maxPages.
  const followed = new Set([fingerprint(new URL(paging.firstUrl).href)]);
  let current = await paging.first();
  let pageUrl = paging.firstUrl;
  for (let count = 1; ; count++) {
    yield current;
    const link = current["@odata.nextLink"];
    if (!link) return;
    const target = nextLinkTarget(link, paging.origin, paging.collectionPath);
    if (typeof target === "string") throw refused(target, pageUrl, paging.operationId);
    const url = target.href;
    const seen = fingerprint(url);
    if (followed.has(seen)) throw refused("repeats a link already followed: the pages go round in a cycle", pageUrl, paging.operationId);
    if (count >= maxPages) throw new RangeError(`listAll: stopped after maxPages (${maxPages}) pages; more remain`);
    followed.add(seen);
    current = await paging.next(url);
    pageUrl = url;
  }
}

/** A refused next link, naming the call whose page gave it. */
function refused(message: string, pageUrl: string, operationId: string): ContractViolationError {
  const error = new ContractViolationError("response", [{ path: "/@odata.nextLink", message }], "The list page");
  error.call = failedCall(operationId, "GET", pageUrl);
  return error;
}

/**
 * The next link's URL, or why it is refused: too long, or leaving the client's origin and collection path (the
 * token would follow it).
 */
function nextLinkTarget(nextLink: string, origin: string, collectionPath: string): URL | string {
  if (typeof nextLink !== "string") return "must be a string";
  if (nextLink.length > MAX_NEXT_LINK_CHARS) return `is ${nextLink.length} characters long, over the ${MAX_NEXT_LINK_CHARS} the client follows`;
  let url: URL;
  try {
    url = new URL(nextLink);
  } catch {
    return "must be an absolute URL";
  }
  if (url.username || url.password) return "must not carry user info (not quoted); not followed";
  if (url.origin !== origin || url.pathname !== collectionPath) {
    return `must stay on ${origin}${collectionPath}; refusing to send the token to ${url.origin}${url.pathname}`;
  }
  return url;
}

/** Two 32-bit FNV-1a hashes of the text, with different offsets: a 64-bit key, collisions out of reach in 1,000 pages. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}
