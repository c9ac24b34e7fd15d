// The v1.0 contract as data: its API version and its operations manifest, generated from spec/openapi.yaml.
import { clientOperations as operations } from "../../../generated/operations.js";
import type { Contract } from "../../core/contract.js";

export const v1Contract = { version: "v1.0", operations } as const satisfies Contract;
