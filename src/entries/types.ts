// `remote-assistance-contract/types`: the v1.0 contract's types only (nothing that runs).
export type * from "../contracts/v1/types.js";
