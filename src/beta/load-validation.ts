// The beta validators, loaded on first use; beside validation.ts so that the import keeps its relative path in
// dist/beta/, where scripts/build.ts leaves dist/beta/validation.js a module of its own.
let loaded: Promise<typeof import("./validation.js")> | undefined;

export const loadBetaValidation = () => (loaded ??= import("./validation.js"));
