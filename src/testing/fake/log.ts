// `fake.requests`: what the fake was asked and what it answered, so that a test can check what its code sent. The
// token is hidden (a test log is printed, pasted and kept), and the log is bounded: the last 1,000 requests, and a
// body over 64 KiB is noted by its size rather than kept.
import type { FakeRequest } from "./service.js";

export interface LoggedRequest {
  method: string;
  /** The path as sent, without the query, e.g. /v1.0/deviceManagement/remoteAssistancePartners/p1 */
  path: string;
  /** The query parameters, decoded (the last value of a repeated name). */
  query: Record<string, string>;
  status: number;
  /** The request headers by lower-case name; `authorization` keeps its scheme and hides the rest. */
  headers: Record<string, string>;
  /** The body: parsed when it is JSON, the text otherwise, undefined when empty. */
  body: unknown;
}

export const LOG_LIMIT = 1_000;
const BODY_LIMIT = 64 * 1024;

export function hideCredentials(name: string, value: string): string {
  if (name !== "authorization") return value;
  const scheme = /^\S+/.exec(value)?.[0];
  return scheme && scheme.length < value.length ? `${scheme} [hidden]` : "[hidden]";
}

function recordedBody(text: string): unknown {
  if (text === "") return undefined;
  if (text.length > BODY_LIMIT) return `[${text.length} characters, not recorded]`;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function record(log: LoggedRequest[], request: Omit<FakeRequest, "body"> & { body?: string }, status: number): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = hideCredentials(name, value);
  log.push({ method: request.method, path: request.path, query: Object.fromEntries(request.query), status, headers, body: recordedBody(request.body ?? "") });
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
}
