import { describe, expect, it } from "vitest";
import { ORG, PAYMENTS, restJson, withContext } from "./__fixtures__/rest-files";
import { single, transformWith } from "./__fixtures__/transform-helpers";
import { deployKeysStream } from "./streams/deploy-keys";
import { sshKeyFactsOf } from "./transform/ssh-public-key";

const transform = transformWith(deployKeysStream);
const [readOnlyUsed, writeNeverUsed] = withContext(restJson("repos/acme-corp/payments-api/keys.json"), {
  org: ORG,
  repo: PAYMENTS,
  environment: "prod",
});
const [disabledUnicode] = withContext(restJson("repos/acme-corp/payments-api/keys-page-2.json"), { org: ORG, repo: PAYMENTS });

describe("deploy key transform", () => {
  it("records a read-only key with its last use, creator, algorithm and SSH fingerprint, granting read on its repository", () => {
    const records = transform(readOnlyUsed);
    expect(single(records, "credential")).toMatchObject({
      externalType: "github.deploy_key",
      externalId: "acme-corp/payments-api#1",
      name: "argocd-readonly",
      type: "deploy_key",
      status: "active",
      environment: "prod",
      createdAt: "2024-01-31T15:10:00.000Z",
      lastUsedAt: "2026-11-29T23:41:05.000Z",
      algorithm: "ED25519",
      keySize: 256,
      // What `ssh-keygen -lf` prints for this public key.
      thumbprint: "SHA256:HGDMPnh7DDhmRonVve6i7IE3kxK3YEj3ejazV+p93mU",
      fingerprint: expect.stringMatching(/^hmac-sha256:[0-9a-f]{64}$/),
      attributes: {
        keyId: 1,
        repository: PAYMENTS,
        readOnly: true,
        verified: true,
        enabled: true,
        addedBy: "sofia-rossi",
        ownerLogin: "sofia-rossi",
        ownerProvenance: "github.deploy_key:added_by",
      },
    });
    expect(single(records, "edge")).toEqual({
      kind: "edge",
      type: "has_permission",
      from: { externalType: "github.deploy_key", externalId: "acme-corp/payments-api#1" },
      to: { externalType: "github.repository", externalId: PAYMENTS },
      level: "read",
      attributes: { access: "pull" },
    });
  });

  it("marks a never-used write key (last_used null) and reads the size of its 1024-bit RSA key", () => {
    const records = transform(writeNeverUsed);
    const credential = single(records, "credential");
    expect(credential.lastUsedAt).toBeUndefined();
    expect(credential).toMatchObject({
      algorithm: "RSA",
      keySize: 1024,
      createdAt: "2018-04-02T08:00:00.000Z",
      thumbprint: "SHA256:WxtR/ob9eaX4IbEGIMMYhB89gj/RQZ9VwNNGYrSpPz8",
    });
    expect(credential.attributes).toMatchObject({ neverUsed: true, readOnly: false, addedBy: "jdoe-old" });
    expect(single(records, "edge")).toMatchObject({ level: "write", attributes: { access: "push" } });
  });

  it("records a disabled key as inactive, keeps a unicode title, and leaves the owner out when GitHub names nobody", () => {
    const credential = single(transform(disabledUnicode), "credential");
    expect(credential).toMatchObject({ name: "Déploiement — staging ☁", status: "inactive", algorithm: "ECDSA", keySize: 256 });
    expect(credential.attributes).not.toHaveProperty("ownerLogin");
    expect(credential.attributes).not.toHaveProperty("ownerProvenance");
    expect(credential.environment).toBeUndefined();
  });

  it("gives the same key on two repositories the same fingerprint, and never stores the public key", () => {
    const [first] = transform(readOnlyUsed);
    const [elsewhere] = transform({ ...readOnlyUsed, id: 77, keyward: { org: ORG, repo: "acme-corp/infra-live" } });
    expect(first).toMatchObject({ fingerprint: (elsewhere as { fingerprint: string }).fingerprint });
    expect(elsewhere?.kind === "credential" && elsewhere.externalId).toBe("acme-corp/infra-live#77");
    const blob = String((readOnlyUsed as unknown as { key: string }).key).split(" ")[1];
    expect(JSON.stringify(transform(readOnlyUsed))).not.toContain(blob);
  });

  it("refuses a key without its repository", () => {
    expect(() => transform({ ...readOnlyUsed, keyward: { org: ORG } })).toThrow(/repository/);
  });

  it("reads RSA sizes from the modulus and refuses lines that are not public keys", () => {
    const rsa4096 = restJson("repos/acme-corp/infra-live/deploy-keys.json")[0] as unknown as { key: string };
    expect(sshKeyFactsOf(rsa4096.key)).toMatchObject({ algorithm: "RSA", keySize: 4096 });
    expect(sshKeyFactsOf("ssh-ed25519 not-base64!")).toBeUndefined();
    // A blob whose inner type disagrees with the line's type is not trusted.
    expect(sshKeyFactsOf(`ssh-rsa ${String((readOnlyUsed as unknown as { key: string }).key).split(" ")[1]}`)).toBeUndefined();
  });
});
