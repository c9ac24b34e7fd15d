// The request body as it goes out: serialised once, so that what is validated is exactly what is sent (a toJSON, a
// getter that answers differently on each read, a class instance could otherwise show the validator one value and
// the wire another).

/** The request body as it goes on the wire. A TypeError unless it is a plain object whose JSON is an object. */
export function serialiseBody(kind: () => string, body: unknown): string {
  // Named only when there is an error to write (the name is worked out from the validator's).
  const what = () => `The ${kind()} body`;
  let prototype: unknown;
  try {
    prototype = body !== null && typeof body === "object" ? Object.getPrototypeOf(body) : undefined;
  } catch {
    throw new TypeError(`${what()} could not be read (a Proxy that refuses it)`);
  }
  // Not an object (prototype undefined), an array or a class instance: only {…} and Object.create(null) pass.
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${what()} must be a plain object, got ${describeValue(body)}`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (cause) {
    throw new TypeError(`${what()} cannot be serialised as JSON: ${(cause as Error)?.message ?? String(cause)}`);
  }
  // A plain object can still carry its own toJSON.
  if (text === undefined || text[0] !== "{") throw new TypeError(`${what()} must serialise to a JSON object, got ${text === undefined ? "nothing" : `a JSON ${text[0] === "[" ? "array" : "value"}`}`);
  return text;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value !== "object") return typeof value;
  try {
    // Only objects whose prototype is neither Object.prototype nor null come here.
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === "string" && name ? `an instance of ${name}` : "an object with a prototype";
  } catch {
    return "an object that cannot be read";
  }
}
