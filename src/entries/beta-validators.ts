// `remote-assistance-contract/beta/validators`: the beta contract's precompiled validators, the settings' included.
export * from "../contracts/beta/validators.js";
