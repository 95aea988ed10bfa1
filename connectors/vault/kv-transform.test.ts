import { describe, expect, it } from "vitest";
import { recordSchema } from "../sdk";
import { asItems } from "./__fixtures__/vault-files";
import { kvMetadataItemSchema } from "./schemas";
import { kvSecretRecords } from "./transform/kv-records";

const secret = (path: string, keyward: Record<string, unknown> = {}) =>
  kvSecretRecords(
    kvMetadataItemSchema.parse(asItems(`secret/metadata/${path}.json`, { mount: "secret/", path, ...keyward })[0]),
  ).map((r) => recordSchema.parse(r));

describe("vault KV v2 metadata transform", () => {
  it("records a secret's versions and owner from custom_metadata, never a value", () => {
    const records = secret("payments/db");
    const credential = records.find((r) => r.kind === "credential");
    expect(credential).toMatchObject({
      externalType: "vault.kv_secret",
      externalId: "secret/payments/db",
      type: "stored_secret",
      status: "active",
      environment: "prod",
      createdAt: "2024-03-22T02:24:06.945Z",
      lastRotatedAt: "2025-06-01T10:00:00.000Z",
      locations: [{ source: "vault", path: "secret/data/payments/db" }],
      tags: { owner: "sofia.rossi@acme.example", team: "payments", environment: "prod" },
      attributes: {
        currentVersion: 3,
        versionCount: 3,
        hasOwner: true,
        ownerProvenance: "vault.kv.custom_metadata:owner",
        team: "payments",
      },
    });
    expect(credential).not.toHaveProperty("fingerprint");
    expect(records).toContainEqual(
      expect.objectContaining({ type: "stored_in", to: { externalType: "vault.mount", externalId: "secret/" } }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({ type: "owned_by", to: { externalType: "person", externalId: "sofia.rossi@acme.example" } }),
    );
  });

  it("records a secret without custom metadata as ownerless, and its deleted current version as inactive", () => {
    const records = secret("payments/stripe-api-key", { environment: "staging" });
    expect(records.find((r) => r.kind === "credential")).toMatchObject({
      status: "inactive",
      environment: "staging",
      tags: {},
      attributes: { hasOwner: false, currentVersion: 1 },
    });
    expect(records.some((r) => r.kind === "edge" && r.type === "owned_by")).toBe(false);
  });

  it("calls a destroyed current version revoked", () => {
    const item = asItems("secret/metadata/payments/db.json", { mount: "secret/", path: "payments/db" })[0]!;
    const destroyed = { ...item, current_version: 2 };
    const [credential] = kvSecretRecords(kvMetadataItemSchema.parse(destroyed));
    expect(credential).toMatchObject({ status: "revoked", lastRotatedAt: "2024-09-01T12:00:00.500Z" });
  });
});
