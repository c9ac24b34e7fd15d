// A fake served through its msw handlers, for tests that send one request at a time and read the answer whole.
//
// Each test makes its own fake (`serveFake(options)` inside the test): Stryker's per-test coverage counts only what
// runs while a test runs, so a fake built in a beforeAll would leave the mutants of its construction (the options,
// the seeds, the throttle's windows) run against no test at all, and counted as survived.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createRemoteAssistanceFake, type RemoteAssistanceFake, type RemoteAssistanceFakeOptions } from "../../../src/testing.js";

/** A loopback address nothing listens on: a request that slipped past msw fails here, never on the network. */
export const MSW_BASE = "http://127.0.0.1:9/v1.0";
export const PARTNERS = "/deviceManagement/remoteAssistancePartners";
/** The first partner of the spec's examples, which a fake holds by default. */
export const SEED_ID = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; undefined when there is none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface SendOptions {
  /** The bearer token; null sends no Authorization header. Default "test-token". */
  token?: string | null;
  body?: string;
  headers?: Record<string, string>;
}

/** Call in a describe: the msw server its tests' fakes answer on (one fake at a time, the last one served). */
export function mswFakes() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    serveFake(options: RemoteAssistanceFakeOptions = {}): RemoteAssistanceFake {
      const fake = createRemoteAssistanceFake({ baseUrl: MSW_BASE, ...options });
      server.resetHandlers(...fake.handlers);
      return fake;
    },
  };
}

/** Sends `method path` (the path under MSW_BASE, query included) and reads the answer. */
export async function send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
  const token = options.token === undefined ? "test-token" : options.token;
  const headers: Record<string, string> = { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...options.headers };
  const response = await fetch(`${MSW_BASE}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: options.body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text && response.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : undefined };
}

/** The OData error of an answer: its status, code and message. */
export const refusal = (answer: Answer) => ({ status: answer.status, code: answer.json?.error?.code, message: answer.json?.error?.message });
