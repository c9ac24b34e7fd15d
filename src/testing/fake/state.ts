// The fake's state, and the two things that make it fail on purpose: the throttle (./throttle.ts) and the seeded
// faults (a seeded generator, so a consumer's retry test sees the same sequence every run).
import type { Contract, FakePartner } from "./contract.js";
import type { ResolvedOptions } from "./options.js";
import type { Throttle } from "./throttle.js";

export { examplePartners, ODATA_TYPE } from "./seeds.js";

export type Partner = FakePartner & Record<string, unknown>;

/** The fake's state, shared by the steps of the service. */
export interface State {
  contract: Contract;
  options: ResolvedOptions;
  partners: Map<string, Partner>;
  /** The beta settings singleton; undefined for a v1.0 fake. */
  settings: Record<string, unknown> | undefined;
  throttle: Throttle | undefined;
  random: () => number;
}

export function faultStatus({ options: { faults }, random }: Pick<State, "options" | "random">): number | undefined {
  if (!faults || random() >= faults.rate) return undefined;
  return faults.statuses[Math.floor(random() * faults.statuses.length)];
}

export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The settings of an account whose administrator has configured nothing: disabled, as Microsoft's page says. */
export function initialSettings(): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.remoteAssistanceSettings",
    id: "cfef360e-360e-cfef-0e36-efcf0e36efcf",
    remoteAssistanceState: "disabled",
    allowSessionsToUnenrolledDevices: false,
    blockChat: false,
  };
}
