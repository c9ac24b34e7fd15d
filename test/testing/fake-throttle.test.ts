// The fake's throttle as a consumer's retry test meets it: the limits per tenant as well as per app, which app a
// bearer token speaks for (a JWT's appid or azp claim; every other token one app), Retry-After as the time left in
// the window, and reset() emptying the windows. Time is the test's own clock, moved by hand.
import { describe, expect, it } from "vitest";
import type { ThrottleLimits } from "../../src/testing.js";
import { createThrottle, INTUNE_REMOTE_ASSISTANCE_LIMITS } from "../../src/testing/fake/throttle.js";
import { mswFakes, PARTNERS, refusal, SEED_ID, send } from "./support/msw-fake.js";

/** A JWT (unsigned: the fake reads its claims, never its signature) whose payload holds `claims`. */
const jwt = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.signature`;

const TOO_MANY = { status: 429, code: "TooManyRequests", message: "Too many requests: the Intune remote assistance limits for this window are used up." };
const read = (token: string) => send("GET", PARTNERS, { token });
const write = (token: string) => send("PATCH", `${PARTNERS}/${SEED_ID}`, { token, body: "{}" });

describe("the fake's throttle", () => {
  const { serveFake } = mswFakes();
  let now = 0;
  const throttled = (limits: Partial<ThrottleLimits>) => {
    now = 0;
    return serveFake({ throttle: limits, now: () => now });
  };

  it("requests per tenant: every app's requests count, and reset() empties the window", async () => {
    const fake = throttled({ requestsPerTenant: 2 });
    for (let round = 0; round < 2; round++) {
      expect((await read(jwt({ appid: "app-a" }))).status).toBe(200);
      expect((await read(jwt({ appid: "app-b" }))).status).toBe(200);
      const refused = await read(jwt({ appid: "app-c" }));
      expect(refusal(refused)).toEqual(TOO_MANY);
      expect(refused.headers.get("retry-after")).toBe("20");
      fake.reset();
    }
  });

  it("writes per tenant: every app's writes count, reads do not use them up, and reset() empties the window", async () => {
    const fake = throttled({ writesPerTenant: 2 });
    for (let round = 0; round < 2; round++) {
      expect((await write(jwt({ appid: "app-a" }))).status).toBe(204);
      expect((await write(jwt({ appid: "app-b" }))).status).toBe(204);
      expect(refusal(await write(jwt({ appid: "app-c" })))).toEqual(TOO_MANY);
      expect((await read(jwt({ appid: "app-c" }))).status).toBe(200);
      fake.reset();
    }
  });

  it("Retry-After is what is left of the window, in decimal seconds; once it has passed, the request is admitted", async () => {
    throttled({ requestsPerApp: 1 });
    expect((await read("token")).status).toBe(200);
    now = 1_500;
    expect((await read("token")).headers.get("retry-after")).toBe("18.5");
    now = 20_000;
    expect((await read("token")).status).toBe(200);
  });

  it("the app is a JWT's appid or azp claim, read from the token whole", async () => {
    throttled({ requestsPerApp: 1 });
    expect((await read(jwt({ appid: "app-a" }))).status).toBe(200);
    expect((await read(jwt({ appid: "app-b" }))).status).toBe(200);
    expect(refusal(await read(jwt({ azp: "app-a" })))).toEqual(TOO_MANY);
  });

  it("any other token is one app: not a JWT, or a JWT without a non-empty string appid or azp", async () => {
    throttled({ requestsPerApp: 1 });
    expect((await read("opaque-token")).status).toBe(200);
    const others = [
      `e30.${Buffer.from(JSON.stringify({ appid: "app-a" })).toString("base64url")}`, // two parts: not a JWT
      `e30.${Buffer.from(JSON.stringify({ appid: "app-b" })).toString("base64url")}.sig.extra`, // four parts
      "e30..signature", // no payload
      jwt({ appid: 123 }),
      jwt({ appid: "" }),
      jwt({ azp: ["app-c"] }),
    ];
    for (const token of others) expect(refusal(await read(token)), token).toEqual(TOO_MANY);
    expect((await read(jwt({ appid: "app-d" }))).status).toBe(200);
  });
});

describe("a throttle on its own", () => {
  // The fake makes a new throttle on reset(); a throttle's own reset() must leave it as new all the same.
  it("reset() empties the tenant's windows, for requests and for writes", () => {
    const throttle = createThrottle({ ...INTUNE_REMOTE_ASSISTANCE_LIMITS, requestsPerTenant: 2, writesPerTenant: 1 }, () => 0);
    for (let round = 0; round < 2; round++) {
      expect(throttle.admit("app-a", true)).toBeUndefined();
      expect(throttle.admit("app-b", true)).toBe(20_000);
      expect(throttle.admit("app-b", false)).toBeUndefined();
      expect(throttle.admit("app-c", false)).toBe(20_000);
      throttle.reset();
    }
  });
});
