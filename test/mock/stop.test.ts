// `npm run mock` serves the fake and leaves nothing behind however it is stopped: SIGINT or SIGTERM to npm, to tsx,
// or to the script itself, and SIGKILL to the script. The chain is npm → tsx → scripts/mock.ts (`exec` in the npm
// script: no shell between npm and tsx to swallow the signal); the script is the server.
import { afterAll, describe, expect, it } from "vitest";
import { alive, eventually, listening, parentOf, startNpmMock, type RunningMock } from "./support.js";

describe("npm run mock, stopped", () => {
  const started: RunningMock[] = [];
  afterAll(() => {
    for (const mock of started) if (alive(mock.pid)) process.kill(mock.pid, "SIGKILL");
  });
  const cases = [
    ...(["npm", "tsx", "script"] as const).flatMap((target) => (["SIGINT", "SIGTERM"] as const).map((signal) => [signal, target] as const)),
    ["SIGKILL", "script"] as const,
  ];

  it.concurrent.each(cases)("%s to %s: the port is free and nothing of the chain is left", async (signal, target) => {
    const mock = await startNpmMock();
    started.push(mock);
    const tsx = parentOf(mock.pid);
    expect(parentOf(tsx)).toBe(mock.npm.pid);
    process.kill({ npm: mock.npm.pid!, tsx, script: mock.pid }[target], signal);
    expect(await eventually(async () => !(await listening(mock.port)), 10_000)).toBe(true);
    expect(await eventually(async () => [mock.npm.pid!, tsx, mock.pid].every((pid) => !alive(pid)), 10_000)).toBe(true);
  });

  it("serves the fake: a PATCH answers 204 and shows in the next GET; --strict refuses what Kiota sends back", async () => {
    const mock = await startNpmMock();
    const strict = await startNpmMock(["--strict"]);
    started.push(mock, strict);
    try {
      const item = "/deviceManagement/remoteAssistancePartners/7443c8b9-c8b9-7443-b9c8-4374b9c84374";
      const headers = { authorization: "Bearer t", "content-type": "application/json" };
      expect(mock.baseUrl).toBe(`http://127.0.0.1:${mock.port}/v1.0`);
      expect((await fetch(`${mock.baseUrl}${item}`, { method: "PATCH", headers, body: '{"displayName":"Renamed"}' })).status).toBe(204);
      expect((await (await fetch(`${mock.baseUrl}${item}`, { headers })).json()).displayName).toBe("Renamed");
      const roundTrip = JSON.stringify({ id: "7443c8b9-c8b9-7443-b9c8-4374b9c84374", displayName: "x" });
      expect((await fetch(`${mock.baseUrl}${item}`, { method: "PATCH", headers, body: roundTrip })).status).toBe(204);
      expect((await fetch(`${strict.baseUrl}${item}`, { method: "PATCH", headers, body: roundTrip })).status).toBe(400);
    } finally {
      mock.npm.kill("SIGTERM");
      strict.npm.kill("SIGTERM");
    }
  });
});
