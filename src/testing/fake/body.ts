// Request bodies read under a cap, counted while they stream in: a body past the cap is never held whole (a 150 MB
// POST to the fake used to take its process to 555 MB). The cap answers 413, as RFC 9110 (15.5.14) names it.

/** What the fake answers past the cap, whichever adapter read the body. */
export const tooLarge = (limit: number) => ({ status: 413, code: "RequestEntityTooLarge", message: `The request body is larger than the fake accepts (${limit} bytes).` }) as const;

/** A declared Content-Length already past the cap: refused before a byte is read. */
export const declaredTooLarge = (contentLength: string | null, limit: number) => contentLength !== null && /^\d+$/.test(contentLength) && Number(contentLength) > limit;

/** Reads a web stream (msw's Request) as UTF-8 text; undefined once it passes `limit` bytes (the rest is cancelled). */
export async function readWebBody(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<string | undefined> {
  if (!stream) return "";
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: msw reads a tee of the caller's stream, and cancelling one branch of a tee settles only once
      // the other is cancelled too.
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
