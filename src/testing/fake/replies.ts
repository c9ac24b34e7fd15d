// Responses as Graph sends them. Every one carries `request-id`, `client-request-id` (the caller's, echoed; else the
// request-id, as Graph's own error bodies in public issue threads show), `Date` and `x-ms-ags-diagnostic`; errors are
// Graph's ODataError envelope with its innerError (date to the second without a zone, and the two ids).
// Sources: learn.microsoft.com/graph/errors (the error shape) and learn.microsoft.com/graph/best-practices-concept
// ("request-id", "client-request-id" and "Date" headers to keep for support requests).

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export interface Replies {
  reply(status: number, body?: unknown, headers?: Record<string, string>, type?: string): FakeResponse;
  error(status: number, code: string, message: string, extra?: Record<string, unknown>, headers?: Record<string, string>): FakeResponse;
}

/**
 * A plausible stand-in for Graph's `x-ms-ags-diagnostic` header (the gateway's JSON about the server that answered):
 * the shape Graph sends, with values that say they are the fake's. Microsoft documents the header's presence, not
 * its content.
 */
export const AGS_DIAGNOSTIC = JSON.stringify({
  ServerInfo: { DataCenter: "Fake Region", Slice: "E", Ring: "5", ScaleUnit: "000", RoleInstance: "FAKE-ROLE-0", ADSiteName: "FAKE" },
});

/** The longest piece of caller text an error message quotes: a 80,000-character filter is not echoed whole. */
const QUOTE_LIMIT = 200;
export const quote = (text: string) => (text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);

export function replies(clientRequestId: string | null, now: () => number): Replies {
  const requestId = crypto.randomUUID();
  const echoed = clientRequestId ?? requestId;
  const reply: Replies["reply"] = (status, body, headers = {}, type = "application/json") => ({
    status,
    headers: {
      "request-id": requestId,
      "client-request-id": echoed,
      date: new Date(now()).toUTCString(),
      "x-ms-ags-diagnostic": AGS_DIAGNOSTIC,
      ...(body === undefined ? {} : { "content-type": type === "application/json" ? "application/json; odata.metadata=minimal" : type }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const innerError = () => ({ date: new Date(now()).toISOString().slice(0, 19), "request-id": requestId, "client-request-id": echoed });
  return {
    reply,
    error: (status, code, message, extra = {}, headers = {}) => reply(status, { error: { code, message, ...extra, innerError: innerError() } }, headers),
  };
}
