// The beta contract as data: its API version and its operations manifest (v1.0's and the settings singleton's),
// generated from spec/openapi.yaml with spec/overlays/beta.yaml.
import { clientOperations as operations } from "../../../generated/beta/operations.js";
import type { Contract } from "../../core/contract.js";

export const betaContract = { version: "beta", operations } as const satisfies Contract;
