// Bodies in both directions. Out: serialised once, so that what is validated is exactly what is sent (a toJSON, a
// getter that answers differently on each read, a class instance could otherwise show the validator one value and
// the wire another). In: read with a byte limit, so that an endless or huge body cannot fill memory.
import { GraphError } from "../errors.js";

/** The request body as it goes on the wire. A TypeError unless it is a plain object whose JSON is an object. */
export function serialiseBody(kind: string, body: unknown): string {
  const what = `The ${kind} body`;
  let prototype: unknown;
  try {
    prototype = body !== null && typeof body === "object" ? Object.getPrototypeOf(body) : undefined;
  } catch {
    throw new TypeError(`${what} could not be read (a Proxy that refuses it)`);
  }
  // Not an object (prototype undefined), an array or a class instance: only {…} and Object.create(null) pass.
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${what} must be a plain object, got ${describeValue(body)}`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (cause) {
    throw new TypeError(`${what} cannot be serialised as JSON: ${(cause as Error)?.message ?? String(cause)}`);
  }
  // A plain object can still carry its own toJSON.
  if (text === undefined || text[0] !== "{") throw new TypeError(`${what} must serialise to a JSON object, got ${text === undefined ? "nothing" : `a JSON ${text[0] === "[" ? "array" : "value"}`}`);
  return text;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value !== "object") return typeof value;
  try {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    return typeof name === "string" && name ? `an instance of ${name}` : "an object with a prototype";
  } catch {
    return "an object that cannot be read";
  }
}

export interface ReadOptions {
  /** The most bytes to keep. */
  limit: number;
  /** Past the limit: keep what came so far and stop reading (true), or fail with `ResponseTooLarge` (false). */
  truncate: boolean;
  clientRequestId: string;
}

/** The body as text, never more than `limit` bytes of it. */
export async function readBody(response: Response, { limit, truncate, clientRequestId }: ReadOptions): Promise<{ text: string; truncated: boolean }> {
  const declared = response.headers.get("content-length");
  if (!truncate && declared !== null && Number(declared) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(response, limit, clientRequestId, `declares ${declared} bytes, over`);
  }
  // A declared length within the limit is the whole body: the HTTP parser stops there, so text() cannot overrun it.
  if (declared !== null && Number(declared) <= limit) return { text: await response.text(), truncated: false };
  if (!response.body) return { text: "", truncated: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false };
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => undefined);
      if (!truncate) throw tooLarge(response, limit, clientRequestId, "went on past");
      return { text: text + decoder.decode(value.subarray(0, value.byteLength - (bytes - limit))), truncated: true };
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooLarge(response: Response, limit: number, clientRequestId: string, how: string): GraphError {
  return new GraphError({
    status: response.status,
    code: "ResponseTooLarge",
    message: `HTTP ${response.status}: the body ${how} the limit of ${limit} bytes (maxResponseBytes); reading stopped`,
    requestId: response.headers.get("request-id") ?? undefined,
    clientRequestId,
    date: response.headers.get("date") ?? undefined,
  });
}
