// What every client of this package is made of, whatever contract it speaks (v1.0, beta): options resolved once
// (./options.ts), one transport (../transport/) composed once, the contract's checks, and `invoke`, which makes any
// operation of the contract's manifest by its operationId. Named methods (./partner-methods.ts, beta's settings) are
// one line each over `invoke`; an entry gives the client its contract and adds what only it has (raw).
import type { Contract } from "../core/contract.js";
import { failedCall, isContractViolationError } from "../core/errors.js";
import { assertHeaders } from "../core/headers.js";
import type { OperationEntry, Tracing } from "../core/shapes.js";
import type { ContractValidators } from "../core/validator.js";
import { createTransport, type Transport } from "../transport/index.js";
import { contractChecks } from "./contract-checks.js";
import { resolveOptions, type RemoteAssistanceClientOptions, type ResolvedOptions } from "./options.js";
import { operationUrl } from "./urls.js";

export interface CallOptions {
  /** Aborts the call, token wait, retries and waits included; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Headers for this call; they win over the client's `headers`, whatever the case of their names. */
  headers?: Record<string, string>;
}

/** One call of an operation: its path values in the manifest's order, its query, its body, the call's options. */
export interface Invocation extends CallOptions {
  path?: readonly unknown[];
  query?: unknown;
  body?: unknown;
}

/** What the entry point brings with the contract: validators it can load itself, and where spans go by default. */
export interface ContractRuntime extends Contract {
  loadValidators?: () => Promise<ContractValidators>;
  tracing?: Tracing;
}

export interface ClientCore {
  options: ResolvedOptions;
  transport: Transport;
  /** The manifest entry of `operationId`. */
  operation(operationId: string): OperationEntry;
  /** Makes one call of the operation; a bad id, query, header or body is refused before anything is sent. */
  invoke<T>(operationId: string, invocation?: Invocation): Promise<T>;
  /** The same, to a URL the service gave (a next link), checked by the caller; no body. */
  invokeAt<T>(operationId: string, url: string, callOptions?: CallOptions): Promise<T>;
}

export function clientCore(contract: ContractRuntime, clientOptions: RemoteAssistanceClientOptions): ClientCore {
  const options = resolveOptions(clientOptions, contract);
  const checks = contractChecks(options.checkRequests, options.checkResponses, options.loadValidators);
  const transport = createTransport({
    origin: options.base.origin,
    basePath: options.basePath,
    tokens: options.tokens,
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    timeoutGiven: options.timeoutGiven,
    maxResponseBytes: options.maxResponseBytes,
    headers: options.headers,
    onCallEnd: options.onCallEnd,
    tracing: options.tracing,
  });
  // Every operationId comes from the contract's own method tables (PARTNER_METHODS, SETTINGS_METHODS), which
  // test/contract/manifest.test.ts holds to the manifest: never from a caller.
  const operation = (operationId: string) => contract.operations[operationId]!;
  const invoke = async <T>(operationId: string, { path, query, body, headers, signal }: Invocation = {}): Promise<T> => {
    const entry = operation(operationId);
    // Everything the caller gave is checked before anything is sent: the id and query, the headers, then the body.
    const url = operationUrl(options.baseUrl, entry, path, query);
    assertHeaders(headers, "headers");
    // Serialised synchronously when validation is off: no await (and no extra turn of the event loop) then.
    const serialised = entry.body ? checks.body(entry, body) : undefined;
    const text = typeof serialised === "object" ? await serialised.catch(namingTheCall(entry, url)) : serialised;
    return transport({ operation: entry, method: entry.method, url, body: text, headers, signal, interpret: (received) => checks.success(entry, received) as T });
  };
  const invokeAt = async <T>(operationId: string, url: string, { headers, signal }: CallOptions = {}): Promise<T> => {
    const entry = operation(operationId);
    assertHeaders(headers, "headers");
    return transport({ operation: entry, method: entry.method, url, body: undefined, headers, signal, interpret: (received) => checks.success(entry, received) as T });
  };
  return { options, transport, operation, invoke, invokeAt };
}

/** A body the contract refuses (validate: "request") names its call, as an error from the transport does. */
const namingTheCall = (entry: OperationEntry, url: string) => (error: unknown): never => {
  if (isContractViolationError(error)) error.call = failedCall(entry.operationId, entry.method, url);
  throw error;
};
