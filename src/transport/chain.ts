// The transport's steps composed into one function, once, when a client is made: each step gets the exchange and
// the rest of the chain, the way Azure's core-rest-pipeline runs its policies. Per call this costs one closure call
// a step, nothing more.
import type { Exchange, Next, Sender, Step } from "../core/shapes.js";

export function composeSteps(steps: readonly Step[], send: Sender): Next {
  let next: Next = send;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    const rest = next;
    next = (exchange: Exchange) => step.send(exchange, rest);
  }
  return next;
}
