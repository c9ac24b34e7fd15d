// Request bodies as the fake judges them under Graph's rules (the default): a body that is not a JSON object is
// refused whole, an `id` is ignored on a create and must be the path's on an update; and what a PATCH keeps.
import { describe, expect, it } from "vitest";
import { mswFakes, PARTNERS, SEED_ID, send } from "./support/msw-fake.js";

const details = (answer: { json: { error: { details: { target: string; message: string }[] } } }) => answer.json.error.details;

describe("request bodies, Graph's rules", () => {
  const { serveFake } = mswFakes();

  it("JSON that is not an object (a number, a string) is refused whole, the (body) its one target", async () => {
    const fake = serveFake();
    for (const body of ["5", '"displayName"']) {
      const answer = await send("PATCH", `${PARTNERS}/${SEED_ID}`, { body });
      expect(answer.status).toBe(400);
      expect(details(answer).map((d) => d.target)).toEqual(["(body)"]);
    }
    expect(fake.partners()).toEqual(serveFake().partners());
  });

  it("create: an id in the body is ignored, the service sets its own", async () => {
    const fake = serveFake();
    const created = await send("POST", PARTNERS, { body: JSON.stringify({ id: "chosen-by-caller", displayName: "Acme" }) });
    expect(created.status).toBe(201);
    expect(created.json.id).not.toBe("chosen-by-caller");
    expect(created.json.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(fake.partners().map((p) => p.id)).toContain(created.json.id);
  });

  it("update: an id other than the path's is refused, naming the path's", async () => {
    serveFake();
    const answer = await send("PATCH", `${PARTNERS}/${SEED_ID}`, { body: JSON.stringify({ id: "another", displayName: "Acme" }) });
    expect(answer.status).toBe(400);
    expect(details(answer)).toEqual([{ code: "BadRequest", target: "/id", message: `/id must be the id in the path ('${SEED_ID}') or left out` }]);
  });
});
