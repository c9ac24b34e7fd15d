// Each operation's params and bodies, through the typed `paths` and openapi-fetch: what compiles, what does not,
// and the request openapi-fetch builds from it (captured by a fetch of our own; nothing leaves the process).
import createClient from "openapi-fetch";
import { describe, expect, expectTypeOf, it } from "vitest";
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
  it("types every OData query option and serialises arrays comma-separated", async () => {
    const seen: Request[] = [];
    const { data } = await clientSeeing(seen, 200, { value: [] }).GET("/deviceManagement/remoteAssistancePartners", {
      params: { query: { $select: ["displayName", "onboardingStatus"], $top: 10, $skip: 0, $count: true, $orderby: ["displayName desc"], $filter: "onboardingStatus eq 'onboarded'", $search: '"TeamViewer"', $expand: ["*"] } },
    });
    expect(path(seen[0]!)).toBe(
      "/v1.0/deviceManagement/remoteAssistancePartners?$select=displayName,onboardingStatus&$top=10&$skip=0&$count=true&$orderby=displayName desc&$filter=onboardingStatus eq 'onboarded'&$search=\"TeamViewer\"&$expand=*",
    );
    expectTypeOf(data).toExtend<RemoteAssistancePartnerCollection | undefined>();
  });
});

describe("count, get, delete and the actions", () => {

  it("get takes the id and $select; delete takes If-Match; the actions take no body", async () => {
    const seen: Request[] = [];
    const client = clientSeeing(seen);
    await client.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", {
      params: { path: { remoteAssistancePartnerId: id }, query: { $select: ["displayName"] } },
    });
    await client.DELETE("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", {
      params: { path: { remoteAssistancePartnerId: id }, header: { "If-Match": "*" } },
    });
    await client.POST("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/beginOnboarding", {
      params: { path: { remoteAssistancePartnerId: id } },
    });
    await client.POST("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/disconnect", {
      params: { path: { remoteAssistancePartnerId: id } },
    });
    expect(seen.map((r) => `${r.method} ${path(r)}`)).toEqual([
      `GET /v1.0/deviceManagement/remoteAssistancePartners/${id}?$select=displayName`,
      `DELETE /v1.0/deviceManagement/remoteAssistancePartners/${id}`,
      `POST /v1.0/deviceManagement/remoteAssistancePartners/${id}/beginOnboarding`,
      `POST /v1.0/deviceManagement/remoteAssistancePartners/${id}/disconnect`,
    ]);
    expect(seen[1]!.headers.get("if-match")).toBe("*");
    expect(seen[2]!.body).toBeNull();

    // Compile-time only from here: openapi-fetch sends what it is given.
    const never = () => {
      // @ts-expect-error the path parameter is required
      void client.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: {} } });
      // @ts-expect-error $top is a list option, not a get option
      void client.GET("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}", { params: { path: { remoteAssistancePartnerId: id }, query: { $top: 1 } } });
      // @ts-expect-error beginOnboarding takes no body
      void client.POST("/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}/beginOnboarding", { params: { path: { remoteAssistancePartnerId: id } }, body: {} });
    };
    void never;
  });
});

describe("create and update bodies", () => {
  it("create sends the body and refuses id at compile time", async () => {
    const seen: Request[] = [];
    const client = clientSeeing(seen, 201, { id });
    const body: RemoteAssistancePartnerCreate = { displayName: "TeamViewer", onboardingStatus: "notOnboarded" };
    const { data } = await client.POST("/deviceManagement/remoteAssistancePartners", { body });
    expect(await seen[0]!.json()).toEqual(body);
    expect(data?.id).toBe(id);
    // @ts-expect-error id is set by the service
    const withId: RemoteAssistancePartnerCreate = { id };
    expect(validateRemoteAssistancePartnerCreate(withId).valid).toBe(false);
  });
});
