// The beta validators, loaded on first use: a beta client without validation never loads them.
let loaded: Promise<typeof import("./validators.js")> | undefined;

export const loadBetaValidators = () => (loaded ??= import("./validators.js"));
