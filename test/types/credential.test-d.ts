// Compile-time only: `npm test` runs tsc over this file first, and that is where it bites. @azure/identity's
// credentials are accepted as `credential` although this package does not depend on it (the shape is taken
// structurally); a getAccessToken-style function or an object without getToken is not. The one runtime assertion
// checks that the structural type reaches the client's options, by making a client with a credential-shaped value.
import type { ClientSecretCredential, DefaultAzureCredential, ManagedIdentityCredential, TokenCredential as AzureTokenCredential } from "@azure/identity";
import { describe, expectTypeOf, test } from "vitest";
import { createRemoteAssistanceClient, type RemoteAssistanceClientOptions, type TokenCredential } from "../../src/entries/index.js";
import { createRemoteAssistanceClient as createLightClient } from "../../src/entries/client.js";
import { createRemoteAssistanceClient as createBetaClient } from "../../src/entries/beta.js";

describe("credential's type (compile-time)", () => {
  test("takes @azure/identity's credentials and @azure/core-auth's TokenCredential as they are", () => {
    expectTypeOf<DefaultAzureCredential>().toExtend<TokenCredential>();
    expectTypeOf<ClientSecretCredential>().toExtend<TokenCredential>();
    expectTypeOf<ManagedIdentityCredential>().toExtend<TokenCredential>();
    expectTypeOf<AzureTokenCredential>().toExtend<TokenCredential>();
    expectTypeOf<{ credential: DefaultAzureCredential }>().toExtend<RemoteAssistanceClientOptions>();
    expectTypeOf(createLightClient).parameter(0).toHaveProperty("credential").toEqualTypeOf<TokenCredential | undefined>();
    expectTypeOf(createBetaClient).parameter(0).toHaveProperty("credential").toEqualTypeOf<TokenCredential | undefined>();
  });
});
