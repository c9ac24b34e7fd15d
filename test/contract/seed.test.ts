// The source document's example request and response must be in the spec exactly: same properties, same order,
// same strings (the 7-digit fraction and the -08:00 offset included).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { at } from "../helpers/spec.js";

const seed = readFileSync(new URL("../fixtures/seed/000_ad8a68db078df9b1.txt", import.meta.url), "utf8");
const httpBlocks = [...seed.matchAll(/``` http\n([\s\S]*?)```/g)].map((m) => m[1]!);
// An HTTP message: start line and headers, a blank line, then the body.
const bodyOf = (block: string) => block.slice(block.indexOf("\n\n") + 2).trimEnd();
const [seedRequest, seedResponse] = httpBlocks.filter((b) => b.includes("\n\n")).map(bodyOf);

const operation = "/paths/~1deviceManagement~1remoteAssistancePartners~1{remoteAssistancePartnerId}/patch";

describe("the source document's examples", () => {
  it("are found in the seed: one request, one response", () => {
    expect(seedRequest).toMatch(/^\{\n {2}"displayName"/);
    expect(seedResponse).toMatch(/^\{\n {2}"@odata.type"/);
  });

  it("keeps the request byte for byte as the graphReferenceRequest example", () => {
    const example = at(`${operation}/requestBody/content/application~1json/examples/graphReferenceRequest/value`);
    expect(JSON.stringify(example, null, 2)).toBe(seedRequest);
  });

  it("keeps the 200 response byte for byte as the graphReferenceResponse example", () => {
    const example = at(`${operation}/responses/200/content/application~1json/examples/graphReferenceResponse/value`);
    expect(JSON.stringify(example, null, 2)).toBe(seedResponse);
  });

  it("keeps the request line's method and path", () => {
    expect(httpBlocks[0]!.trim()).toBe("PATCH /deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}");
    expect(at(operation)).toBeTypeOf("object");
  });
});
