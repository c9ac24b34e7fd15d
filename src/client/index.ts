// The high-level client: one method per operation, each resolving to the typed result or throwing. Options are
// resolved once (./options.ts), every call goes through one pipeline (./pipeline.ts), each operation is a row of
// ./operations.ts and a few lines here.
import type { Client } from "openapi-fetch";
import { ContractViolationError } from "../errors.js";
import type {
  RemoteAssistancePartner,
  RemoteAssistancePartnerCollection,
  RemoteAssistancePartnerCreate,
  RemoteAssistancePartnerUpdate,
  operations,
  paths,
} from "../types.js";
import { contractChecks } from "./contract-checks.js";
import { COLLECTION, OPERATIONS, operationUrl, type Operation } from "./operations.js";
import { resolveOptions, type RemoteAssistanceClientOptions, type ResolvedOptions } from "./options.js";
import { createPipeline, type Received } from "./pipeline.js";
import { createRawClient } from "./raw.js";

export { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, type FetchLike, type RemoteAssistanceClientOptions, type ValidationMode } from "./options.js";

export interface CallOptions {
  /** Aborts the call, token wait, retries and waits included; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export type ListQuery = NonNullable<operations["listRemoteAssistancePartners"]["parameters"]["query"]>;
export type CountQuery = NonNullable<operations["countRemoteAssistancePartners"]["parameters"]["query"]>;
export type GetQuery = NonNullable<operations["getRemoteAssistancePartner"]["parameters"]["query"]>;

export interface ListAllOptions extends CallOptions {
  /** Stop with an error rather than follow more than this many pages (a positive whole number). Default 1000. */
  maxPages?: number;
}

export interface RemoteAssistanceClient {
  /** One page; follow `@odata.nextLink` yourself, or use listAll. */
  list(query?: ListQuery, options?: CallOptions): Promise<RemoteAssistancePartnerCollection>;
  /** Every partner, page after page, following `@odata.nextLink` (same origin and base path only, never twice). */
  listAll(query?: ListQuery, options?: ListAllOptions): AsyncIterableIterator<RemoteAssistancePartner>;
  count(query?: CountQuery, options?: CallOptions): Promise<number>;
  get(id: string, query?: GetQuery, options?: CallOptions): Promise<RemoteAssistancePartner>;
  create(partner: RemoteAssistancePartnerCreate, options?: CallOptions): Promise<RemoteAssistancePartner>;
  /** Resolves to the updated partner on 200, to `undefined` on 204 (both are success). */
  update(id: string, patch: RemoteAssistancePartnerUpdate, options?: CallOptions): Promise<RemoteAssistancePartner | undefined>;
  delete(id: string, options?: CallOptions & { ifMatch?: string }): Promise<void>;
  beginOnboarding(id: string, options?: CallOptions): Promise<void>;
  disconnect(id: string, options?: CallOptions): Promise<void>;
  /** The typed openapi-fetch client with the same auth, retry and redirect rules: `{ data, error, response }`. */
  raw: Client<paths>;
}

