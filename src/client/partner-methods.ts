// The partner's operations as named methods, one line each over the manifest (./create-client.ts `invoke`). The
// table below is the only place a method is tied to its operationId; paths, query names, bodies and how a success
// reads all come from the generated manifest.
import type { CallOptions, ClientCore } from "./create-client.js";
import { pages } from "./list-all.js";
import { operationUrl } from "./urls.js";

/** Method name → operationId, for the partner's collection (the same in v1.0 and beta). */
export const PARTNER_METHODS = {
  list: "listRemoteAssistancePartners",
  count: "countRemoteAssistancePartners",
  get: "getRemoteAssistancePartner",
  create: "createRemoteAssistancePartner",
  update: "updateRemoteAssistancePartner",
  delete: "deleteRemoteAssistancePartner",
  beginOnboarding: "beginRemoteAssistancePartnerOnboarding",
  disconnect: "disconnectRemoteAssistancePartner",
} as const;

export interface ListAllOptions extends CallOptions {
  /** Stop with an error rather than follow more than this many pages (a positive whole number). Default 1000. */
  maxPages?: number;
}

/** The query of an operation, as the contract's generated `operations` type has it. */
export type QueryOf<Ops, Id extends keyof Ops> = Ops[Id] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The types of one contract, as its client speaks them. */
export interface ContractTypes {
  operations: object;
  partner: object;
  update: object;
  create: object;
  collection: { value: unknown[]; "@odata.nextLink"?: string | null };
}

type Q<T extends ContractTypes, M extends keyof typeof PARTNER_METHODS> = QueryOf<T["operations"], (typeof PARTNER_METHODS)[M] & keyof T["operations"]>;

export interface RemoteAssistancePartnerMethods<T extends ContractTypes> {
  /** One page; follow `@odata.nextLink` yourself, or use listAll. */
  list(query?: Q<T, "list">, options?: CallOptions): Promise<T["collection"]>;
  /** Every partner, page after page, following `@odata.nextLink` (same origin and collection path only, never twice). */
  listAll(query?: Q<T, "list">, options?: ListAllOptions): AsyncIterableIterator<T["partner"]>;
  count(query?: Q<T, "count">, options?: CallOptions): Promise<number>;
  get(id: string, query?: Q<T, "get">, options?: CallOptions): Promise<T["partner"]>;
  create(partner: T["create"], options?: CallOptions): Promise<T["partner"]>;
  /** Resolves to the updated partner on 200, to `undefined` on 204 (both are success: Intune answers 204). */
  update(id: string, patch: T["update"], options?: CallOptions): Promise<T["partner"] | undefined>;
  delete(id: string, options?: CallOptions & { ifMatch?: string }): Promise<void>;
  beginOnboarding(id: string, options?: CallOptions): Promise<void>;
  disconnect(id: string, options?: CallOptions): Promise<void>;
}

export function partnerMethods<T extends ContractTypes>(core: ClientCore): RemoteAssistancePartnerMethods<T> {
  const { invoke, options } = core;
  const ids = PARTNER_METHODS;
  const list = (query?: unknown, callOptions?: CallOptions) => invoke<T["collection"]>(ids.list, { ...callOptions, query });
  return {
    list,
    async *listAll(query, listOptions) {
      const entry = core.operation(ids.list);
      const firstUrl = operationUrl(options.baseUrl, entry, [], query); // a bad query is refused before the first page
      // A next link is Graph's URL as it is: sent as a call of the same operation, read as a page.
      const next = (url: string) => core.invokeAt<T["collection"]>(ids.list, url, listOptions);
      const paging = pages({ operationId: ids.list, firstUrl, first: () => list(query, listOptions), next, origin: options.base.origin, collectionPath: `${options.basePath}${entry.path}`, maxPages: listOptions?.maxPages ?? 1000 });
      for await (const page of paging) yield* page.value as T["partner"][];
    },
    count: (query, callOptions) => invoke(ids.count, { ...callOptions, query }),
    get: (id, query, callOptions) => invoke(ids.get, { ...callOptions, path: [id], query }),
    create: (body, callOptions) => invoke(ids.create, { ...callOptions, body }),
    update: (id, body, callOptions) => invoke(ids.update, { ...callOptions, path: [id], body }),
    delete: (id, callOptions) => {
      const headers = callOptions?.ifMatch === undefined ? callOptions?.headers : { ...callOptions.headers, "If-Match": callOptions.ifMatch };
      return invoke(ids.delete, { signal: callOptions?.signal, headers, path: [id] });
    },
    beginOnboarding: (id, callOptions) => invoke(ids.beginOnboarding, { ...callOptions, path: [id] }),
    disconnect: (id, callOptions) => invoke(ids.disconnect, { ...callOptions, path: [id] }),
  };
}
