// `remote-assistance-contract/testing`: the stand-ins a consumer tests its own code against (../testing.ts).
export * from "../testing.js";
