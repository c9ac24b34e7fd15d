// The fake's state, its default partners, and the two things that make it fail on purpose: the throttle window and
// the seeded faults (a seeded generator, so a consumer's retry test sees the same sequence every run).
import spec from "../../../generated/openapi.json" with { type: "json" };
import type { RemoteAssistancePartner } from "../../contracts/v1/types.js";
import type { FakeOptions } from "./service.js";

export const ODATA_TYPE = "#microsoft.graph.remoteAssistancePartner";

/** The fake's state, shared by the steps below. */
export interface State {
  options: FakeOptions;
  partners: Map<string, RemoteAssistancePartner>;
  /** The beta settings singleton; undefined for a v1.0 fake. */
  settings: Record<string, unknown> | undefined;
  /** When the writes of the throttle window were made. */
  writes: number[];
  random: () => number;
}

export function faultStatus({ options: { faults }, random }: State): number | undefined {
  if (!faults || random() >= faults.rate) return undefined;
  const statuses = faults.statuses ?? [503, 504];
  return statuses[Math.floor(random() * statuses.length)];
}

/** Seconds to wait when the write quota is used up; undefined (and the write counted) otherwise. */
export function throttled({ writes }: State, { writes: limit, windowMs }: { writes: number; windowMs: number }): number | undefined {
  const now = Date.now();
  while (writes.length && writes[0]! <= now - windowMs) writes.shift();
  if (writes.length >= limit) return Math.max(1, Math.ceil((writes[0]! + windowMs - now) / 1000));
  writes.push(now);
  return undefined;
}

/** The partners of the spec's examples, each once: the fake's default state. */
export function examplePartners(): RemoteAssistancePartner[] {
  const found = new Map<string, RemoteAssistancePartner>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record["@odata.type"] === ODATA_TYPE && typeof record.id === "string" && "onboardingStatus" in record) {
      const { "@odata.context": _context, ...partner } = record;
      if (!found.has(record.id)) found.set(record.id, partner as RemoteAssistancePartner);
    }
    Object.values(record).forEach(visit);
  };
  visit((spec as { paths: unknown }).paths);
  return [...found.values()];
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
