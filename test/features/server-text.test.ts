// Server text: what a hostile server writes into an error (controls, bidi overrides, huge or odd fields) reaches
// the caller's logs made safe.
import { beforeEach, describe, expect } from "vitest";
import { type CallReport, createRemoteAssistanceClient } from "../../src/entries/index.js";
import { rejection, json } from "../helpers/graph-server.js";
import { it, type Graph } from "../helpers/fixtures.js";

/** What must never reach a message or report raw: C0 and C1 controls, DEL, and the bidi controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = "red \u001b[31mALERT\u001b[0m bell\u0007 cr\r lf\nFAKE LOG LINE nul\u0000 rlo\u202Egnp.exe";

describe("server text", () => {
  let reports: CallReport[];
  beforeEach(() => {
    reports = [];
  });
  const client = (graph: Graph) => createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => "token-of-the-test", retry: false, tracing: false, onCallEnd: (r) => reports.push(r) });

  /** The fields of the error and of its report that a person reads. */
  const readable = (error: any) => ({
    message: error.message,
    code: error.code,
    requestId: error.requestId,
    clientRequestId: error.clientRequestId,
    date: error.date,
    stackFirstLine: String(error.stack).split("\n")[0],
    report: JSON.stringify(reports).replace(/\\u00[0-9a-f]{2}|\\[nrt]/g, (escape) => JSON.parse(`"${escape}"`)),
  });

  it("control and bidi characters in an OData message, code and innerError are escaped in the error and its report", async ({ graph }) => {
    graph.answer((_q, res) => json(res, 400, { error: { code: `Bad${HOSTILE}`, message: HOSTILE, innerError: { "request-id": `id${HOSTILE}`, date: `d${HOSTILE}` } } }));
    const error = await rejection(client(graph).get("p1"));
    for (const [field, text] of Object.entries(readable(error))) expect([field, UNSAFE.test(text ?? "")]).toEqual([field, false]);
    expect(error.message).toContain("\\u{1B}[31mALERT");
    expect(error.message).toContain("\\u{202E}gnp.exe");
    expect(error.message).toContain("\\u{A}FAKE LOG LINE");
  });

  it("a 20,000-character code with CR/LF is capped and escaped, in the error and in the report's errorCode", async ({ graph }) => {
    const code = `Code\r\n${"X".repeat(20_000)}`;
    graph.answer((_q, res) => json(res, 400, { error: { code, message: "m" } }));
    const error = await rejection(client(graph).get("p1"));
    expect(error.code.length).toBeLessThanOrEqual(220);
    expect(error.code.startsWith("Code\\u{D}\\u{A}XXX")).toBe(true);
    expect(reports[0]!.errorCode).toBe(error.code);
  });

  it("the caps, to the character: a code of 200 and a message of 2,000 are kept whole; one more and each is cut with …", async ({ graph }) => {
    for (const extra of [0, 1]) {
      const code = "C".repeat(200 + extra);
      const message = "M".repeat(2_000 + extra);
      graph.answer((_q, res) => json(res, 400, { error: { code, message } }));
      const error = await rejection(client(graph).get("p1"));
      expect(error.code).toBe(extra ? `${"C".repeat(200)}…` : code);
      expect(error.message).toBe(extra ? `${"M".repeat(2_000)}…` : message);
    }
  });

  it("a 20,000-character message is capped at a few thousand characters", async ({ graph }) => {
    graph.answer((_q, res) => json(res, 500, { error: { code: "InternalServerError", message: "M".repeat(20_000) } }));
    const error = await rejection(client(graph).get("p1"));
    expect(error.message.length).toBeLessThanOrEqual(2_100);
    expect(error.message.length).toBeGreaterThan(1_000);
  });

  it("innerError fields that are objects, numbers or arrays are dropped: the headers' values are used instead", async ({ graph }) => {
    const innerError = { "request-id": { injected: "object" }, "client-request-id": 42, date: ["2026-01-01"] };
    graph.answer((_q, res) => json(res, 404, { error: { code: "NotFound", message: "no such partner", innerError } }, { "request-id": "header-request-id", date: "Tue, 01 Dec 2026 10:00:00 GMT" }));
    const error = await rejection(client(graph).get("p1"));
    expect(error.requestId).toBe("header-request-id");
    expect(error.date).toBe("Tue, 01 Dec 2026 10:00:00 GMT");
    expect(typeof error.clientRequestId).toBe("string");
    expect(error.clientRequestId).not.toBe("42");
  });

  it("an innerError that is null: the error is still Graph's, with the ids from the headers", async ({ graph }) => {
    graph.answer((_q, res) => json(res, 404, { error: { code: "NotFound", message: "no such partner", innerError: null } }, { "request-id": "header-request-id" }));
    const error = await rejection(client(graph).get("p1"));
    expect(error).toMatchObject({ status: 404, code: "NotFound", message: "no such partner", requestId: "header-request-id" });
  });

  it("a text/plain error body with controls is quoted escaped in the message", async ({ graph }) => {
    graph.answer((_q, res) => void res.writeHead(502, { "content-type": "text/plain" }).end(HOSTILE));
    const error = await rejection(client(graph).get("p1"));
    expect(error.code).toBe("UnknownError");
    expect(UNSAFE.test(error.message)).toBe(false);
    expect(error.message).toContain("\\u{7} cr");
  });

  it("a reason phrase with ESC, C1 and U+202E bytes is escaped in the message", async ({ graph }) => {
    graph.answer((_q, _res, raw) => {
      const head = Buffer.concat([Buffer.from("HTTP/1.1 503 Busy\x1b[2J"), Buffer.from("\u202E", "utf8"), Buffer.from("\x85Now\r\ncontent-type: text/plain\r\ncontent-length: 4\r\nconnection: close\r\n\r\nbusy", "latin1")]);
      raw!.socket.end(head);
    });
    const error = await rejection(client(graph).get("p1"));
    expect(error.status).toBe(503);
    expect(UNSAFE.test(error.message)).toBe(false);
    expect(error.message).toMatch(/^HTTP 503 Busy.*Now: busy$/);
    expect(error.message).toContain("Busy\\u{1B}[2J");
  });
});
