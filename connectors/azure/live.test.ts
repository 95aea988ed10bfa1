import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { driveConnector } from "../sdk/testing/drive-connector";
import { FAKE_ACCESS_TOKEN, startFakeEntra, type FakeEntra, type GraphRoute } from "./__fixtures__/fake-entra";
import { graphValue, TENANT_ID } from "./__fixtures__/graph-files";
import { azureConnector } from "./index";

/*
 * The live path end to end: @azure/identity (MSAL) discovers the authority and posts the client
 * credentials grant, Graph pages are followed by @odata.nextLink, a 429 is waited out, and a 403
 * becomes a coverage gap of its stream only — all through the guarded client, against a local
 * HTTPS stand-in. Its certificate is self-signed and the guarded client has no CA option, so
 * certificate verification is turned off for this file's process only (restored after).
 */

const CLIENT_ID = "11111111-2222-4333-8444-555555555555";
const CLIENT_SECRET = "test-client-secret-not-real";
const GRAPH_SP = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const PAYMENTS_SP = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
const PAYMENTS_APP_OBJECT = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

const applications = [...graphValue("applications.json"), ...graphValue("applications-2.json")];
const servicePrincipals = graphValue("servicePrincipals.json");
const owners = graphValue("owners/6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b.json");
const assignments = graphValue("servicePrincipals-9f8e7d6c-appRoleAssignments.json");

