// Text a server chose (an error's message and code, a reason phrase, a header) is shown to people in logs and
// terminals. Before it reaches a message or a report, control and bidirectional-override characters are escaped (an
// ESC sequence can rewrite a terminal, a CR/LF forge a log line, U+202E reverse what is read), and it is capped.

/** C0 and C1 controls, DEL, and the bidi controls (LRM/RLM, ALM, embeddings, overrides, isolates). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The most characters kept of one field a server chose; Graph's messages are a few hundred. */
export const SERVER_TEXT_CHARS = 2_000;

/** `text` safe to print: unsafe characters as `\u{…}` escapes, at most `max` characters and an ellipsis. */
export function neutralise(text: string, max = SERVER_TEXT_CHARS): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return clipped.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}

/** A field a server sent: kept (neutralised) only when it is a string; objects, numbers and the rest are dropped. */
export const serverString = (value: unknown, max?: number): string | undefined => (typeof value === "string" ? neutralise(value, max) : undefined);
