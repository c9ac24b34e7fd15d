// The GraphError for an HTTP error response. An OData envelope gives Graph's code and message; anything else (HTML,
// plain text, JSON of another shape) is quoted at the start of the message and kept as text in `body`. Only string
// fields are taken from the envelope (a server may put objects or numbers where Graph puts strings); the boundary
// (../transport/boundary.ts) then neutralises and redacts every field.
import { GraphError } from "../core/errors.js";
import { parseRetryAfter } from "../core/retry-after.js";
import { serverString } from "../core/server-text.js";
import type { Received } from "../core/shapes.js";

/** The most of a non-OData error body quoted in the message. */
const QUOTED_CHARS = 200;

export function graphErrorFromResponse({ response, text, truncated, clientRequestId }: Received): GraphError {
  let parsed: unknown;
  if (!truncated && /\bjson\b/i.test(response.headers.get("content-type") ?? "")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON after all: the error keeps the text.
    }
  }
  const envelope = isODataError(parsed) ? parsed : undefined;
  const inner = (envelope?.error as { innerError?: Record<string, unknown> } | undefined)?.innerError;
  const innerField = (name: string) => (inner !== null && typeof inner === "object" ? serverString(inner[name], 200) : undefined);
  const quoted = text.trim();
  const reason = serverString(response.statusText, 100);
  const status = `HTTP ${response.status}${reason ? ` ${reason}` : ""}`;
  const quote = quoted.length > QUOTED_CHARS || truncated ? `${quoted.slice(0, QUOTED_CHARS)}…` : quoted;
  return new GraphError({
    status: response.status,
    code: envelope?.error.code ?? "UnknownError",
    message: envelope?.error.message ?? `${status}: ${quoted ? quote : "(empty body)"}`,
    requestId: innerField("request-id") ?? response.headers.get("request-id") ?? undefined,
    clientRequestId: innerField("client-request-id") ?? response.headers.get("client-request-id") ?? clientRequestId,
    date: innerField("date") ?? response.headers.get("date") ?? undefined,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    body: envelope ?? (quoted || undefined),
  });
}

function isODataError(value: unknown): value is { error: { code: string; message: string } } {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error === "object" && error !== null && typeof error.code === "string" && typeof error.message === "string";
}
