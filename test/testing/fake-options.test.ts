// The fake's options as a consumer meets them: a wrong one is a TypeError when the fake is made, naming the option
// and what it takes (never a fake that quietly does something else later), and each accepted one changes what the
// fake answers.
import { describe, expect, it } from "vitest";
import { MSW_BASE, mswFakes, PARTNERS, refusal, SEED_ID, send } from "./support/msw-fake.js";
import { refusedOptions } from "./support/refused.js";

describe("options the fake refuses when it is made", () => {
  it("options that are not an object", () => {
    expect(refusedOptions(null)).toBe("options must be an object.");
    expect(refusedOptions("strict")).toBe("options must be an object.");
  });

  it("an unknown option, listing the known ones; a renamed one, naming its replacement", () => {
    expect(refusedOptions({ pagesize: 2 })).toBe(
      "unknown option 'pagesize' (known: version, partners, strict, patchReturnsRepresentation, pageSize, throttle, faults, now, maxRequestBodyBytes, baseUrl).",
    );
    expect(refusedOptions({ update: true })).toBe("`update` is now `patchReturnsRepresentation: true` (for 200) or left out (for 204)");
  });

  it("maxRequestBodyBytes that is not a whole number ≥ 0, and a clock that is not a function", () => {
    expect(refusedOptions({ maxRequestBodyBytes: -1 })).toBe("maxRequestBodyBytes must be a whole number ≥ 0, got -1.");
    expect(refusedOptions({ maxRequestBodyBytes: 1.5 })).toBe("maxRequestBodyBytes must be a whole number ≥ 0, got 1.5.");
    expect(refusedOptions({ now: 1_700_000_000_000 })).toBe("now must be a function returning milliseconds.");
  });

  it("throttle that is neither false nor an object of Microsoft's limits", () => {
    for (const throttle of [true, null, 20, "off"]) expect(refusedOptions({ throttle })).toBe("throttle must be false or an object of limits.");
    expect(refusedOptions({ throttle: { window: 1000 } })).toBe(
      "unknown throttle limit 'window' (known: windowMs, writesPerApp, writesPerTenant, requestsPerApp, requestsPerTenant).",
    );
    expect(refusedOptions({ throttle: { writes: 5 } })).toBe("throttle.writes is now throttle.writesPerApp (and writesPerTenant, requestsPerApp, requestsPerTenant).");
    expect(refusedOptions({ throttle: { writesPerApp: 0 } })).toBe("throttle.writesPerApp must be a whole number ≥ 1, got 0.");
  });

  it("faults that are not { rate from 0 to 1, whole seed, HTTP error statuses }", () => {
    for (const faults of [null, 0.5, "503"]) expect(refusedOptions({ faults })).toBe("faults must be { rate, seed, statuses? }.");
    expect(refusedOptions({ faults: { rate: "0.5", seed: 1 } })).toBe("faults.rate must be a number from 0 to 1, got 0.5.");
    expect(refusedOptions({ faults: { rate: -0.1, seed: 1 } })).toBe("faults.rate must be a number from 0 to 1, got -0.1.");
    expect(refusedOptions({ faults: { rate: 1.1, seed: 1 } })).toBe("faults.rate must be a number from 0 to 1, got 1.1.");
    expect(refusedOptions({ faults: { rate: 0.5, seed: 1.5 } })).toBe("faults.seed must be a whole number, got 1.5.");
    const statuses = (value: unknown) => `faults.statuses must be HTTP error statuses (400 to 599), got ${JSON.stringify(value)}.`;
    for (const value of ["503", [], [503, 600], [600], [399], [503.5]]) expect(refusedOptions({ faults: { rate: 1, seed: 1, statuses: value } })).toBe(statuses(value));
  });
});

describe("what each accepted option changes", () => {
  const { serveFake } = mswFakes();

  it("faults: statuses at both ends of 400 to 599 are taken and answered", async () => {
    serveFake({ faults: { rate: 1, seed: 1, statuses: [599] } });
    expect(refusal(await send("GET", PARTNERS))).toEqual({ status: 599, code: "ServiceUnavailable", message: "The fake answered with an injected fault." });
    serveFake({ faults: { rate: 1, seed: 1, statuses: [400] } });
    expect((await send("GET", PARTNERS)).status).toBe(400);
  });

  it("strict: by default Graph's rules (the path's id and @odata annotations ignored); strict: true, this package's (refused)", async () => {
    const roundTrip = JSON.stringify({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#x", id: SEED_ID, displayName: "Renamed" });
    const lenient = serveFake();
    expect((await send("PATCH", `${PARTNERS}/${SEED_ID}`, { body: roundTrip })).status).toBe(204);
    expect(lenient.partners().find((p) => p.id === SEED_ID)?.displayName).toBe("Renamed");
    const strict = serveFake({ strict: true });
    const refused = await send("PATCH", `${PARTNERS}/${SEED_ID}`, { body: roundTrip });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details.map((d: { target: string }) => d.target).sort()).toEqual(["/@odata.context", "/id"]);
    expect(strict.partners().find((p) => p.id === SEED_ID)?.displayName).not.toBe("Renamed");
  });

  it("pageSize: the page a request without $top gets", async () => {
    serveFake({ pageSize: 1 });
    const page = await send("GET", PARTNERS);
    expect(page.json.value.map((p: { id: string }) => p.id)).toEqual([SEED_ID]);
    expect(page.json["@odata.nextLink"]).toBe(`${MSW_BASE}${PARTNERS}?%24skiptoken=fake-1`);
  });

  it("maxRequestBodyBytes: a body one byte past it is 413, one at it is read", async () => {
    const body = JSON.stringify({ displayName: "x" });
    serveFake({ maxRequestBodyBytes: body.length - 1 });
    expect(refusal(await send("PATCH", `${PARTNERS}/${SEED_ID}`, { body }))).toEqual({
      status: 413,
      code: "RequestEntityTooLarge",
      message: `The request body is larger than the fake accepts (${body.length - 1} bytes).`,
    });
    serveFake({ maxRequestBodyBytes: body.length });
    expect((await send("PATCH", `${PARTNERS}/${SEED_ID}`, { body })).status).toBe(204);
  });

  it("throttle: false answers every request, however many", async () => {
    serveFake({ throttle: false });
    for (let i = 0; i < 3; i++) expect((await send("PATCH", `${PARTNERS}/${SEED_ID}`, { body: "{}" })).status).toBe(204);
  });
});
