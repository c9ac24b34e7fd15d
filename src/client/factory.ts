// What every client of this package is made of, whatever contract it speaks (v1.0, beta): options resolved once
// (./options.ts), one call pipeline (./pipeline.ts) watched by telemetry (./telemetry.ts), the contract's checks,
// and the partner's operations, each a row of ./operations.ts and a few lines here. An entry point gives it its
// contract (API version, validators, types) and adds what only that contract or entry has: raw, the settings.
import { ContractViolationError } from "../errors.js";
import { contractChecks, type ContractChecks } from "./contract-checks.js";
import { COLLECTION, OPERATIONS, operationUrl, type Operation } from "./operations.js";
import { resolveOptions, type ContractDefaults, type RemoteAssistanceClientOptions, type ResolvedOptions } from "./options.js";
import { createPipeline, type Received } from "./pipeline.js";
import { watchCall } from "./telemetry.js";

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

/** A client's working parts, for its entry point to build its methods with. */
export interface ClientCore {
  options: ResolvedOptions;
  checks: ContractChecks;
  /**
   * One call of `operation` to `url`, its response read by `interpret` (which may throw: the call then failed, and
   * telemetry says so). Reported to onCallEnd and traced, when either is there.
   */
  send<T>(operation: Operation, url: string, callOptions: CallOptions | undefined, body: string | undefined, interpret: (received: Received) => T | Promise<T>): Promise<T>;
  /** The same, building the URL from an id and a query (a bad one refused before anything is sent). */
  call<T>(operation: Operation, callOptions: CallOptions | undefined, id: unknown, query: unknown, interpret: (received: Received) => T | Promise<T>): Promise<T>;
}

export function clientCore(contract: ContractDefaults, clientOptions: RemoteAssistanceClientOptions): ClientCore {
  const options = resolveOptions(clientOptions, contract);
  const pipeline = createPipeline(options);
  const send: ClientCore["send"] = async (operation, url, callOptions, body, interpret) => {
    const request = { method: operation.method, url, body, headers: callOptions?.headers, signal: callOptions?.signal };
    const watched = watchCall(options.onCallEnd, options.tracing, operation, url, options.basePath);
    // Without a hook or a tracer provider, a call is the pipeline and nothing else.
    if (!watched) return interpret(await pipeline(request));
    try {
      const result = await watched.run(async () => interpret(await pipeline({ ...request, progress: watched.progress })));
      watched.end();
      return result;
    } catch (error) {
      watched.end(error);
      throw error;
    }
  };
  return {
    options,
    checks: contractChecks(options.checkRequests, options.checkResponses, options.loadValidators),
    send,
    call: async (operation, callOptions, id, query, interpret) => send(operation, operationUrl(options.baseUrl, operation, id, query), callOptions, undefined, interpret),
  };
}

const nothing = () => undefined;

export function partnerMethods<T extends ContractTypes>({ options, checks, send, call }: ClientCore): RemoteAssistancePartnerMethods<T> {
  type Partner = T["partner"];
  const page = (received: Received) => checks.page(received) as T["collection"] | Promise<T["collection"]>;
  const partner = (received: Received, what: string) => checks.object(received, what, "validateRemoteAssistancePartner") as Partner | Promise<Partner>;
  const list = (query?: T["listQuery"], callOptions?: CallOptions) => call(OPERATIONS.list, callOptions, undefined, query, page);
  return {
    list,
    listAll: (query, listOptions) => listAll<T>(options, (url) => send(OPERATIONS.list, url, listOptions, undefined, page), list, query, listOptions),
    count: (query, callOptions) => call(OPERATIONS.count, callOptions, undefined, query, checks.count),
    get: (id, query, callOptions) => call(OPERATIONS.get, callOptions, id, query, (r) => partner(r, "a partner")),
    async create(body, callOptions) {
      const url = operationUrl(options.baseUrl, OPERATIONS.create);
      const text = await checks.body("create", "validateRemoteAssistancePartnerCreate", body);
      return send(OPERATIONS.create, url, callOptions, text, (r) => partner(r, "a created partner"));
    },
    async update(id, patch, callOptions) {
      const url = operationUrl(options.baseUrl, OPERATIONS.update, id); // a bad id is refused before the body is looked at
      const body = checks.body("update", "validateRemoteAssistancePartnerUpdate", patch);
      // 204, or a 200 with an empty body: success without the partner, as the official SDKs report it.
      return send(OPERATIONS.update, url, callOptions, typeof body === "string" ? body : await body, (r) => (r.text === "" ? undefined : partner(r, "an updated partner")));
    },
    async delete(id, callOptions) {
      const headers = callOptions?.ifMatch === undefined ? callOptions?.headers : { ...callOptions.headers, "If-Match": callOptions.ifMatch };
      return call(OPERATIONS.delete, { ...callOptions, headers }, id, undefined, nothing);
    },
    beginOnboarding: (id, callOptions) => call(OPERATIONS.beginOnboarding, callOptions, id, undefined, nothing),
    disconnect: (id, callOptions) => call(OPERATIONS.disconnect, callOptions, id, undefined, nothing),
  };
}

async function* listAll<T extends ContractTypes>(
  options: ResolvedOptions,
  nextPage: (url: string) => Promise<T["collection"]>,
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
    const url = checkedNextLink(next, options.base.origin, options.basePath);
    if (followed.has(url)) throw new ContractViolationError("response", [{ path: "/@odata.nextLink", message: `repeats a link already followed (${url}): the pages go round in a cycle` }], "The list page");
    if (pages >= maxPages) throw new RangeError(`listAll: stopped after maxPages (${maxPages}) pages; more remain`);
    followed.add(url);
    current = await nextPage(url);
  }
}

/** A next link, refused when it leaves the client's origin and collection path (the token would follow it). */
function checkedNextLink(nextLink: string, origin: string, basePath: string): string {
  let url: URL;
  try {
    url = new URL(nextLink);
  } catch {
    throw new ContractViolationError("response", [{ path: "/@odata.nextLink", message: "must be an absolute URL" }], "The list page");
  }
  const expectedPath = `${basePath}${COLLECTION}`;
  if (url.origin !== origin || url.pathname !== expectedPath) {
    throw new ContractViolationError(
      "response",
      [{ path: "/@odata.nextLink", message: `must stay on ${origin}${expectedPath}; refusing to send the token to ${url.origin}${url.pathname}` }],
      "The list page",
    );
  }
  return url.href;
}
