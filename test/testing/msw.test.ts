// The ./testing export as a consumer's unit test uses it: msw handlers built from the spec stand up the contract
// in-process, and the real client talks to them.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRemoteAssistanceClient, GraphError } from "../../src/index.js";
import { createRemoteAssistanceHandlers, remoteAssistanceHttp } from "../../src/testing.js";
import { at } from "../helpers/spec.js";

// A loopback address nothing listens on: should a request ever slip past msw, it fails here, never on the network.
const baseUrl = "http://127.0.0.1:9/v1.0";
// Inside a describe, hooks included: a throw in a file-level hook is not seen as a failure of the tests below by
// Stryker's vitest runner (it looks for failed suites, not a failed file), while one in this describe's hook is.
describe("the ./testing export", () => {
  // Made in a hook, not while the file is collected: a throw there fails every test (a throw while collecting would
  // leave no test at all, and Stryker would count the mutant that caused it as survived).
  let server: ReturnType<typeof setupServer>;
  let client: ReturnType<typeof createRemoteAssistanceClient>;
  beforeAll(() => {
    server = setupServer(...createRemoteAssistanceHandlers({ baseUrl }));
    server.listen({ onUnhandledRequest: "error" });
    client = createRemoteAssistanceClient({ baseUrl, getAccessToken: () => "test-token", retry: false, validate: "response" });
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const id = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";
  const item = "/paths/~1deviceManagement~1remoteAssistancePartners~1{remoteAssistancePartnerId}";

  describe("createRemoteAssistanceHandlers", () => {
    it("answers every operation with its documented example", async () => {
      expect(await client.update(id, { displayName: "x" })).toEqual(at(`${item}/patch/responses/200/content/application~1json/examples/graphReferenceResponse/value`));
      expect(await client.get(id)).toEqual(at(`${item}/get/responses/200/content/application~1json/examples/partner/value`));
      expect((await client.list()).value.length).toBeGreaterThan(0);
      expect(await client.count()).toBe(2);
      expect((await client.create({ displayName: "TeamViewer" })).id).toBe(id);
      await expect(client.delete(id)).resolves.toBeUndefined();
      await expect(client.beginOnboarding(id)).resolves.toBeUndefined();
      await expect(client.disconnect(id)).resolves.toBeUndefined();
    });

    it("listAll follows the list example's next link on the handlers' own base URL, and stops at the last page", async () => {
      const ids: string[] = [];
      for await (const partner of client.listAll()) ids.push(partner.id!);
      expect(ids).toEqual([id, id]); // the example page, then the same example as the last page
      expect(await client.count()).toBe(2);
    });

    it("refuses a body that breaks the contract with 422, naming the path", async () => {
      const error = await client.update(id, { displayNam: "typo" } as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ status: 422, code: "ContractViolation" });
      expect((error as GraphError).message).toContain('/displayNam unknown property "displayNam"');
    });

    it("answers 401 without a bearer token", async () => {
      const response = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners`);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("InvalidAuthenticationToken");
    });

    it("honours Prefer: code=204 and code=429 (with its Retry-After)", async () => {
      await expect(client.update(id, { displayName: "x" }, { headers: { Prefer: "code=204" } })).resolves.toBeUndefined();
      const error = await client.get(id, undefined, { headers: { Prefer: "code=429" } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "GraphError", status: 429, code: "TooManyRequests", retryAfterMs: 10_000 });
    });

    it("lets a test override one operation with the typed http", async () => {
      server.use(
        remoteAssistanceHttp({ baseUrl }).patch("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", ({ params, response }) =>
          response(404).json({ error: { code: "ResourceNotFound", message: `no partner ${params.remoteAssistancePartnerId}` } }),
        ),
      );
      await expect(client.update("gone", {})).rejects.toMatchObject({ status: 404, message: "no partner gone" });
    });

    it("a status the operation does not document: 500, saying so; a 4XX one falls back to the 4XX response", async () => {
      const undocumented = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners/${id}`, { headers: { authorization: "Bearer t", prefer: "code=302" } });
      expect(undocumented.status).toBe(500);
      expect((await undocumented.json()).error).toEqual({
        code: "ContractViolation",
        message: "The request breaks the contract: (body) the operation documents no 302 response",
        details: [{ code: "ContractViolation", message: "the operation documents no 302 response", target: "" }],
      });
      const conflict = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners/${id}`, { headers: { authorization: "Bearer t", prefer: "code=409" } });
      expect(conflict.status).toBe(409);
      expect((await conflict.json()).error.code).toEqual(expect.any(String));
    });

    it("a body that is not JSON: 422 saying so; every problem of a bad body is a details entry", async () => {
      const url = `${baseUrl}/deviceManagement/remoteAssistancePartners/${id}`;
      const notJson = await fetch(url, { method: "PATCH", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: "{oops" });
      expect(notJson.status).toBe(422);
      expect((await notJson.json()).error.message).toBe("The request breaks the contract: (body) is not valid JSON");
      const twoProblems = await fetch(url, { method: "PATCH", headers: { authorization: "Bearer t" }, body: JSON.stringify({ id: "x", onboardingStatus: "on" }) });
      const { error } = await twoProblems.json();
      expect(error.details.map((d: { target: string }) => d.target).sort()).toEqual(["/id", "/onboardingStatus"]);
      expect(error.message.replace("The request breaks the contract: ", "").split("; ")).toHaveLength(2);
    });

    it("the count is text/plain, the documented headers come with their examples", async () => {
      const count = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners/$count`, { headers: { authorization: "Bearer t" } });
      expect(count.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await count.text()).toBe("2");
      const throttled = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners`, { headers: { authorization: "Bearer t", prefer: "code=429" } });
      expect(throttled.headers.get("retry-after")).toBe("10");
    });

    it("a Bearer header without a token, or not at the start, is no token", async () => {
      for (const authorization of ["Bearer ", "Basic Bearer t"]) {
        const response = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners`, { headers: { authorization } });
        expect(response.status, authorization).toBe(401);
      }
    });

    it("a method a path does not document is left unhandled: msw's onUnhandledRequest decides (here, an error)", async () => {
      const url = `${baseUrl}/deviceManagement/remoteAssistancePartners/${id}`;
      await expect(fetch(url, { method: "POST", headers: { authorization: "Bearer t" }, body: "{}" })).rejects.toThrow();
    });

    it("a body that is not an object: 422 naming the body as a whole", async () => {
      const response = await fetch(`${baseUrl}/deviceManagement/remoteAssistancePartners/${id}`, { method: "PATCH", headers: { authorization: "Bearer t" }, body: "[]" });
      expect(response.status).toBe(422);
      expect((await response.json()).error).toEqual({
        code: "ContractViolation",
        message: "The request breaks the contract: (body) must be object",
        details: [{ code: "ContractViolation", message: "must be object", target: "" }],
      });
    });
  });

  describe("createRemoteAssistanceHandlers and remoteAssistanceHttp with a base URL ending in slashes", () => {
    it("serve under that base without them, and link the next page there", async () => {
      const other = setupServer(
        remoteAssistanceHttp({ baseUrl: "http://127.0.0.1:9/other//" }).get("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", ({ response }) =>
          response(404).json({ error: { code: "ResourceNotFound", message: "overridden" } }),
        ),
        ...createRemoteAssistanceHandlers({ baseUrl: "http://127.0.0.1:9/other//" }),
      );
      server.close();
      other.listen({ onUnhandledRequest: "error" });
      try {
        const response = await fetch("http://127.0.0.1:9/other/deviceManagement/remoteAssistancePartners", { headers: { authorization: "Bearer t" } });
        expect((await response.json())["@odata.nextLink"]).toBe("http://127.0.0.1:9/other/deviceManagement/remoteAssistancePartners?$skiptoken=page2");
        expect((await fetch("http://127.0.0.1:9/other/deviceManagement/remoteAssistancePartners/p1")).status).toBe(404);
      } finally {
        other.close();
        server.listen({ onUnhandledRequest: "error" });
      }
    });
  });
});
