import { describe, expect, it } from "vitest";
import { createFingerprinter, HARNESS_FINGERPRINT_KEY, recordSchema, type KeywardRecord } from "../sdk";
import { APPROLE_TOKEN_ACCESSOR, asItems, LDAP_TOKEN_ACCESSOR, ROOT_TOKEN_ACCESSOR } from "./__fixtures__/vault-files";
import { tokenItemSchema } from "./schemas";
import { tokenRecords } from "./transform/token-records";

const fingerprint = createFingerprinter(Buffer.from(HARNESS_FINGERPRINT_KEY));
const tokens = asItems("auth/token/lookups.json");

function recordsOf(item: Record<string, unknown>): KeywardRecord[] {
  return tokenRecords(tokenItemSchema.parse(item), fingerprint).map((record) => recordSchema.parse(record));
}
const byAccessor = (accessor: string) => tokens.find((t) => t.accessor === accessor)!;
const credentialOf = (item: Record<string, unknown>) => recordsOf(item).find((r) => r.kind === "credential")!;

describe("vault token transform", () => {
  it("marks the root token: policy root, ttl 0, never expires, orphan", () => {
    const root = credentialOf(byAccessor(ROOT_TOKEN_ACCESSOR));
    expect(root).toMatchObject({
      externalType: "vault.token",
      externalId: `auth/token/accessors/${ROOT_TOKEN_ACCESSOR}`,
      type: "token",
      status: "active",
      createdAt: "2021-01-01T00:00:00.000Z",
      attributes: { root: true, orphan: true, neverExpires: true, policies: ["root"], ttl: 0, path: "auth/token/root" },
    });
    expect(root).not.toHaveProperty("expiresAt");
    expect(root).not.toHaveProperty("identityRef");
  });

  it("links an AppRole login token to its role, and keeps it active while its ttl runs", () => {
    const records = recordsOf(byAccessor(APPROLE_TOKEN_ACCESSOR));
    const token = records.find((r) => r.kind === "credential")!;
    expect(token).toMatchObject({
      status: "active",
      identityRef: { externalType: "vault.approle", externalId: "auth/approle/role/web-payments" },
      expiresAt: "2025-12-04T09:00:00.466Z",
      attributes: {
        root: false,
        orphan: true,
        policies: ["default", "payments-read"],
        entityId: "7d2e3179-f69b-450c-7179-ac8ee8bd8ca9",
      },
    });
    expect(records).toContainEqual(
      expect.objectContaining({
        kind: "edge",
        type: "has_credential",
        from: token.identityRef,
        to: { externalType: "vault.token", externalId: token.externalId },
      }),
    );
  });

  it("sees a saved lookup with no ttl left as expired, and takes its owner from meta", () => {
    const records = recordsOf(byAccessor(LDAP_TOKEN_ACCESSOR));
    expect(records.find((r) => r.kind === "credential")).toMatchObject({
      status: "expired",
      expiresAt: "2018-05-19T15:35:54.466Z",
      attributes: { orphan: false, identityPolicies: ["dev-group-policy"], meta: { username: "tesla" } },
    });
    expect(records).toContainEqual(
      expect.objectContaining({
        type: "owned_by",
        to: { externalType: "person", externalId: "priya.natarajan@acme.example" },
        attributes: { provenance: "vault.token.meta:owner" },
      }),
    );
  });

  it("judges expiry against the live observation time when there is one", () => {
    const approleToken = {
      ...byAccessor(APPROLE_TOKEN_ACCESSOR),
      keyward: { namespace: "", observedAt: "2025-12-04T12:00:00Z" },
    };
    expect(credentialOf(approleToken).status).toBe("expired");
  });

  it("fingerprints and drops a token id found in a saved lookup, and prefixes ids by namespace", () => {
    const secret = "hvs.CAESIJ-canary-token-value-0123456789";
    const item = { ...byAccessor(LDAP_TOKEN_ACCESSOR), id: secret, keyward: { namespace: "team-a" } };
    const records = recordsOf(item);
    const token = records.find((r) => r.kind === "credential")!;
    expect(token.fingerprint).toBe(fingerprint(secret));
    expect(token.externalId).toBe(`team-a/auth/token/accessors/${LDAP_TOKEN_ACCESSOR}`);
    expect(token.attributes.namespace).toBe("team-a");
    expect(JSON.stringify(records)).not.toContain("canary-token-value");
  });

  it("does not fingerprint the empty id of lookup-accessor answers", () => {
    expect(credentialOf(byAccessor(ROOT_TOKEN_ACCESSOR))).not.toHaveProperty("fingerprint");
  });
});
