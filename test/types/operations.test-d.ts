// Each operation's params and bodies, through the typed `paths` and openapi-fetch: what compiles, what does not,
// and the request openapi-fetch builds from it (captured by a fetch of our own; nothing leaves the process).
import createClient from "openapi-fetch";
import { describe, expectTypeOf, test } from "vitest";
import { validateRemoteAssistancePartnerCreate, type RemoteAssistancePartnerCollection, type RemoteAssistancePartnerCreate, type paths } from "../../src/entries/index.js";

function clientSeeing(requests: Request[], status = 204, body?: unknown) {
  return createClient<paths>({
    baseUrl: "http://127.0.0.1:9/v1.0",
    // openapi-fetch does not read `style`/`explode` from the spec; Graph wants `$select=a,b`, as the spec says.
    querySerializer: { array: { style: "form", explode: false } },
    fetch: async (request: Request) => {
      requests.push(request);
      return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    },
  });
}

const id = "7443c8b9-c8b9-7443-b9c8-4374b9c84374";
const path = (r: Request) => decodeURIComponent(new URL(r.url).pathname + new URL(r.url).search);

describe("list", () => {

  test("refuses wrong query types (compile-time only: openapi-fetch sends what it is given)", () => {
    const client = clientSeeing([]);
    const never = () => {
      // @ts-expect-error $top is an integer
      void client.GET("/deviceManagement/remoteAssistancePartners", { params: { query: { $top: "ten" } } });
      // @ts-expect-error $count is a boolean
      void client.GET("/deviceManagement/remoteAssistancePartners", { params: { query: { $count: "yes" } } });
      // @ts-expect-error $select takes the partner's property names only
      void client.GET("/deviceManagement/remoteAssistancePartners", { params: { query: { $select: ["displayname"] } } });
      // @ts-expect-error $expand has nothing to expand but *
      void client.GET("/deviceManagement/remoteAssistancePartners", { params: { query: { $expand: ["owner"] } } });
    };
    void never;
  });
});

describe("count, get, delete and the actions", () => {
  test("count answers a number", async () => {
    type Count = paths["/deviceManagement/remoteAssistancePartners/$count"]["get"]["responses"][200]["content"]["text/plain"];
    expectTypeOf<Count>().toEqualTypeOf<number>();
  });
});

describe("create and update bodies", () => {

  test("update refuses id in the body through openapi-fetch too (compile-time only)", () => {
    const client = clientSeeing([]);
    const never = () =>
      client.PATCH("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", {
        params: { path: { remoteAssistancePartnerId: id } },
        // @ts-expect-error id is read-only
        body: { id, displayName: "x" },
      });
    void never;
  });
});
