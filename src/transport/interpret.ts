// The interpret step: what the caller makes of the final response (the client's checks and parsing, or raw's
// Response), inside the deadline and the boundary, so that a check that fails is reported and redacted like any
// other failure. What it throws is marked as its own, so that the boundary never takes it for a failed connection.
import type { Received, Step } from "../core/shapes.js";

/** An error thrown while interpreting a response: the boundary unwraps it and passes it on as it is (cleaned). */
export class InterpretFailure {
  constructor(readonly error: unknown) {}
}

export const interpretStep: Step = {
  async send(exchange, next) {
    const received = (await next(exchange)) as Received;
    try {
      return await exchange.interpret(received);
    } catch (error) {
      throw new InterpretFailure(error);
    }
  },
};
