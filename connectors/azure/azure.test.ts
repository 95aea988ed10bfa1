import { describe, expect, it } from "vitest";
import { expectHarnessPasses } from "../sdk";
import { graphFiles, graphObject, graphValue, SECRET_CANARY, TENANT_ID } from "./__fixtures__/graph-files";
import { azureConfigSchema, graphScopeOf } from "./config";
import { azureConnector } from "./index";

const context = { tenantId: TENANT_ID, environment: "prod", observedAt: "2025-11-01T12:00:00.000Z" };
const live = (items: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  items.map((item) => ({ ...item, ...extra, keyward: context }));
const baseConfig = {
  tenantId: TENANT_ID,
  clientId: "11111111-2222-4333-8444-555555555555",
  clientSecret: SECRET_CANARY,
};

describe("azure connector", () => {
  it("passes the connector harness, live items and saved Graph responses alike, with a secret planted", async () => {
    await expectHarnessPasses(azureConnector, {
      fixtures: [
        { stream: "tenant", items: live(graphValue("organization.json")) },
        {
          stream: "applications",
          items: [
            ...live(graphValue("applications.json"), { owners: [] }),
            {
              ...graphObject("applications.json", "payments-api"),
              owners: graphValue(`owners/6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b.json`),
              keyward: context,
            },
          ],
        },
        {
          stream: "service-principals",
          items: [
            ...live(graphValue("servicePrincipals.json")),
            {
              ...graphObject("servicePrincipals.json", "payments-api"),
              appRoleAssignments: graphValue("servicePrincipals-9f8e7d6c-appRoleAssignments.json"),
              keyward: context,
            },
          ],
        },
      ],
      files: graphFiles,
      canaries: [SECRET_CANARY],
    });
  });

  it("keeps the client secret in a secret field", () => {
    expect(azureConnector.secretFields).toEqual(["clientSecret"]);
  });

  it("defaults to the public cloud's Graph and refuses a non-https authority", () => {
    const config = azureConfigSchema.parse(baseConfig);
    expect(config.graphBaseUrl).toBe("https://graph.microsoft.com/v1.0");
    expect(graphScopeOf(config)).toBe("https://graph.microsoft.com/.default");
    expect(config).toMatchObject({ allowPrivateNetworks: false, allowInsecureHttp: false, environments: {} });
    expect(azureConfigSchema.safeParse({ ...baseConfig, authorityHost: "http://login.example" }).success).toBe(false);
    expect(azureConfigSchema.safeParse({ ...baseConfig, tenantId: "contoso" }).success).toBe(false);
    expect(graphScopeOf(azureConfigSchema.parse({ ...baseConfig, graphBaseUrl: "https://graph.microsoft.us/v1.0" }))).toBe(
      "https://graph.microsoft.us/.default",
    );
  });

  it("syncs one scope: the configured tenant", async () => {
    const ctx = { config: azureConfigSchema.parse(baseConfig) } as Parameters<typeof azureConnector.scopes>[0];
    await expect(azureConnector.scopes(ctx)).resolves.toEqual([{ id: TENANT_ID, label: `Entra ID tenant ${TENANT_ID}` }]);
  });

  it("declares a read-only Graph permission for every stream", () => {
    for (const stream of azureConnector.streams) {
      const declared = azureConnector.permissions.filter((p) => p.stream === stream.name);
      expect(declared.length, stream.name).toBeGreaterThan(0);
      for (const { permission } of declared) expect(permission).toMatch(/\.Read\.All$/);
    }
  });
});
