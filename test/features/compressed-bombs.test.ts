// Compressed bombs: gzip and brotli bodies are judged by their decoded bytes against maxResponseBytes, on the
// methods and on raw.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { describe, expect } from "vitest";
import { createRemoteAssistanceClient, DEFAULT_MAX_RESPONSE_BYTES, isGraphError } from "../../src/entries/index.js";
import { rejection } from "../helpers/graph-server.js";
import { it, type Graph } from "../helpers/fixtures.js";

const MiB = 1024 * 1024;
const ERROR_BODY_BYTES = 64 * 1024;
type Encoding = "gzip" | "br";

const encode = (text: string, encoding: Encoding) =>
  encoding === "gzip" ? gzipSync(text) : brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });

/** A partner whose displayName makes its JSON `decodedBytes` long. */
const partnerOf = (decodedBytes: number) => {
  const head = '{"id":"p1","displayName":"';
  return `${head}${"A".repeat(decodedBytes - head.length - 2)}"}`;
};
const pageOf = (decodedBytes: number) => `{"value":[${partnerOf(decodedBytes - 12)}]}`;
const oDataErrorOf = (decodedBytes: number) => {
  const head = '{"error":{"code":"InternalServerError","message":"';
  return `${head}${"B".repeat(decodedBytes - head.length - 3)}"}}`;
};

describe("compressed bombs", () => {

  /** Answers every request with `text`, encoded, its Content-Length the compressed size (as a real server sends it). */
  const serveEncoded = (graph: Graph, status: number, text: string, encoding: Encoding, contentType = "application/json") => {
    const wire = encode(text, encoding);
    expect(wire.length).toBeLessThan(text.length / 100); // a bomb: tiny on the wire
    graph.answer((_request, res) => {
      res.writeHead(status, { "content-type": contentType, "content-encoding": encoding, "content-length": wire.length });
      res.end(wire);
    });
  };
  const clientWith = (graph: Graph, maxResponseBytes?: number) =>
    createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => "token-1", retry: false, tracing: false, ...(maxResponseBytes ? { maxResponseBytes } : {}) });

  describe.each(["gzip", "br"] as const)("%s", (encoding) => {
    it("a success body within maxResponseBytes once decoded is read and parsed", async ({ graph }) => {
      serveEncoded(graph, 200, partnerOf(MiB - 1024), encoding);
      const partner = await clientWith(graph, MiB).get("p1");
      expect(partner.displayName).toHaveLength(MiB - 1024 - 28);
    });

    it("get: a success that decodes past maxResponseBytes is ResponseTooLarge, whatever its Content-Length says", async ({ graph }) => {
      serveEncoded(graph, 200, partnerOf(4 * MiB), encoding);
      const error = await rejection(clientWith(graph, MiB).get("p1"));
      expect(isGraphError(error)).toBe(true);
      expect(error).toMatchObject({ status: 200, code: "ResponseTooLarge" });
      expect(error.message).toContain(`${MiB} bytes`);
    });

    it("list: a page that decodes past maxResponseBytes is ResponseTooLarge", async ({ graph }) => {
      serveEncoded(graph, 200, pageOf(4 * MiB), encoding);
      await expect(clientWith(graph, MiB).list()).rejects.toMatchObject({ code: "ResponseTooLarge" });
    });

    it("update: a 200 entity that decodes past maxResponseBytes is ResponseTooLarge", async ({ graph }) => {
      serveEncoded(graph, 200, partnerOf(4 * MiB), encoding);
      await expect(clientWith(graph, MiB).update("p1", { displayName: "x" })).rejects.toMatchObject({ code: "ResponseTooLarge" });
    });

    it("an error body that decodes to megabytes is kept to its first 64 KiB, as text, in GraphError.body", async ({ graph }) => {
      serveEncoded(graph, 500, oDataErrorOf(8 * MiB), encoding);
      const error = await rejection(clientWith(graph).get("p1"));
      expect(error).toMatchObject({ status: 500 });
      expect(typeof error.body).toBe("string");
      expect(error.body.length).toBeLessThanOrEqual(ERROR_BODY_BYTES);
      expect(error.body.length).toBeGreaterThan(ERROR_BODY_BYTES - 100);
      expect(JSON.stringify(error).length).toBeLessThan(2 * ERROR_BODY_BYTES);
    });

    it("raw: a success that decodes past maxResponseBytes rejects with ResponseTooLarge", async ({ graph }) => {
      serveEncoded(graph, 200, partnerOf(4 * MiB), encoding);
      const call = clientWith(graph, MiB).raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: "p1" } } });
      await expect(call).rejects.toMatchObject({ status: 200, code: "ResponseTooLarge" });
    });

    it("raw: an error body that decodes to megabytes comes back as `error`, at most 64 KiB of it", async ({ graph }) => {
      serveEncoded(graph, 500, oDataErrorOf(8 * MiB), encoding);
      const { error, response } = await clientWith(graph).raw.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: "p1" } } });
      expect(response.status).toBe(500);
      // Cut at 64 KiB, it is no longer JSON: openapi-fetch hands it over as the text it is.
      expect(typeof error).toBe("string");
      expect((error as unknown as string).length).toBeLessThanOrEqual(ERROR_BODY_BYTES);
      expect((error as unknown as string).length).toBeGreaterThan(ERROR_BODY_BYTES - 100);
    });
  });

  it("under the default limit (16 MiB), a 64 KiB gzip body that decodes to 64 MiB is ResponseTooLarge", async ({ graph }) => {
    serveEncoded(graph, 200, partnerOf(64 * MiB), "gzip");
    const error = await rejection(clientWith(graph).get("p1"));
    expect(error).toMatchObject({ code: "ResponseTooLarge" });
    expect(error.message).toContain(`${DEFAULT_MAX_RESPONSE_BYTES} bytes`);
  });
});
