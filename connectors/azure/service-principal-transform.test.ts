import { describe, expect, it } from "vitest";
import { createFingerprinter, HARNESS_SCOPE, recordSchema, type KeywardRecord } from "../sdk";
import { graphObject, graphValue, TENANT_ID } from "./__fixtures__/graph-files";
import { applicationsStream } from "./streams/applications";
import { servicePrincipalsStream } from "./streams/service-principals";
import { appRoleLevel, highestLevel } from "./transform/app-role-level";

const context = { tenantId: TENANT_ID, observedAt: "2025-11-01T12:00:00.000Z" };
const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 7)) };
const GRAPH_SP = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const PAYMENTS_SP = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

function transform(item: unknown): KeywardRecord[] {
  return servicePrincipalsStream.transform(item, ctx).map((record) => recordSchema.parse(record));
}
const sp = (name: string, extra: Record<string, unknown> = {}) => ({
  ...graphObject("servicePrincipals.json", name),
  keyward: context,
  ...extra,
});
const identityOf = (records: KeywardRecord[]) => records.find((r) => r.kind === "identity");
const edgesOf = (records: KeywardRecord[], type: string) => records.filter((r) => r.kind === "edge" && r.type === type);
const assignments = graphValue("servicePrincipals-9f8e7d6c-appRoleAssignments.json");

