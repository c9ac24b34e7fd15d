// `remote-assistance-contract/testing`: what consumers test their own code against. createRemoteAssistanceFake is a
// stateful fake of the service, served as msw handlers (`fake.handlers`, needs msw) or over HTTP on 127.0.0.1
// (`fake.listen()`, needs nothing else); `npm run mock` serves the same fake. docs/testing.md says what it does and
// where each behaviour comes from.
import { createRemoteAssistanceFake, type MswHandler, type RemoteAssistanceFakeOptions } from "./testing/fake/index.js";

export {
  createRemoteAssistanceFake,
  type FakeOptions,
  type FakePartner,
  type FakeServer,
  type LoggedRequest,
  type MswHandler,
  type RemoteAssistanceFake,
  type RemoteAssistanceFakeOptions,
  type ThrottleLimits,
} from "./testing/fake/index.js";

/**
 * msw handlers over a new fake seeded with the spec's examples: `createRemoteAssistanceFake(options).handlers`, for
 * tests that need no handle on the fake itself. (Until 0.x these answered every request with a static example.)
 */
export function createRemoteAssistanceHandlers(options: RemoteAssistanceFakeOptions = {}): MswHandler[] {
  return createRemoteAssistanceFake(options).handlers;
}
