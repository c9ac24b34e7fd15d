// Beta's types (compile-time only; tsc and vitest's typecheck run this file): the settings singleton's body refuses
// remoteAssistanceState "on" and a read-only id, as the beta validators do at run time (test/features/beta.test.ts).
import { describe, expectTypeOf, test } from "vitest";
import type { RemoteAssistanceSettings, RemoteAssistanceSettingsUpdate, RemoteAssistanceState } from "../../src/entries/beta.js";

describe("the beta settings' types", () => {
  test("refuse remoteAssistanceState 'on' and id", () => {
    expectTypeOf<RemoteAssistanceState>().toEqualTypeOf<"disabled" | "enabled">();
    // @ts-expect-error "on" is not a remoteAssistanceState
    const bad: RemoteAssistanceSettingsUpdate = { remoteAssistanceState: "on" };
    // @ts-expect-error id is read-only in a request body
    const withId: RemoteAssistanceSettingsUpdate = { id: "x" };
    const good: RemoteAssistanceSettingsUpdate = { remoteAssistanceState: "enabled", blockChat: true };
    expectTypeOf<RemoteAssistanceSettings["remoteAssistanceState"]>().toEqualTypeOf<RemoteAssistanceState | undefined>();
    void [bad, withId, good];
  });
});
