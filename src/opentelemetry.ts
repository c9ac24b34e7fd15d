// `remote-assistance-contract/opentelemetry`: OpenTelemetry spans for the `/client` entry's client
// (`tracing: openTelemetry`); the root and beta entries' clients have them already. Imports nothing of OpenTelemetry.
export { openTelemetry } from "./client/opentelemetry.js";
export type { CallSpan, Tracing } from "./client/telemetry.js";
