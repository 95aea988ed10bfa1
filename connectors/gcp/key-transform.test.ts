import { describe, expect, it } from "vitest";
import { createFingerprinter, HARNESS_SCOPE, recordSchema, type KeywardRecord } from "../sdk";
import { DEPLOYER, gcloudJson, LEGACY_BATCH, PROJECT_ID } from "./__fixtures__/gcloud-files";
import { serviceAccountKeysStream } from "./streams/service-account-keys";

const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(Buffer.alloc(32, 7)) };
const deployerKeys = gcloudJson("keys/payments-deployer.json");
const legacyKeys = gcloudJson("keys/legacy-batch.json");
const transform = (item: unknown): KeywardRecord[] => serviceAccountKeysStream.transform(item, ctx).map((r) => recordSchema.parse(r));
const credentialOf = (item: unknown) => {
  const credential = transform(item).find((r) => r.kind === "credential");
  if (!credential || credential.kind !== "credential") throw new Error("no credential");
  return credential;
};
const [userManaged, systemManaged, exposed, uploaded] = deployerKeys;
const keyIdOf = (key: unknown) => String((key as { name: string }).name).split("/").pop() as string;

describe("service account key transform", () => {
  it("records a user-managed key that never expires (9999) without an expiry, linked to its account", () => {
    const records = transform(userManaged);
    const keyId = keyIdOf(userManaged);
    expect(records).toEqual([
      expect.objectContaining({
        kind: "credential",
        externalType: "gcp.service_account_key",
        externalId: keyId,
        name: `payments-deployer key ${keyId.slice(0, 8)}`,
        type: "private_key",
        status: "active",
        identityRef: { externalType: "gcp.service_account", externalId: DEPLOYER },
        createdAt: "2023-02-14T09:21:07.000Z",
        algorithm: "RSA",
        keySize: 2048,
        attributes: {
          keyId,
          keyType: "USER_MANAGED",
          keyOrigin: "GOOGLE_PROVIDED",
          projectId: PROJECT_ID,
          serviceAccount: DEPLOYER,
          neverExpires: true,
          usageTracked: false,
        },
      }),
      expect.objectContaining({
        kind: "edge",
        type: "has_credential",
        from: { externalType: "gcp.service_account", externalId: DEPLOYER },
        to: { externalType: "gcp.service_account_key", externalId: keyId },
      }),
    ]);
    expect(records[0]).not.toHaveProperty("expiresAt");
  });

  it("records a Google-held key as SYSTEM_MANAGED with its short validity window", () => {
    expect(credentialOf(systemManaged)).toMatchObject({
      status: "active",
      createdAt: "2025-05-03T17:42:11.000Z",
      expiresAt: "2025-05-19T17:42:11.000Z",
      attributes: { keyType: "SYSTEM_MANAGED" },
    });
    expect(credentialOf(systemManaged).attributes).not.toHaveProperty("neverExpires");
  });

  it("marks a disabled key inactive and flags a key Google found exposed", () => {
    expect(credentialOf(exposed)).toMatchObject({
      status: "inactive",
      attributes: { disableReason: "SERVICE_ACCOUNT_KEY_DISABLE_REASON_EXPOSED", exposed: true, neverExpires: true },
    });
    expect(credentialOf(userManaged).attributes).not.toHaveProperty("exposed");
  });

  it("keeps the real end of an uploaded key's validity", () => {
    expect(credentialOf(uploaded)).toMatchObject({
      expiresAt: "2026-01-31T23:59:59.000Z",
      attributes: { keyOrigin: "USER_PROVIDED" },
    });
  });

  it("records a key without validAfterTime (or any validity) with no creation date and no expiry claim", () => {
    const { validAfterTime: _after, validBeforeTime: _before, ...key } = userManaged as Record<string, unknown>;
    const credential = credentialOf(key);
    expect(credential).not.toHaveProperty("createdAt");
    expect(credential).not.toHaveProperty("expiresAt");
    expect(credential.attributes).not.toHaveProperty("neverExpires");
  });

  it("calls a key expired only when the listing saw its end pass", () => {
    const observed = (observedAt: string) => credentialOf({ ...(systemManaged as object), keyward: { observedAt } }).status;
    expect(observed("2025-05-20T00:00:00Z")).toBe("expired");
    expect(observed("2025-05-18T00:00:00Z")).toBe("active");
    // Offline there is no observation time: the key stays as Google reported it.
    expect(credentialOf(systemManaged).status).toBe("active");
  });

  it("reads the key size of a legacy 1024-bit key, so weak keys are visible", () => {
    expect(credentialOf(legacyKeys[0])).toMatchObject({
      algorithm: "RSA",
      keySize: 1024,
      identityRef: { externalId: LEGACY_BATCH },
    });
  });

  it("takes the environment from the listing's context", () => {
    expect(credentialOf({ ...(userManaged as object), keyward: { environment: "prod" } }).environment).toBe("prod");
  });

  it("never records private key data a saved keys.create response carries", () => {
    const records = transform({ ...(userManaged as object), privateKeyData: "ZmFrZS1wcml2YXRlLWtleS1kYXRh", privateKeyType: "TYPE_GOOGLE_CREDENTIALS_FILE" });
    expect(JSON.stringify(records)).not.toContain("ZmFrZS1wcml2YXRlLWtleS1kYXRh");
  });
});
