// What every client of this package is made of, whatever contract it speaks (v1.0, beta): options resolved once
// (./options.ts), one call pipeline (./pipeline.ts), the contract's checks, and the partner's operations, each a row
// of ./operations.ts and a few lines here. An entry point gives it its contract (default base URL, validators, types)
// and adds what only that contract has: v1.0 its raw client, beta the settings too.
import { ContractViolationError } from "../errors.js";
import { contractChecks, type ContractChecks, type ContractValidators } from "./contract-checks.js";
import { COLLECTION, OPERATIONS, operationUrl, type Operation } from "./operations.js";
import { resolveOptions, type RemoteAssistanceClientOptions, type ResolvedOptions } from "./options.js";
import { createPipeline, type Pipeline, type Received } from "./pipeline.js";

export interface CallOptions {
  /** Aborts the call, token wait, retries and waits included; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface ListAllOptions extends CallOptions {
  /** Stop with an error rather than follow more than this many pages (a positive whole number). Default 1000. */
  maxPages?: number;
}

/** The types of one contract, as its client speaks them. */
export interface ContractTypes {
  partner: object;
  update: object;
  create: object;
  collection: { value: unknown[]; "@odata.nextLink"?: string | null };
  listQuery: object;
  countQuery: object;
  getQuery: object;
}

/** The operations a contract's generated `operations` type must have, for TypesOf to read their query options. */
interface PartnerOperations {
  listRemoteAssistancePartners: { parameters: { query?: object } };
  countRemoteAssistancePartners: { parameters: { query?: object } };
  getRemoteAssistancePartner: { parameters: { query?: object } };
}

/** A contract's ContractTypes, from its generated `operations` and its partner types. */
export interface TypesOf<Ops extends PartnerOperations, Partner extends object, Update extends object, Create extends object, Page extends ContractTypes["collection"]> {
  partner: Partner;
  update: Update;
  create: Create;
  collection: Page;
  listQuery: NonNullable<Ops["listRemoteAssistancePartners"]["parameters"]["query"]>;
  countQuery: NonNullable<Ops["countRemoteAssistancePartners"]["parameters"]["query"]>;
  getQuery: NonNullable<Ops["getRemoteAssistancePartner"]["parameters"]["query"]>;
}

export interface RemoteAssistancePartnerMethods<T extends ContractTypes> {
  /** One page; follow `@odata.nextLink` yourself, or use listAll. */
  list(query?: T["listQuery"], options?: CallOptions): Promise<T["collection"]>;
  /** Every partner, page after page, following `@odata.nextLink` (same origin and base path only, never twice). */
  listAll(query?: T["listQuery"], options?: ListAllOptions): AsyncIterableIterator<T["partner"]>;
  count(query?: T["countQuery"], options?: CallOptions): Promise<number>;
  get(id: string, query?: T["getQuery"], options?: CallOptions): Promise<T["partner"]>;
  create(partner: T["create"], options?: CallOptions): Promise<T["partner"]>;
  /** Resolves to the updated partner on 200, to `undefined` on 204 (both are success). */
  update(id: string, patch: T["update"], options?: CallOptions): Promise<T["partner"] | undefined>;
  delete(id: string, options?: CallOptions & { ifMatch?: string }): Promise<void>;
  beginOnboarding(id: string, options?: CallOptions): Promise<void>;
  disconnect(id: string, options?: CallOptions): Promise<void>;
}

export interface Contract {
  defaultBaseUrl: string;
  /** The contract's validators, imported on first use. */
  loadValidators: () => Promise<ContractValidators>;
}

/** A client's working parts, for its entry point to build its methods with. */
export interface ClientCore {
  options: ResolvedOptions;
  pipeline: Pipeline;
  checks: ContractChecks;
  /** One call of `operation` to `url` (built, and a bad id or query refused, before anything is sent). */
  send(operation: Operation, url: string, callOptions: CallOptions | undefined, body?: string): Promise<Received>;
  /** The same, building the URL from an id and a query. */
  call(operation: Operation, callOptions: CallOptions | undefined, id?: unknown, query?: unknown): Promise<Received>;
}

