// The partners a fake starts with: the spec's examples by default, or the caller's, checked when the fake is made
// (a seed the service could never have returned would make every test built on it prove nothing).
import type { Contract, FakePartner } from "./contract.js";

export const ODATA_TYPE = "#microsoft.graph.remoteAssistancePartner";

/** The partners of the spec's examples, each once, without a response's @odata.context. */
export function examplePartners(contract: Contract): FakePartner[] {
  const found = new Map<string, FakePartner>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record["@odata.type"] === ODATA_TYPE && typeof record.id === "string" && "onboardingStatus" in record) {
      const { "@odata.context": _context, ...partner } = record;
      if (!found.has(record.id)) found.set(record.id, partner as FakePartner);
    }
    Object.values(record).forEach(visit);
  };
  visit(contract.spec.paths);
  return [...found.values()];
}

/** Throws a TypeError naming the first seed, and its property, that the service could not have returned. */
export function checkPartners(partners: unknown, contract: Contract): void {
  const fail = (message: string): never => {
    throw new TypeError(`createRemoteAssistanceFake: ${message}`);
  };
  if (!Array.isArray(partners)) fail("partners must be an array of partners.");
  const validate = contract.validator("remoteAssistancePartner");
  const seen = new Set<string>();
  (partners as unknown[]).forEach((partner, i) => {
    if (!partner || typeof partner !== "object" || Array.isArray(partner)) fail(`partners[${i}] must be an object.`);
    const id = (partner as Record<string, unknown>).id;
    if (typeof id !== "string" || id === "") fail(`partners[${i}].id is required: a non-empty string (the service sets one on every partner).`);
    if (seen.has(id as string)) fail(`partners[${i}].id '${id}' is used twice.`);
    seen.add(id as string);
    const result = validate(partner);
    if (!result.valid) {
      const [first] = result.errors;
      fail(`partners[${i}]${first!.path.replace(/\//g, ".")} ${first!.message} (as the ${contract.version} contract reads a partner).`);
    }
  });
}
