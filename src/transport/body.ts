// Response bodies read within a byte limit, so that an endless, huge or compressed-bomb body cannot fill memory.
// The limit counts DECODED bytes: a declared Content-Length is the size on the wire, and with Content-Encoding
// (gzip, br, deflate) fetch decodes as it reads, so a 65 kB gzip body can be 64 MiB of text. The stream is read and
// counted whatever the headers say.
import { ERROR_BODY_BYTES, GraphError } from "../core/errors.js";
import { redactor } from "../core/redact.js";
import type { Exchange, Received, Step } from "../core/shapes.js";

export interface ReadOptions {
  /** The most bytes to keep. */
  limit: number;
  /** Past the limit: keep what came so far and stop reading (true), or fail with `ResponseTooLarge` (false). */
  truncate: boolean;
}

/** The body as text, never more than `limit` decoded bytes of it read. */
export async function readBody(response: Response, { limit, truncate }: ReadOptions): Promise<{ text: string; truncated: boolean; overLimit: boolean }> {
  if (!response.body) return { text: "", truncated: false, overLimit: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false, overLimit: false };
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => undefined);
      if (!truncate) return { text: "", truncated: true, overLimit: true };
      return { text: text + decoder.decode(value.subarray(0, value.byteLength - (bytes - limit))), truncated: true, overLimit: false };
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * The body step: the final response's body, read. A success past maxResponseBytes fails (ResponseTooLarge); an
 * error body is only quoted, so its first ERROR_BODY_BYTES are kept and the rest is not read. An error body is read a
 * little past its cut and cleared of the call's tokens before it is cut, so that a token straddling the cut cannot
 * leave its first half behind.
 */
export function bodyStep(maxResponseBytes: number): Step {
  return {
    async send(exchange, next) {
      const response = (await next(exchange)) as Response;
      const ok = response.ok;
      const slack = ok ? 0 : 6 * Math.max(0, ...[...exchange.tokens].map((t) => t.length));
      const cut = Math.min(maxResponseBytes, ERROR_BODY_BYTES);
      const limit = ok ? maxResponseBytes : cut + slack;
      // Without Content-Encoding the declared length is the body's: one past the limit need not be read at all.
      const declared = response.headers.get("content-length");
      if (ok && declared !== null && !response.headers.has("content-encoding") && Number(declared) > maxResponseBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(response, maxResponseBytes, exchange, `declares ${declared} bytes, over`);
      }
      // The common case, at text()'s speed: without Content-Encoding a declared length is the decoded length, and the
      // HTTP parser stops there, so text() cannot read past it.
      if (ok && declared !== null && !response.headers.has("content-encoding") && Number(declared) <= maxResponseBytes) {
        return { response, text: await response.text(), truncated: false, clientRequestId: exchange.clientRequestId } satisfies Received;
      }
      const read = await readBody(response, { limit, truncate: !ok });
      if (read.overLimit) throw tooLarge(response, maxResponseBytes, exchange, "went on past");
      let { text, truncated } = read;
      if (!ok) {
        text = redactor(exchange.tokens)(text);
        if (text.length > cut) {
          text = text.slice(0, cut);
          truncated = true;
        }
      }
      return { response, text, truncated, clientRequestId: exchange.clientRequestId } satisfies Received;
    },
  };
}

function tooLarge(response: Response, limit: number, exchange: Exchange, how: string): GraphError {
  return new GraphError({
    status: response.status,
    code: "ResponseTooLarge",
    message: `HTTP ${response.status}: the body ${how} the limit of ${limit} bytes (maxResponseBytes); reading stopped`,
    requestId: response.headers.get("request-id") ?? undefined,
    clientRequestId: exchange.clientRequestId,
    date: response.headers.get("date") ?? undefined,
  });
}
