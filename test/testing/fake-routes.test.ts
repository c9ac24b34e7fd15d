// Which operation a request reaches, and Graph's answer when it reaches none: the segment quoted in "Resource not
// found", Intune's "No method match route template" for a method the path does not take, a broken percent-encoding,
// a path outside the fake's version, and the fake's own failures (still an OData answer, never a thrown error).
import { afterEach, describe, expect, it } from "vitest";
import { createRemoteAssistanceFake, type FakeServer } from "../../src/testing.js";
import { OPERATIONS } from "../../src/testing/fake/operations.js";
import { mswFakes, PARTNERS, refusal, SEED_ID, send } from "./support/msw-fake.js";

const notFound = (segment: string) => ({ status: 400, code: "BadRequest", message: `Resource not found for the segment '${segment}'.` });

describe("routes over msw", () => {
  const { serveFake } = mswFakes();

  it("a trailing slash names no segment", async () => {
    serveFake();
    expect((await send("GET", `${PARTNERS}/`)).json.value).toHaveLength(2);
    expect((await send("GET", `${PARTNERS}/${SEED_ID}/`)).json.id).toBe(SEED_ID);
  });

  it("the segment quoted is the first no operation has at its place, or the last when the path stops short", async () => {
    serveFake();
    expect(refusal(await send("GET", "/deviceManagement"))).toEqual(notFound("deviceManagement"));
    expect(refusal(await send("GET", "/deviceManagement/nope/x"))).toEqual(notFound("nope"));
    expect(refusal(await send("GET", "/nope/remoteAssistancePartners"))).toEqual(notFound("nope"));
    expect(refusal(await send("POST", `${PARTNERS}/${SEED_ID}/beginOnboarding/extra/more`))).toEqual(notFound("extra"));
  });

  it("an empty id is no id: Resource not found for the empty segment, not a partner whose id is ''", async () => {
    serveFake();
    expect(refusal(await send("POST", `${PARTNERS}//beginOnboarding`))).toEqual(notFound(""));
  });

  it("$count is the count, never a partner's id: other methods on it are Intune's route error", async () => {
    serveFake();
    for (const method of ["DELETE", "PATCH"]) {
      expect(refusal(await send(method, `${PARTNERS}/$count`, { body: "{}" }))).toEqual({
        status: 400,
        code: "No method match route template",
        message: `No OData route exists that match template ~/singleton/navigation/$count with http verb ${method} for request /deviceManagement/remoteAssistancePartners/$count.`,
      });
    }
  });

  it("a segment whose percent-encoding is broken: 400 quoting it as sent", async () => {
    serveFake();
    expect(refusal(await send("GET", `${PARTNERS}/%E0%A4%A`))).toEqual({
      status: 400,
      code: "BadRequest",
      message: "The request URI is not valid: the segment '%E0%A4%A' is not percent-encoded correctly.",
    });
  });

  it("a quoted segment is cut at 200 characters, with an ellipsis only past them", async () => {
    serveFake();
    expect(refusal(await send("GET", `/${"a".repeat(200)}`)).message).toBe(notFound("a".repeat(200)).message);
    expect(refusal(await send("GET", `/${"a".repeat(201)}`)).message).toBe(notFound(`${"a".repeat(200)}…`).message);
  });

  it("$skiptoken is an option of the listing only", async () => {
    serveFake();
    const refused = { status: 400, code: "BadRequest", message: "The query option $skiptoken is not supported on this request." };
    expect(refusal(await send("GET", `${PARTNERS}/${SEED_ID}?$skiptoken=fake-1`))).toEqual(refused);
    expect(refusal(await send("GET", `${PARTNERS}/$count?$skiptoken=fake-1`))).toEqual(refused);
  });

  it("a fault of the fake itself (here its clock, failing once) is a 500 InternalServerError naming it", async () => {
    let calls = 0;
    const clock = () => {
      if (++calls === 1) throw new Error("clock stopped");
      return 0;
    };
    serveFake({ now: clock });
    expect(refusal(await send("GET", PARTNERS))).toEqual({ status: 500, code: "InternalServerError", message: "The fake failed: Error: clock stopped" });
    expect((await send("GET", PARTNERS)).status).toBe(200);
  });

  it("a clock that always fails: still a 500 naming it, dated by the system clock, never an exception in the test's process", async () => {
    serveFake({ now: () => { throw new Error("clock gone"); } });
    const before = Date.now();
    const response = await send("GET", PARTNERS);
    expect(refusal(response)).toEqual({ status: 500, code: "InternalServerError", message: "The fake failed: Error: clock gone" });
    const dated = Date.parse(response.headers.get("date")!);
    expect(dated).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(dated).toBeLessThanOrEqual(Date.now());
  });

  it("an operation of the contract the fake has no handler for: 501 NotImplemented naming it", async () => {
    const handler = OPERATIONS.getRemoteAssistancePartner!;
    delete OPERATIONS.getRemoteAssistancePartner;
    try {
      serveFake();
      expect(refusal(await send("GET", `${PARTNERS}/${SEED_ID}`))).toEqual({ status: 501, code: "NotImplemented", message: "The fake does not implement getRemoteAssistancePartner." });
    } finally {
      OPERATIONS.getRemoteAssistancePartner = handler;
    }
  });
});

describe("routes over HTTP, where any path can arrive", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const get = async (path: string) => {
    const response = await fetch(`${new URL(server!.url).origin}${path}`, { headers: { authorization: "Bearer test-token" } });
    return refusal({ status: response.status, headers: response.headers, text: "", json: await response.json() });
  };

  it("a path outside the fake's version is Graph's 'Invalid version'; the version's root names no segment", async () => {
    server = await createRemoteAssistanceFake().listen();
    expect(await get(`/beta${PARTNERS}`)).toEqual({ status: 400, code: "BadRequest", message: "Invalid version." });
    expect(await get(`/v1.0${PARTNERS}`)).toMatchObject({ status: 200 });
    expect(await get("/v1.0")).toEqual(notFound(""));
  });
});