let fake: FakeEntra;
beforeAll(async () => {
  fake = await startFakeEntra({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.requests.length = 0;
});

const config = (overrides: Record<string, unknown> = {}) => ({
  tenantId: TENANT_ID,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  authorityHost: fake.origin,
  graphBaseUrl: `${fake.origin}/v1.0`,
  environments: { [TENANT_ID]: "prod" },
  pageSize: 2,
  allowPrivateNetworks: true,
  caCertificate: fake.caPem,
  ...overrides,
});

/** Serves `items` in pages of `$top`, linking pages with a $skiptoken like Graph. */
function paged(path: string, items: readonly unknown[]): GraphRoute {
  return (url) => {
    const top = Number(url.searchParams.get("$top") ?? 100);
    const start = Number(url.searchParams.get("$skiptoken") ?? 0);
    const next = start + top < items.length ? `${fake.origin}${path}?$top=${top}&$skiptoken=${start + top}` : undefined;
    const body = {
      "@odata.context": `${fake.origin}/v1.0/$metadata#${path.split("/").pop()}`,
      value: items.slice(start, start + top),
    };
    return { status: 200, body: next ? { ...body, "@odata.nextLink": next } : body };
  };
}

function routeTenant(): void {
  fake.route(`/v1.0/organization/${TENANT_ID}`, () => ({
    status: 403,
    body: { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." } },
  }));
  fake.route("/v1.0/applications", paged("/v1.0/applications", applications));
  for (const app of applications) {
    const id = String(app.id);
    const list = id === PAYMENTS_APP_OBJECT ? owners : [];
    // Owners come one per page, so the owners' own pagination is exercised too.
    fake.route(`/v1.0/applications/${id}/owners`, (url) => paged(`/v1.0/applications/${id}/owners`, list)(withTop(url, 1), 1));
  }
  // The first listing of service principals is throttled.
  fake.route("/v1.0/servicePrincipals", (url, attempt) =>
    attempt === 1
      ? {
          status: 429,
          headers: { "retry-after": "1" },
          body: { error: { code: "TooManyRequests", message: "Too many requests" } },
        }
      : paged("/v1.0/servicePrincipals", servicePrincipals)(url, attempt),
  );
  for (const sp of servicePrincipals) {
    const id = String(sp.id);
    const granted = id === PAYMENTS_SP ? assignments : [];
    fake.route(
      `/v1.0/servicePrincipals/${id}/appRoleAssignments`,
      paged(`/v1.0/servicePrincipals/${id}/appRoleAssignments`, granted),
    );
  }
  fake.route(`/v1.0/servicePrincipals/${GRAPH_SP}`, () => ({
    status: 200,
    body: {
      id: GRAPH_SP,
      appRoles: [
        {
          id: "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
          value: "Directory.Read.All",
          allowedMemberTypes: ["Application"],
          isEnabled: true,
        },
        // A name only the live lookup can know: proves the resource's appRoles were read.
        {
          id: "b633e1c5-b582-4048-a93e-9f11b44c7e96",
          value: "Mail.Send.Shared.ReadWrite",
          allowedMemberTypes: ["Application"],
          isEnabled: true,
        },
      ],
    },
  }));
}

function withTop(url: URL, top: number): URL {
  const copy = new URL(url);
  if (!copy.searchParams.has("$top")) copy.searchParams.set("$top", String(top));
  return copy;
}

describe("azure live sync through @azure/identity and Microsoft Graph", () => {
  it("pages, waits out throttling, and records the denied tenant stream as a gap while the others sync", async () => {
    routeTenant();
    const { records, gaps } = await driveConnector(azureConnector, config());

    expect(gaps).toEqual([
      expect.objectContaining({
        scope: TENANT_ID,
        stream: "tenant",
        reason: "permission_denied",
        detail: expect.stringContaining("Authorization_RequestDenied"),
      }),
    ]);

    // One token for the whole sync, obtained with the client credentials grant after OpenID discovery.
    const tokenPosts = fake.requests.filter((r) => r.method === "POST");
    expect(tokenPosts).toHaveLength(1);
    expect(fake.requests[0]?.url).toBe(`/${TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(new URLSearchParams(tokenPosts[0]?.body).get("scope")).toBe(`${fake.origin}/.default`);
    const graphCalls = fake.requests.filter((r) => r.url.startsWith("/v1.0/"));
    expect(graphCalls.every((r) => r.authorization === `Bearer ${FAKE_ACCESS_TOKEN}`)).toBe(true);

    // Applications: two pages of two, each page's owners followed over two pages.
    const appPages = graphCalls.filter((r) => r.url.startsWith("/v1.0/applications?"));
    expect(appPages).toHaveLength(2);
    expect(new URL(appPages[0]!.url, fake.origin).searchParams.get("$select")).toMatch(/^id,appId,displayName,/);
    const apps = records.flatMap((r) => (r.kind === "identity" && r.externalType === "azure.application" ? [r] : []));
    expect(apps.map((a) => a.name).sort()).toEqual(["Reporting Dashboard 📊", "ci-deployer", "legacy-batch-job", "payments-api"]);
    expect(apps.find((a) => a.name === "payments-api")).toMatchObject({
      environment: "prod",
      ownerHint: { email: "sofia.rossi@contoso.com", provenance: "entra.owners" },
      attributes: { ownerCount: 2, accountId: TENANT_ID },
    });
    expect(graphCalls.filter((r) => r.url.startsWith(`/v1.0/applications/${PAYMENTS_APP_OBJECT}/owners`))).toHaveLength(2);
    const expired = records.find((r) => r.kind === "credential" && r.externalId === "0c9a7b31-2d4e-4f60-8a1b-3c5d7e9f1a2b");
    expect(expired).toMatchObject({ status: "expired" });

    // Service principals: the 429 was retried after its Retry-After, then the listing succeeded.
    const spPages = graphCalls.filter((r) => r.url.startsWith("/v1.0/servicePrincipals?"));
    expect(spPages).toHaveLength(3);
    expect(spPages[1]!.at - spPages[0]!.at).toBeGreaterThanOrEqual(950);
    const principals = records.filter((r) => r.kind === "identity" && r.externalType === "azure.service_principal");
    expect(principals).toHaveLength(4);
    const grant = records.find((r) => r.kind === "edge" && r.type === "has_permission");
    expect(grant).toMatchObject({
      from: { externalId: PAYMENTS_SP },
      to: { externalId: GRAPH_SP },
      level: "write",
      attributes: { roles: ["Directory.Read.All", "Mail.Send.Shared.ReadWrite"] },
    });
    // The resource's app roles are read once, however many grants point at it.
    expect(graphCalls.filter((r) => r.url.startsWith(`/v1.0/servicePrincipals/${GRAPH_SP}?`))).toHaveLength(1);
  });

  it("refuses to follow an @odata.nextLink off the Graph origin, failing only that stream", async () => {
    routeTenant();
    fake.route("/v1.0/applications", () => ({
      status: 200,
      body: { value: [], "@odata.nextLink": "https://graph.attacker.example/v1.0/applications?$skiptoken=x" },
    }));
    const { gaps, records } = await driveConnector(azureConnector, config());
    expect(gaps.map((g) => [g.stream, g.reason])).toEqual([
      ["tenant", "permission_denied"],
      ["applications", "error"],
    ]);
    expect(gaps[1]?.detail).toMatch(/leaves the configured Graph origin/);
    expect(fake.requests.some((r) => r.url.includes("attacker"))).toBe(false);
    expect(records.some((r) => r.kind === "identity" && r.externalType === "azure.service_principal")).toBe(true);
  });

  it("still calls a denial a denial when the 403 carries no JSON (a proxy's error page)", async () => {
    routeTenant();
    fake.route(`/v1.0/organization/${TENANT_ID}`, () => ({ status: 403, headers: { "content-type": "text/html" } }));
    const { gaps } = await driveConnector(azureConnector, config());
    expect(gaps).toEqual([expect.objectContaining({ stream: "tenant", reason: "permission_denied" })]);
  });

  it("fails every stream, without a listing, when the client secret is wrong", async () => {
    routeTenant();
    const { gaps, records } = await driveConnector(azureConnector, config({ clientSecret: "wrong-secret" }));
    expect(records).toEqual([]);
    expect(gaps.map((g) => g.stream)).toEqual(["tenant", "applications", "service-principals"]);
    expect(gaps.every((g) => !g.detail.includes("wrong-secret"))).toBe(true);
    expect(fake.requests.some((r) => r.url.startsWith("/v1.0/"))).toBe(false);
  });

  it("answers Test connection with the tenant when the credentials work, and the reason when not", async () => {
    routeTenant();
    const ctx = (overrides: Record<string, unknown>) =>
      ({ config: azureConnector.configSchema.parse(config(overrides)), signal: new AbortController().signal }) as Parameters<
        typeof azureConnector.check
      >[0];
    await expect(azureConnector.check(ctx({}))).resolves.toMatchObject({ ok: true, detail: expect.stringContaining(TENANT_ID) });
    const refused = await azureConnector.check(ctx({ clientSecret: "wrong-secret" }));
    expect(refused.ok).toBe(false);
    expect(refused.detail).not.toContain("wrong-secret");
  });
});
