import { describe, expect, it } from "vitest";
import { createFingerprinter, HARNESS_SCOPE, recordSchema, type KeywardRecord } from "../sdk";
import { graphObject, graphValue, SECRET_CANARY, TENANT_ID } from "./__fixtures__/graph-files";
import { applicationsStream } from "./streams/applications";

const OBSERVED_AT = "2025-11-01T12:00:00.000Z";
const context = { tenantId: TENANT_ID, environment: "prod-eu", observedAt: OBSERVED_AT };
const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 7)) };

function transform(item: unknown): KeywardRecord[] {
  return applicationsStream.transform(item, ctx).map((record) => recordSchema.parse(record));
}
const app = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => {
  const page = graphValue("applications.json").some((a) => a.displayName === name) ? "applications.json" : "applications-2.json";
  return { ...graphObject(page, name), keyward: context, ...extra };
};
const credentials = (records: KeywardRecord[]) => records.filter((r) => r.kind === "credential");
const identityOf = (records: KeywardRecord[]) => records.find((r) => r.kind === "identity");
const owners = graphValue("owners/6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b.json");

describe("applications transform", () => {
  it("marks a client secret past its end date as expired, as of the listing", () => {
    const [old] = credentials(transform(app("payments-api")));
    expect(old).toMatchObject({
      externalType: "azure.password_credential",
      externalId: "0c9a7b31-2d4e-4f60-8a1b-3c5d7e9f1a2b",
      name: "old-rotation-2023",
      type: "client_secret",
      status: "expired",
      createdAt: "2023-03-01T10:00:00.000Z",
      expiresAt: "2024-03-01T10:00:00.000Z",
      maskedHint: "Zt7…",
      identityRef: { externalType: "azure.application", externalId: "6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b" },
      attributes: { usageTracked: false },
    });
  });

  it("treats end dates in 2299 and 9999 as never expiring", () => {
    const pipeline = credentials(transform(app("payments-api"))).find((c) => c.name === "pipeline");
    expect(pipeline).toMatchObject({ status: "active", attributes: { neverExpires: true } });
    expect(pipeline).not.toHaveProperty("expiresAt");
    const [legacy] = credentials(transform(app("legacy-batch-job")));
    expect(legacy).toMatchObject({ status: "active", attributes: { neverExpires: true } });
    expect(legacy).not.toHaveProperty("expiresAt");
    // Without a display name the key id names the secret.
    expect(legacy?.name).toBe("client secret 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
  });

  it("keeps a 2298 end date as a real expiry", () => {
    const item = app("legacy-batch-job");
    const [secret] = item.passwordCredentials as Record<string, unknown>[];
    const [record] = credentials(
      transform({ ...item, passwordCredentials: [{ ...secret, endDateTime: "2298-12-31T23:59:59Z" }] }),
    );
    expect(record).toMatchObject({ expiresAt: "2298-12-31T23:59:59.000Z" });
    expect(record?.attributes).not.toHaveProperty("neverExpires");
  });

  it("never lets a secret value through, only Graph's three-character hint", () => {
    const json = JSON.stringify(transform(app("payments-api")));
    expect(json).not.toContain(SECRET_CANARY);
    expect(json).toContain('"maskedHint":"Xq8…"');
  });

  it("reads certificate thumbprints printed as hex or as base64", () => {
    const [payments] = credentials(transform(app("payments-api"))).filter((c) => c.type === "certificate");
    expect(payments).toMatchObject({
      externalType: "azure.key_credential",
      thumbprint: "52ED9B5038A47B9E2E2190715CC238359D4F8F73",
      expiresAt: "2026-09-30T23:59:59.000Z",
      status: "active",
      attributes: { thumbprintAlgorithm: "sha1", keyCredentialType: "AsymmetricX509Cert", usage: "Verify" },
    });
    const [reporting] = credentials(transform(app("Reporting Dashboard 📊")));
    expect(reporting?.thumbprint).toBe("A1C3E5079B2D4F6081A3C5E7092B4D6F8091B2C3");
  });

  it("calls a credential whose start is after the listing inactive, and unknown when nobody said when", () => {
    const item = app("legacy-batch-job");
    const [secret] = item.passwordCredentials as Record<string, unknown>[];
    const future = { ...item, passwordCredentials: [{ ...secret, startDateTime: "2026-01-01T00:00:00Z" }] };
    expect(credentials(transform(future))[0]?.status).toBe("inactive");
    expect(credentials(transform({ ...item, keyward: {} }))[0]?.status).toBe("unknown");
  });

  it("links the application to its credentials and its tenant", () => {
    const records = transform(app("payments-api"));
    const edges = records.filter((r) => r.kind === "edge");
    expect(edges.filter((e) => e.type === "has_credential")).toHaveLength(3);
    expect(edges).toContainEqual(
      expect.objectContaining({
        type: "member_of",
        from: { externalType: "azure.application", externalId: "6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b" },
        to: { externalType: "azure.tenant", externalId: TENANT_ID },
      }),
    );
    expect(identityOf(records)).toMatchObject({
      type: "app_registration",
      name: "payments-api",
      status: "active",
      environment: "prod",
      businessService: "SVC-0042 payments",
      createdAt: "2022-04-11T09:15:42.000Z",
      isHuman: false,
      attributes: { accountId: TENANT_ID, objectId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", multiTenant: false },
      tags: { env: "prod" },
    });
  });

  it("leaves the tenant out when the item does not say which it is (an import without a tenant folder)", () => {
    const records = transform({ ...app("payments-api"), keyward: { observedAt: OBSERVED_AT } });
    expect(records.some((r) => r.kind === "edge" && r.type === "member_of")).toBe(false);
    expect(identityOf(records)?.attributes).not.toHaveProperty("accountId");
  });

  it("takes the owner hint from the owners API, first user by e-mail, and links every owner", () => {
    const records = transform(app("payments-api", { owners }));
    expect(identityOf(records)).toMatchObject({
      ownerHint: { email: "sofia.rossi@contoso.com", provenance: "entra.owners" },
      attributes: { ownerCount: 2, owners: ["servicePrincipal:0f1e2d3c-4b5a-4697-8876-a5b4c3d2e1f0", "sofia.rossi@contoso.com"] },
    });
    const ownedBy = records.filter((r) => r.kind === "edge" && r.type === "owned_by");
    expect(ownedBy.map((e) => e.kind === "edge" && e.to)).toEqual([
      { externalType: "person", externalId: "sofia.rossi@contoso.com" },
      { externalType: "azure.service_principal", externalId: "0f1e2d3c-4b5a-4697-8876-a5b4c3d2e1f0" },
    ]);
    expect(ownedBy[0]).toMatchObject({ attributes: { provenance: "entra.owners" } });
  });

  it("gives an app with no owner no hint, and says it has none", () => {
    const records = transform(app("legacy-batch-job", { owners: [] }));
    expect(identityOf(records)).not.toHaveProperty("ownerHint");
    expect(identityOf(records)?.attributes).toMatchObject({ ownerCount: 0, owners: [] });
    expect(records.some((r) => r.kind === "edge" && r.type === "owned_by")).toBe(false);
  });

  it("does not take a guest's #EXT# user principal name for an e-mail address", () => {
    const guest = {
      "@odata.type": "#microsoft.graph.user",
      id: "e9f8a7b6-c5d4-4e3f-8a2b-1c0d9e8f7a6b",
      mail: null,
      userPrincipalName: "bob_gmail.com#EXT#@contoso.onmicrosoft.com",
    };
    expect(identityOf(transform(app("legacy-batch-job", { owners: [guest] })))).not.toHaveProperty("ownerHint");
  });

  it("falls back to an e-mail in the notes or an owner tag, and an environment tag beats the tenant's", () => {
    expect(identityOf(transform(app("ci-deployer")))).toMatchObject({
      ownerHint: { email: "ana.silva@contoso.com", provenance: "entra.notes" },
      environment: "staging",
      tags: { HideApp: "", environment: "staging" },
    });
    expect(identityOf(transform(app("Reporting Dashboard 📊")))).toMatchObject({
      name: "Reporting Dashboard 📊",
      ownerHint: { email: "bob.jones@contoso.com", provenance: "entra.tag:owner" },
      environment: "prod-eu",
      attributes: { multiTenant: true, signInAudience: "AzureADMultipleOrgs" },
    });
  });

  it("turns an owners file into the owned_by edges of the application it names, and nothing else", () => {
    const records = transform({ ownersOf: "6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b", owners, keyward: context });
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.kind === "edge" && r.type === "owned_by")).toBe(true);
    expect(records[0]).toMatchObject({
      from: { externalType: "azure.application", externalId: "6b1f4e2a-3c5d-4e7f-8a9b-0c1d2e3f4a5b" },
    });
  });

  it("refuses an item that is neither an application nor an owners list", () => {
    expect(() => transform({ displayName: "no ids" })).toThrow(/invalid_item|stream "applications"/);
  });
});
