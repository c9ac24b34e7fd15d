// The fake's options: what each one means, its default (the service's behaviour, with its source), and the checks
// made when the fake is created. A wrong option is a TypeError naming it there, not a surprise in a test later on.
import { CONTRACTS, type FakePartner, type Version } from "./contract.js";
import { INTUNE_REMOTE_ASSISTANCE_LIMITS, type ThrottleLimits } from "./throttle.js";

export interface FakeOptions {
  /** Which contract the fake speaks: v1.0 (default), or beta (with the remoteAssistanceSettings singleton). */
  version?: Version;
  /** Initial partners, each checked when the fake is made. Default: the partners of the spec's examples (docs/testing.md lists them). */
  partners?: FakePartner[];
  /**
   * Enforce this package's own rules on request bodies (`id`, `@odata.context` and unknown properties refused), as
   * the client and validators do. Default false: the fake accepts what Graph accepts from Microsoft's SDKs on a
   * get → change → PATCH round trip (`id` equal to the path's, `@odata.*` annotations) and ignores those.
   */
  strict?: boolean;
  /**
   * PATCH answers 200 with the partner. Default false: 204 No Content, which Intune answers by design (Microsoft, in
   * microsoftgraph/microsoft-graph-docs-contrib issue 8701). A request's `Prefer: return=representation` also gets 200.
   */
  patchReturnsRepresentation?: boolean;
  /** Page size when the request has no $top. Default 100. */
  pageSize?: number;
  /**
   * Throttling limits over a sliding window. Default: Microsoft's Intune remote assistance limits (20 s window; 100
   * writes per app, 200 per tenant; 1,000 requests per app, 2,000 per tenant). `false` turns throttling off; an
   * object overrides some of them.
   */
  throttle?: false | Partial<ThrottleLimits>;
  /** A seeded share of requests answered with one of `statuses` (default 503 and 504) before anything else. */
  faults?: { rate: number; seed: number; statuses?: number[] };
  /** The fake's clock (throttle windows, `Date`). Default Date.now: give a test's own clock to move time by hand. */
  now?: () => number;
  /** The largest request body accepted, in bytes; a larger one is 413. Default 1 MiB. */
  maxRequestBodyBytes?: number;
}

export interface ResolvedOptions {
  version: Version;
  partners: FakePartner[];
  strict: boolean;
  patchReturnsRepresentation: boolean;
  pageSize: number;
  throttle: ThrottleLimits | false;
  faults: { rate: number; seed: number; statuses: number[] } | undefined;
  now: () => number;
  maxRequestBodyBytes: number;
}

export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

const KNOWN = ["version", "partners", "strict", "patchReturnsRepresentation", "pageSize", "throttle", "faults", "now", "maxRequestBodyBytes", "baseUrl"];
/** The names of earlier releases, and what replaced them. */
const RENAMED: Record<string, string> = {
  update: "`update` is now `patchReturnsRepresentation: true` (for 200) or left out (for 204)",
};

const fail = (message: string): never => {
  throw new TypeError(`createRemoteAssistanceFake: ${message}`);
};
const wholeAtLeast = (name: string, value: unknown, min: number) => {
  if (!Number.isSafeInteger(value) || (value as number) < min) fail(`${name} must be a whole number ≥ ${min}, got ${String(value)}.`);
};

export function resolveOptions(options: FakeOptions & Record<string, unknown>, examples: () => FakePartner[]): ResolvedOptions {
  if (!options || typeof options !== "object") fail("options must be an object.");
  for (const key of Object.keys(options)) {
    if (RENAMED[key]) fail(RENAMED[key]);
    if (!KNOWN.includes(key)) fail(`unknown option '${key}' (known: ${KNOWN.join(", ")}).`);
  }
  const version = options.version ?? "v1.0";
  if (!(version in CONTRACTS)) fail(`version must be "v1.0" or "beta", got ${JSON.stringify(version)}.`);
  for (const flag of ["strict", "patchReturnsRepresentation"] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== "boolean") fail(`${flag} must be true or false, got ${String(options[flag])}.`);
  }
  if (options.pageSize !== undefined) wholeAtLeast("pageSize", options.pageSize, 1);
  if (options.maxRequestBodyBytes !== undefined) wholeAtLeast("maxRequestBodyBytes", options.maxRequestBodyBytes, 0);
  if (options.now !== undefined && typeof options.now !== "function") fail("now must be a function returning milliseconds.");
  return {
    version,
    // Only an absent list means the spec's examples: `partners: null` is refused as not an array, as `strict: null` is.
    partners: options.partners === undefined ? examples() : options.partners,
    strict: options.strict ?? false,
    patchReturnsRepresentation: options.patchReturnsRepresentation ?? false,
    pageSize: options.pageSize ?? 100,
    throttle: resolveThrottle(options.throttle),
    faults: resolveFaults(options.faults),
    now: options.now ?? Date.now,
    maxRequestBodyBytes: options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES,
  };
}

function resolveThrottle(throttle: FakeOptions["throttle"]): ThrottleLimits | false {
  if (throttle === false) return false;
  if (throttle === undefined) return INTUNE_REMOTE_ASSISTANCE_LIMITS;
  if (!throttle || typeof throttle !== "object") fail("throttle must be false or an object of limits.");
  if ("writes" in throttle) fail("throttle.writes is now throttle.writesPerApp (and writesPerTenant, requestsPerApp, requestsPerTenant).");
  for (const key of Object.keys(throttle)) {
    if (!(key in INTUNE_REMOTE_ASSISTANCE_LIMITS)) fail(`unknown throttle limit '${key}' (known: ${Object.keys(INTUNE_REMOTE_ASSISTANCE_LIMITS).join(", ")}).`);
    wholeAtLeast(`throttle.${key}`, (throttle as Record<string, unknown>)[key], 1);
  }
  return { ...INTUNE_REMOTE_ASSISTANCE_LIMITS, ...throttle };
}

function resolveFaults(faults: FakeOptions["faults"]): ResolvedOptions["faults"] {
  if (faults === undefined) return undefined;
  if (!faults || typeof faults !== "object") fail("faults must be { rate, seed, statuses? }.");
  if (typeof faults.rate !== "number" || !(faults.rate >= 0 && faults.rate <= 1)) fail(`faults.rate must be a number from 0 to 1, got ${String(faults.rate)}.`);
  if (!Number.isSafeInteger(faults.seed)) fail(`faults.seed must be a whole number, got ${String(faults.seed)}.`);
  const statuses = faults.statuses ?? [503, 504];
  if (!Array.isArray(statuses) || !statuses.length || statuses.some((s) => !Number.isInteger(s) || s < 400 || s > 599)) {
    fail(`faults.statuses must be HTTP error statuses (400 to 599), got ${JSON.stringify(statuses)}.`);
  }
  return { rate: faults.rate, seed: faults.seed, statuses };
}