describe("service principals transform", () => {
  it("recognises Microsoft's first-party principals and does not treat their trust as external", () => {
    const records = transform(sp("Microsoft Graph"));
    expect(identityOf(records)).toMatchObject({
      externalType: "azure.service_principal",
      externalId: GRAPH_SP,
      type: "service_principal",
      attributes: { firstParty: true, appOwnerOrganizationId: "f8cdef31-a31e-4b4a-93e4-5f571e91255a", accountId: TENANT_ID },
    });
    expect(edgesOf(records, "can_assume")).toEqual([
      expect.objectContaining({
        from: { externalType: "azure.application", externalId: "00000003-0000-0000-c000-000000000000" },
        attributes: {
          principalType: "application",
          provider: "azure",
          accountId: "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
          external: true,
          firstParty: true,
        },
      }),
    ]);
  });

  it("links the organisation's own principal to its application without repeating the application's credentials", () => {
    const application = { ...graphObject("applications.json", "payments-api"), keyward: context };
    const appRecords = applicationsStream.transform(application, ctx);
    const spRecords = transform(sp("payments-api"));
    expect(spRecords.filter((r) => r.kind === "credential")).toEqual([]);
    const all = [...appRecords, ...spRecords].filter((r) => r.kind === "credential");
    expect(all).toHaveLength(3);
    expect(new Set(all.map((c) => c.kind === "credential" && c.identityRef?.externalType))).toEqual(
      new Set(["azure.application"]),
    );
    expect(edgesOf(spRecords, "can_assume")).toEqual([
      expect.objectContaining({
        from: { externalType: "azure.application", externalId: "6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b" },
        to: { externalType: "azure.service_principal", externalId: PAYMENTS_SP },
        attributes: expect.objectContaining({ external: false, firstParty: false, accountId: TENANT_ID }),
      }),
    ]);
    expect(edgesOf(spRecords, "member_of")).toEqual([
      expect.objectContaining({ to: { externalType: "azure.tenant", externalId: TENANT_ID } }),
    ]);
  });

  it("types a managed identity as such, with its Azure resource and a provider-managed key, and no application", () => {
    const records = transform(sp("payments-web"));
    expect(identityOf(records)).toMatchObject({
      type: "managed_identity",
      interactive: false,
      isHuman: false,
      attributes: {
        servicePrincipalType: "ManagedIdentity",
        userAssigned: false,
        managedResourceId:
          "/subscriptions/3e5f7a9b-1c2d-4e3f-8a5b-7c9d1e3f5a7b/resourcegroups/rg-payments/providers/Microsoft.Web/sites/payments-web",
      },
    });
    expect(edgesOf(records, "can_assume")).toEqual([]);
    expect(records.filter((r) => r.kind === "credential")).toEqual([
      expect.objectContaining({
        externalType: "azure.service_principal_key",
        type: "certificate",
        thumbprint: "8C1B3A5F7E9D2C4B6A8F0E1D3C5B7A9F2E4D6C8B",
        attributes: expect.objectContaining({ keyType: "SYSTEM_MANAGED" }),
      }),
    ]);
  });

  it("flags a disabled third-party principal as inactive and externally trusted, keeping its own SAML signing certificate", () => {
    const records = transform(sp("Acme Analytics Connector"));
    expect(identityOf(records)).toMatchObject({ status: "inactive", attributes: { firstParty: false } });
    // A vendor's support address in the notes is still an e-mail: it is offered as a hint, with where it came from.
    expect(identityOf(records)?.ownerHint).toEqual({ email: "support@acme-analytics.example", provenance: "entra.notes" });
    expect(edgesOf(records, "can_assume")[0]).toMatchObject({
      attributes: { external: true, accountId: "9a8b7c6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a" },
    });
    const [signing] = records.filter((r) => r.kind === "credential");
    expect(signing).toMatchObject({ externalType: "azure.service_principal_key", attributes: { usage: "Sign" } });
    expect(signing?.attributes).not.toHaveProperty("keyType");
  });

  it("summarises a principal's app roles on one resource into one has_permission edge at the highest level", () => {
    const records = transform(sp("payments-api", { appRoleAssignments: assignments }));
    expect(edgesOf(records, "has_permission")).toEqual([
      expect.objectContaining({
        from: { externalType: "azure.service_principal", externalId: PAYMENTS_SP },
        to: { externalType: "azure.service_principal", externalId: GRAPH_SP },
        level: "write",
        attributes: {
          role: "Mail.Send",
          roles: ["Directory.Read.All", "Mail.Send"],
          resource: "Microsoft Graph",
          assignedAt: "2022-04-11T09:20:00.123Z",
          provenance: "entra.appRoleAssignments",
        },
      }),
    ]);
  });

  it("ranks tenant-takeover roles as admin and privileged, using the role names read from the resource", () => {
    const [first] = assignments;
    const roleId = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    const records = transform(
      sp("payments-api", {
        appRoleAssignments: [{ ...first, appRoleId: roleId }],
        appRoleValues: { [roleId]: "RoleManagement.ReadWrite.Directory" },
      }),
    );
    expect(edgesOf(records, "has_permission")[0]).toMatchObject({
      level: "admin",
      attributes: { role: "RoleManagement.ReadWrite.Directory", privileged: true },
    });
  });

  it("keeps an unnamed role's id and no level rather than guessing", () => {
    const [first] = assignments;
    const records = transform({
      assignmentsOf: PAYMENTS_SP,
      appRoleAssignments: [{ ...first, appRoleId: "12345678-90ab-4cde-8f01-234567890abc" }],
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ attributes: { roles: ["12345678-90ab-4cde-8f01-234567890abc"] } });
    expect(records[0]).not.toHaveProperty("level");
  });

  it("maps app role values to levels", () => {
    expect(appRoleLevel("Directory.ReadWrite.All")).toBe("admin");
    expect(appRoleLevel("AppRoleAssignment.ReadWrite.All")).toBe("admin");
    expect(appRoleLevel("Application.ReadWrite.All")).toBe("admin");
    expect(appRoleLevel("Sites.FullControl.All")).toBe("admin");
    expect(appRoleLevel("User.ReadWrite.All")).toBe("write");
    expect(appRoleLevel("Application.ReadWrite.OwnedBy")).toBe("write");
    expect(appRoleLevel("Mail.Send")).toBe("write");
    expect(appRoleLevel("Directory.Read.All")).toBe("read");
    expect(appRoleLevel("RoleManagement.Read.Directory")).toBe("read");
    expect(appRoleLevel("Orders.Approve")).toBeUndefined();
    expect(highestLevel(["User.Read.All", "Group.ReadWrite.All", "default access"])).toEqual({
      level: "write",
      role: "Group.ReadWrite.All",
    });
  });
});
