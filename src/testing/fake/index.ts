// createRemoteAssistanceFake: a stateful fake of the remoteAssistancePartner API, to test code that reads its own
// writes. One behaviour model (./service.ts), served two ways: msw handlers for in-process tests (./msw.ts), and a
// real HTTP server on 127.0.0.1 for everything else (./http.ts). `npm run mock` serves the same model.
import { CONTRACTS } from "./contract.js";
import { serve, type FakeCore, type FakeServer } from "./http.js";
import { record, type LoggedRequest } from "./log.js";
import { mswHandlers, type MswHandler } from "./msw.js";
import type { FakeOptions } from "./options.js";
import { createFakeService } from "./service.js";
import type { FakePartner } from "./contract.js";

export type { FakePartner } from "./contract.js";
export type { FakeServer } from "./http.js";
export type { LoggedRequest } from "./log.js";
export type { MswHandler } from "./msw.js";
export type { FakeOptions } from "./options.js";
export type { ThrottleLimits } from "./throttle.js";

export interface RemoteAssistanceFakeOptions extends FakeOptions {
  /** The base URL the msw handlers answer under. Default: the contract's server, https://graph.microsoft.com/v1.0 (or /beta). */
  baseUrl?: string;
}

export interface RemoteAssistanceFake {
  /** msw handlers over the fake: `setupServer(...fake.handlers)`. Needs msw installed; built when first read. */
  readonly handlers: MswHandler[];
  /** Serves the fake over HTTP on 127.0.0.1 (port 0, the default: any free port). Needs neither msw nor openapi-msw. */
  listen(options?: { port?: number }): Promise<FakeServer>;
  /** A snapshot of the current partners. */
  partners(): FakePartner[];
  /** What was asked and answered, in order (the last 1,000): method, path, query, status, headers (token hidden), body. */
  readonly requests: LoggedRequest[];
  /** Back to the initial partners; the log, the throttle windows and the fault sequence start again. */
  reset(): void;
}

export function createRemoteAssistanceFake(options: RemoteAssistanceFakeOptions = {}): RemoteAssistanceFake {
  const service = createFakeService(options);
  const { version } = service.options;
  const baseUrl = (options.baseUrl ?? CONTRACTS[version].defaultBaseUrl).replace(/\/+$/, "");
  const requests: LoggedRequest[] = [];
  const core: FakeCore = {
    answer(request, base) {
      const response = service.handle(request, base);
      record(requests, request, response.status);
      return response;
    },
    refuse(request, status, code, message) {
      const response = service.refuse(request, status, code, message);
      record(requests, request, status);
      return response;
    },
    maxRequestBodyBytes: service.options.maxRequestBodyBytes,
  };
  let handlers: MswHandler[] | undefined;
  return {
    get handlers() {
      return (handlers ??= mswHandlers(core, baseUrl));
    },
    listen: (listenOptions) => serve(core, version, listenOptions?.port),
    partners: service.partners,
    requests,
    reset() {
      service.reset();
      requests.length = 0;
    },
  };
}
