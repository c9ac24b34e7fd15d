// Issue 23, item 9: validation cost is bounded. Microsoft's CSDL gives lastConnectionDateTime no MaxLength or
// Precision, so the bound is the validators' own (scripts/codegen/validators.ts FORMAT_MAX_CHARS): a format check
// refuses a string past its bound unread. Measured by memory, not time: unbounded, ajv-formats' date-time split a
// 15 MiB value into millions of strings (hundreds of MB of heap) before refusing it.
import { getHeapStatistics } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, isContractViolationError, validateRemoteAssistancePartner } from "../../src/entries/index.js";
import { PARTNER, rejection, sendJson, startLoopback, type Loopback } from "./loopback.js";

const MiB = 1024 * 1024;
const heapReserved = () => getHeapStatistics().total_heap_size;

describe("validation cost of overlong strings", () => {
  it.each([
    ["spaces", " "],
    ["the letter t (a date-time separator)", "t"],
  ])("a 15 MiB lastConnectionDateTime of %s is refused at its path without the heap growing", (_what, char) => {
    const value = { ...PARTNER, lastConnectionDateTime: char.repeat(15 * MiB) };
    const before = heapReserved();
    const result = validateRemoteAssistancePartner(value);
    const grown = heapReserved() - before;
    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors.map((e) => e.path)).toEqual(["/lastConnectionDateTime"]);
    expect(grown).toBeLessThan(64 * MiB);
  });

  it("a date-time with 12 decimals of seconds (OData's most) is still valid; one with a 100-digit fraction is not", () => {
    expect(validateRemoteAssistancePartner({ ...PARTNER, lastConnectionDateTime: "2016-12-31T23:58:36.123456789012-08:00" }).valid).toBe(true);
    expect(validateRemoteAssistancePartner({ ...PARTNER, lastConnectionDateTime: `2016-12-31T23:58:36.${"1".repeat(100)}Z` }).valid).toBe(false);
  });

  describe('through the client, validate: "response"', () => {
    let server: Loopback;
    beforeAll(async () => {
      server = await startLoopback();
    });
    afterAll(() => server.close());

    it("a 15 MiB lastConnectionDateTime is a ContractViolationError at its path", async () => {
      server.answer((_q, res) => sendJson(res, 200, { ...PARTNER, lastConnectionDateTime: " ".repeat(15 * MiB) }));
      const client = createRemoteAssistanceClient({ baseUrl: server.baseUrl, getAccessToken: () => "token-of-the-test", validate: "response", tracing: false });
      const error = await rejection(client.get("p1"));
      expect(isContractViolationError(error)).toBe(true);
      expect(error.errors.map((e: { path: string }) => e.path)).toEqual(["/lastConnectionDateTime"]);
      expect(error.message.length).toBeLessThan(500);
    });
  });
});
