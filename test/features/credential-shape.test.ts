// A credential, at run time: what is not one (a getAccessToken-style function, an unknown cloud) is refused when
// the client is made, as its type refuses it at compile time (the rest of the type in test/types/credential.test-d.ts).
import { describe, expect, expectTypeOf, it } from "vitest";
import { createRemoteAssistanceClient, type RemoteAssistanceClientOptions, type TokenCredential } from "../../src/entries/index.js";

describe("a credential, at compile time and when the client is made", () => {

  it("refuses what is not a credential", () => {
    expectTypeOf<() => string>().not.toExtend<TokenCredential>();
    expectTypeOf<{ getToken: () => string }>().not.toExtend<TokenCredential>();
    // @ts-expect-error a getAccessToken-style function is not a credential
    const wrong: RemoteAssistanceClientOptions = { credential: () => "token" };
    // @ts-expect-error a cloud that is not one of Microsoft's deployments
    const germany: RemoteAssistanceClientOptions = { getAccessToken: () => "t", cloud: "germany" };
    expect(() => createRemoteAssistanceClient(wrong)).toThrow(/credential must have a getToken method/);
    expect(() => createRemoteAssistanceClient(germany)).toThrow(/cloud must be one of/);
  });
});
