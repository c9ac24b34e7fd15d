// The v1.0 validators, loaded on first use: a client without validation never loads them, and a bundler puts them in
// a chunk of their own.
let loaded: Promise<typeof import("./validators.js")> | undefined;

export const loadV1Validators = () => (loaded ??= import("./validators.js"));
