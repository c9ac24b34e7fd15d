// The package's root entry: everything `/client` exports, with its client given the validators (imported on first
// use), OpenTelemetry and `raw` (./root-client.ts); the validators; every type; and the version of the contract this
// package carries. Only re-exports: scripts/build.ts keeps `./root-client.js` and `./validators.js` imports of their
// own files, so that the validators stay lazy in an application's bundle.
export { contractVersion } from "../../generated/contract.js";
export type { CountQuery, GetQuery, ListQuery, V1Types } from "./client.js";
export * from "./shared.js";
export * from "./validators.js";
export type * from "./types.js";
export * from "./root-client.js";
