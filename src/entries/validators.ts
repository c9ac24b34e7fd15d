// `remote-assistance-contract/validators`: the v1.0 contract's precompiled validators. They never throw, and name
// the JSON pointer of every problem.
export * from "../contracts/v1/validators.js";
