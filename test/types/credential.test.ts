// Compile-time only: `npm test` runs tsc over this file first, and that is where it bites. @azure/identity's
// credentials are accepted as `credential` although this package does not depend on it (the shape is taken
// structurally); a getAccessToken-style function or an object without getToken is not. The one runtime assertion
// checks that the structural type reaches the client's options, by making a client with a credential-shaped value.
import type { ClientSecretCredential, DefaultAzureCredential, ManagedIdentityCredential, TokenCredential as AzureTokenCredential } from "@azure/identity";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createRemoteAssistanceClient, type RemoteAssistanceClientOptions, type TokenCredential } from "../../src/entries/index.js";
import { createRemoteAssistanceClient as createLightClient } from "../../src/entries/client.js";
import { createRemoteAssistanceClient as createBetaClient } from "../../src/entries/beta.js";

describe("credential's type (compile-time)", () => {
  it("takes @azure/identity's credentials and @azure/core-auth's TokenCredential as they are", () => {
    expectTypeOf<DefaultAzureCredential>().toExtend<TokenCredential>();
    expectTypeOf<ClientSecretCredential>().toExtend<TokenCredential>();
    expectTypeOf<ManagedIdentityCredential>().toExtend<TokenCredential>();
    expectTypeOf<AzureTokenCredential>().toExtend<TokenCredential>();
    expectTypeOf<{ credential: DefaultAzureCredential }>().toExtend<RemoteAssistanceClientOptions>();
    expectTypeOf(createLightClient).parameter(0).toHaveProperty("credential").toEqualTypeOf<TokenCredential | undefined>();
    expectTypeOf(createBetaClient).parameter(0).toHaveProperty("credential").toEqualTypeOf<TokenCredential | undefined>();
  });

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
