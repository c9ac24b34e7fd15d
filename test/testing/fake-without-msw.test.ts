// msw is an optional peer: a consumer without it can import ./testing and serve the fake over HTTP; only reading
// fake.handlers fails, saying what to install, with the failed import as its cause.
import { afterEach, describe, expect, it, vi } from "vitest";

/** The messages along an error's chain of causes. */
const causes = (error: unknown): string[] => (error instanceof Error ? [error.message, ...causes(error.cause)] : []);

describe("the fake without msw installed", () => {
  afterEach(() => {
    vi.doUnmock("msw");
    vi.resetModules();
  });

  it("fake.handlers throws naming the package to install; fake.listen() serves all the same", async () => {
    vi.resetModules();
    vi.doMock("msw", () => {
      throw new Error("Cannot find package 'msw'");
    });
    const { createRemoteAssistanceFake } = await import("../../src/testing.js");
    const fake = createRemoteAssistanceFake();
    let thrown: unknown;
    try {
      void fake.handlers;
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe("fake.handlers needs msw (npm i -D msw); the fake's HTTP server, fake.listen(), does not.");
    // vitest wraps a mock factory's throw in an error of its own, whose cause is the throw.
    expect(causes((thrown as Error).cause)).toContain("Cannot find package 'msw'");
    const server = await fake.listen();
    try {
      const response = await fetch(`${server.url}/deviceManagement/remoteAssistancePartners/$count`, { headers: { authorization: "Bearer test-token" } });
      expect(await response.text()).toBe("2");
    } finally {
      await server.close();
    }
  });
});