export function createRemoteAssistanceClient(clientOptions: RemoteAssistanceClientOptions): RemoteAssistanceClient {
  const options = resolveOptions(clientOptions);
  const pipeline = createPipeline(options);
  const checks = contractChecks(options.checkRequests, options.checkResponses);
  /** One call of `operation`; its URL is built (and a bad id or query refused) before anything is sent. */
  const send = (operation: Operation, url: string, callOptions: CallOptions | undefined, body?: string): Promise<Received> =>
    pipeline({ method: operation.method, url, body, headers: callOptions?.headers, signal: callOptions?.signal });
  const call = (operation: Operation, callOptions: CallOptions | undefined, id?: unknown, query?: unknown): Promise<Received> =>
    send(operation, operationUrl(options.baseUrl, operation, id, query), callOptions);

  const list = async (query?: ListQuery, callOptions?: CallOptions) => checks.page(await call(OPERATIONS.list, callOptions, undefined, query));

  return {
    list,
    listAll: (query, listOptions) => listAll(options, pipeline, checks.page, list, query, listOptions),
    count: async (query, callOptions) => checks.count(await call(OPERATIONS.count, callOptions, undefined, query)),
    get: async (id, query, callOptions) => checks.partner(await call(OPERATIONS.get, callOptions, id, query), "a partner"),
    async create(partner, callOptions) {
      const url = operationUrl(options.baseUrl, OPERATIONS.create);
      return checks.partner(await send(OPERATIONS.create, url, callOptions, await checks.body("create", partner)), "a created partner");
    },
    async update(id, patch, callOptions) {
      const url = operationUrl(options.baseUrl, OPERATIONS.update, id); // a bad id is refused before the body is looked at
      const received = await send(OPERATIONS.update, url, callOptions, await checks.body("update", patch));
      // 204, or a 200 with an empty body: success without the partner, as the official SDKs report it.
      return received.text === "" ? undefined : checks.partner(received, "an updated partner");
    },
    async delete(id, callOptions) {
      const headers = callOptions?.ifMatch === undefined ? callOptions?.headers : { ...callOptions.headers, "If-Match": callOptions.ifMatch };
      await call(OPERATIONS.delete, { ...callOptions, headers }, id);
    },
    beginOnboarding: async (id, callOptions) => void (await call(OPERATIONS.beginOnboarding, callOptions, id)),
    disconnect: async (id, callOptions) => void (await call(OPERATIONS.disconnect, callOptions, id)),
    raw: createRawClient(options),
  };
}

async function* listAll(
  options: ResolvedOptions,
  pipeline: ReturnType<typeof createPipeline>,
  page: (received: Received) => RemoteAssistancePartnerCollection | Promise<RemoteAssistancePartnerCollection>,
  list: (query?: ListQuery, callOptions?: CallOptions) => Promise<RemoteAssistancePartnerCollection>,
  query: ListQuery | undefined,
  listOptions: ListAllOptions | undefined,
): AsyncIterableIterator<RemoteAssistancePartner> {
  const maxPages = listOptions?.maxPages ?? 1000;
  if (!Number.isSafeInteger(maxPages) || maxPages < 1) throw new TypeError(`listAll: maxPages must be a whole number ≥ 1, got ${String(maxPages)}`);
  // A service that hands back a link already followed (the first page's included) would be followed until maxPages.
  const followed = new Set([new URL(operationUrl(options.baseUrl, OPERATIONS.list, undefined, query)).href]);
  let current = await list(query, listOptions);
  for (let pages = 1; ; pages++) {
    yield* current.value;
    const next = current["@odata.nextLink"];
    if (!next) return;
    const url = checkedNextLink(next, options.base);
    if (followed.has(url)) throw new ContractViolationError("response", [{ path: "/@odata.nextLink", message: `repeats a link already followed (${url}): the pages go round in a cycle` }], "The list page");
    if (pages >= maxPages) throw new RangeError(`listAll: stopped after maxPages (${maxPages}) pages; more remain`);
    followed.add(url);
    const received = await pipeline({ method: "GET", url, headers: listOptions?.headers, signal: listOptions?.signal });
    current = await page(received);
  }
}

/** A next link, refused when it leaves the client's origin and collection path (the token would follow it). */
function checkedNextLink(nextLink: string, base: URL): string {
  let url: URL;
  try {
    url = new URL(nextLink);
  } catch {
    throw new ContractViolationError("response", [{ path: "/@odata.nextLink", message: "must be an absolute URL" }], "The list page");
  }
  const expectedPath = `${base.pathname.replace(/\/+$/, "")}${COLLECTION}`;
  if (url.origin !== base.origin || url.pathname !== expectedPath) {
    throw new ContractViolationError(
      "response",
      [{ path: "/@odata.nextLink", message: `must stay on ${base.origin}${expectedPath}; refusing to send the token to ${url.origin}${url.pathname}` }],
      "The list page",
    );
  }
  return url.href;
}
