// Every attempt of a call carries one `client-request-id` (the caller's own, if its headers have one, or a new
// UUID): Graph echoes it, and Microsoft support finds a call by it.
import { headerValue } from "../core/headers.js";
import type { Step } from "../core/shapes.js";

export const clientRequestIdStep: Step = {
  send(exchange, next) {
    const given = headerValue(exchange.headers, "client-request-id");
    if (given === undefined) exchange.headers["client-request-id"] = exchange.clientRequestId = crypto.randomUUID();
    else exchange.clientRequestId = given;
    return next(exchange);
  },
};
