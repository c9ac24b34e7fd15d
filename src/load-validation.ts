// The validators, loaded on first use: a client without validation never loads them, and a bundler puts them in a
// chunk of their own. This file sits beside validation.ts so that the import keeps the same relative path in dist/,
// where the build leaves dist/validation.js a module of its own (scripts/build.ts).
let loaded: Promise<typeof import("./validation.js")> | undefined;

export const loadValidation = () => (loaded ??= import("./validation.js"));
