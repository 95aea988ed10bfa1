import { describe, expect, it } from "vitest";
import { recordSchema, type CredentialRecord, type KeywardRecord } from "../sdk";
import { asItems, EXPIRING_SECRET_ID, NEVER_EXPIRING_SECRET_ID } from "./__fixtures__/vault-files";
import { approleRoleItemSchema, secretIdItemSchema } from "./schemas";
import { approleRecords } from "./transform/approle-records";
import { secretIdRecords } from "./transform/secret-id-records";

const role = (name: string, keyward: Record<string, unknown> = {}) =>
  approleRecords(
    approleRoleItemSchema.parse(
      asItems(`auth/approle/role/${name}.json`, { rolePath: `auth/approle/role/${name}`, ...keyward })[0],
    ),
  ).map((record) => recordSchema.parse(record));

const secretIds = (keyward: Record<string, unknown> = {}): KeywardRecord[] =>
  asItems("auth/approle/role/web-payments/secret-id/lookups.json", {
    rolePath: "auth/approle/role/web-payments",
    ...keyward,
  }).flatMap((item) => secretIdRecords(secretIdItemSchema.parse(item)).map((record) => recordSchema.parse(record)));

describe("vault AppRole transform", () => {
  it("records a role whose secret ids never expire and can be used without limit", () => {
    const [identity, edge] = role("web-payments");
    expect(identity).toMatchObject({
      kind: "identity",
      externalType: "vault.approle",
      externalId: "auth/approle/role/web-payments",
      name: "web-payments",
      type: "vault_approle",
      isHuman: false,
      attributes: {
        mount: "auth/approle/",
        secretIdTtl: 0,
        secretIdNeverExpires: true,
        secretIdUnlimitedUses: true,
        tokenTtl: 3600,
        tokenMaxTtl: 86400,
        tokenPolicies: ["default", "payments-read"],
        secretIdBoundCidrs: [],
      },
    });
    expect(edge).toMatchObject({ type: "member_of", to: { externalType: "vault.mount", externalId: "auth/approle/" } });
  });

  it("records a bounded role as it is: TTL, use limit and CIDRs, no never-expires flag", () => {
    const identity = role("ci-deployer", { environment: "prod" }).find((r) => r.kind === "identity");
    expect(identity).toMatchObject({
      environment: "prod",
      attributes: { secretIdTtl: 600, secretIdNumUses: 10, secretIdBoundCidrs: ["10.20.0.0/16"], tokenType: "batch" },
    });
    expect(identity?.attributes).not.toHaveProperty("secretIdNeverExpires");
    expect(identity?.attributes).not.toHaveProperty("unboundLogin");
  });

  it("names roles of other mounts and namespaces apart", () => {
    const item = {
      ...asItems("auth/approle/role/ci-deployer.json")[0],
      keyward: { namespace: "team-a", rolePath: "auth/ci-approle/role/ci-deployer" },
    };
    const [identity] = approleRecords(approleRoleItemSchema.parse(item));
    expect(identity).toMatchObject({
      externalId: "team-a/auth/ci-approle/role/ci-deployer",
      name: "ci-deployer (auth/ci-approle/)",
    });
  });

  it("records a secret id with a zero expiration time as never expiring, with its owner from metadata", () => {
    const records = secretIds();
    const never = records.find(
      (r): r is CredentialRecord => r.kind === "credential" && r.externalId.endsWith(NEVER_EXPIRING_SECRET_ID),
    );
    expect(never).toMatchObject({
      externalType: "vault.approle_secret_id",
      externalId: `auth/approle/role/web-payments/secret-id/${NEVER_EXPIRING_SECRET_ID}`,
      type: "client_secret",
      status: "active",
      identityRef: { externalType: "vault.approle", externalId: "auth/approle/role/web-payments" },
      createdAt: "2023-02-14T09:30:12.482Z",
      attributes: { neverExpires: true, unlimitedUses: true, metadata: { ticket: "SEC-1042" } },
    });
    expect(never).not.toHaveProperty("expiresAt");
    expect(records).toContainEqual(
      expect.objectContaining({ type: "owned_by", to: { externalType: "person", externalId: "sofia.rossi@acme.example" } }),
    );
    expect(records.filter((r) => r.kind === "edge" && r.type === "has_credential")).toHaveLength(2);
  });

  it("reads a secret id's expiration in its own zone, and calls it expired once seen after it", () => {
    const expiring = (keyward?: Record<string, unknown>) =>
      secretIds(keyward).find((r): r is CredentialRecord => r.kind === "credential" && r.externalId.endsWith(EXPIRING_SECRET_ID));
    expect(expiring()).toMatchObject({
      status: "active",
      expiresAt: "2026-12-30T07:00:00.000Z",
      attributes: { numUses: 5, cidrList: ["10.20.0.0/16"] },
    });
    expect(expiring()?.attributes).not.toHaveProperty("neverExpires");
    expect(expiring({ observedAt: "2027-01-01T00:00:00Z" })?.status).toBe("expired");
  });
});
