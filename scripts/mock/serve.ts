// The fake over HTTP on 127.0.0.1, started in this process: what `npm run mock` and `npm start` serve. The same
// behaviour model as the fake over msw (remote-assistance-contract/testing), so every stand-in answers alike.
import { readFileSync } from "node:fs";
import { createRemoteAssistanceFake, type FakeOptions } from "../../src/testing.ts";

export interface MockServer {
  /** e.g. http://127.0.0.1:4010/v1.0 */
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export interface MockOptions {
  port?: number;
  beta?: boolean;
  strict?: boolean;
  /** A JSON file of the fake's options (docs/testing.md), e.g. its own partners or throttle limits. */
  optionsFile?: string;
}

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const fromFile = options.optionsFile ? (JSON.parse(readFileSync(options.optionsFile, "utf8")) as FakeOptions) : {};
  const fake = createRemoteAssistanceFake({
    ...fromFile,
    ...(options.beta ? { version: "beta" } : {}),
    ...(options.strict ? { strict: true } : {}),
  });
  const server = await fake.listen({ port: options.port ?? 0 });
  return { baseUrl: server.url, pid: process.pid, stop: server.close };
}