export function clientCore(contract: Contract, clientOptions: RemoteAssistanceClientOptions): ClientCore {
  const options = resolveOptions(clientOptions, contract.defaultBaseUrl);
  const pipeline = createPipeline(options);
  const send: ClientCore["send"] = (operation, url, callOptions, body) =>
    pipeline({ method: operation.method, url, body, headers: callOptions?.headers, signal: callOptions?.signal });
  return {
    options,
    pipeline,
    checks: contractChecks(options.checkRequests, options.checkResponses, contract.loadValidators),
    send,
    call: (operation, callOptions, id, query) => send(operation, operationUrl(options.baseUrl, operation, id, query), callOptions),
  };
}

export function partnerMethods<T extends ContractTypes>({ options, pipeline, checks, send, call }: ClientCore): RemoteAssistancePartnerMethods<T> {
  type Partner = T["partner"];
  const list = async (query?: T["listQuery"], callOptions?: CallOptions) => (await checks.page(await call(OPERATIONS.list, callOptions, undefined, query))) as T["collection"];
  return {
    list,
    listAll: (query, listOptions) => listAll<T>(options, pipeline, (r) => checks.page(r) as Promise<T["collection"]>, list, query, listOptions),
    count: async (query, callOptions) => checks.count(await call(OPERATIONS.count, callOptions, undefined, query)),
    get: async (id, query, callOptions) => (await checks.partner(await call(OPERATIONS.get, callOptions, id, query), "a partner")) as Partner,
    async create(partner, callOptions) {
      const url = operationUrl(options.baseUrl, OPERATIONS.create);
      return (await checks.partner(await send(OPERATIONS.create, url, callOptions, await checks.body("create", partner)), "a created partner")) as Partner;
    },
    async update(id, patch, callOptions) {
      const url = operationUrl(options.baseUrl, OPERATIONS.update, id); // a bad id is refused before the body is looked at
      const body = checks.body("update", patch);
      const received = await send(OPERATIONS.update, url, callOptions, typeof body === "string" ? body : await body);
      // 204, or a 200 with an empty body: success without the partner, as the official SDKs report it.
      return received.text === "" ? undefined : (checks.partner(received, "an updated partner") as Partner | Promise<Partner>);
    },
    async delete(id, callOptions) {
      const headers = callOptions?.ifMatch === undefined ? callOptions?.headers : { ...callOptions.headers, "If-Match": callOptions.ifMatch };
      await call(OPERATIONS.delete, { ...callOptions, headers }, id);
    },
    beginOnboarding: async (id, callOptions) => void (await call(OPERATIONS.beginOnboarding, callOptions, id)),
    disconnect: async (id, callOptions) => void (await call(OPERATIONS.disconnect, callOptions, id)),
  };
}

async function* listAll<T extends ContractTypes>(
  options: ResolvedOptions,
  pipeline: Pipeline,
  page: (received: Received) => Promise<T["collection"]>,
  list: (query?: T["listQuery"], callOptions?: CallOptions) => Promise<T["collection"]>,
  query: T["listQuery"] | undefined,
  listOptions: ListAllOptions | undefined,
): AsyncIterableIterator<T["partner"]> {
  const maxPages = listOptions?.maxPages ?? 1000;
  if (!Number.isSafeInteger(maxPages) || maxPages < 1) throw new TypeError(`listAll: maxPages must be a whole number ≥ 1, got ${String(maxPages)}`);
  // A service that hands back a link already followed (the first page's included) would be followed until maxPages.
  const followed = new Set([new URL(operationUrl(options.baseUrl, OPERATIONS.list, undefined, query)).href]);
  let current = await list(query, listOptions);
  for (let pages = 1; ; pages++) {
    yield* current.value as T["partner"][];
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
