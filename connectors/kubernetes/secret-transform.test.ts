import { describe, expect, it } from "vitest";
import { createFingerprinter, recordSchema, type KeywardRecord } from "../sdk";
import { CANARIES, CLUSTER, itemNamed } from "./__fixtures__/kubectl-files";
import { secretsStream } from "./streams/secrets";

const fingerprint = createFingerprinter(Buffer.alloc(32, 2));
const ctx = { scope: { id: CLUSTER, label: CLUSTER }, parent: undefined, fingerprint };
const transform = (item: unknown): KeywardRecord[] => secretsStream.transform(item, ctx).map((r) => recordSchema.parse(r));
const credentials = (records: KeywardRecord[]) => records.filter((r) => r.kind === "credential");
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("secret transform", () => {
  it("makes a legacy service-account token a never-expiring token of its account", () => {
    const records = transform(itemNamed("Secret", "deployer-token", "kube-system"));
    const account = { externalType: "kubernetes.service_account", externalId: `${CLUSTER}/kube-system/deployer` };
    expect(credentials(records)).toEqual([
      expect.objectContaining({
        externalId: `${CLUSTER}/kube-system/deployer-token`,
        type: "token",
        status: "active",
        identityRef: account,
        fingerprint: fingerprint(CANARIES.token),
        attributes: expect.objectContaining({
          secretType: "kubernetes.io/service-account-token",
          legacyServiceAccountToken: true,
          serviceAccount: "deployer",
        }),
      }),
    ]);
    expect(credentials(records)[0]?.expiresAt).toBeUndefined();
    expect(records).toContainEqual(expect.objectContaining({ kind: "edge", type: "has_credential", from: account }));
  });

  it("fingerprints every value of an Opaque secret, one credential per key, keys kept", () => {
    const records = credentials(transform(itemNamed("Secret", "db-credentials", "payments")));
    expect(records.map((c) => c.externalId)).toEqual(
      ["host", "password", "username"].map((key) => `${CLUSTER}/payments/db-credentials#${key}`),
    );
    expect(records.every((c) => c.type === "stored_secret" && c.attributes.secretType === "Opaque")).toBe(true);
    expect(records[1]).toMatchObject({ name: "payments/db-credentials:password", fingerprint: fingerprint(CANARIES.password) });
    expect(records[0]?.attributes.keys).toEqual(["host", "password", "username"]);
    // The same password in another Secret fingerprints alike: reuse is visible, the value is not.
    const copy = credentials(transform(itemNamed("Secret", "legacy-copy", "payments")));
    expect(copy[0]?.fingerprint).toBe(records[1]?.fingerprint);
  });

  it("never copies the last-applied-configuration annotation, which holds the values", () => {
    const text = JSON.stringify(transform(itemNamed("Secret", "db-credentials", "payments")));
    expect(text).not.toContain(CANARIES.password);
    expect(text).not.toContain("last-applied");
  });

  it("keeps registry and user of a dockerconfigjson secret and fingerprints the password or auth", () => {
    const records = credentials(transform(itemNamed("Secret", "regcred", "payments")));
    expect(records.map((c) => [c.externalId, c.type, c.attributes.registry, c.attributes.username, c.fingerprint])).toEqual([
      [
        `${CLUSTER}/payments/regcred#registry.acme.example`,
        "password",
        "registry.acme.example",
        "ci-bot",
        fingerprint(CANARIES.registry),
      ],
      [
        `${CLUSTER}/payments/regcred#https://index.docker.io/v1/`,
        "password",
        "https://index.docker.io/v1/",
        "acmebot",
        fingerprint(CANARIES.dockerHub),
      ],
    ]);
  });

  it("parses the certificate of a TLS secret and only fingerprints its private key", () => {
    const [cert] = credentials(transform(itemNamed("Secret", "payments-tls", "payments")));
    expect(cert).toMatchObject({
      type: "certificate",
      externalId: `${CLUSTER}/payments/payments-tls`,
      thumbprint: "8f4c08ee69d3aeee9472da12fc5ca95e51a1eef9d14be58e0bb01ae74148e91f",
      expiresAt: "2027-12-04T14:59:54.000Z",
      algorithm: "RSA",
      keySize: 2048,
      fingerprint: fingerprint(`-----BEGIN PRIVATE KEY-----\n${CANARIES.tlsKey}\n-----END PRIVATE KEY-----\n`),
      attributes: expect.objectContaining({
        commonName: "payments.acme.example",
        dnsNames: ["payments.acme.example", "api.payments.acme.example"],
        selfSigned: true,
        signatureAlgorithm: "sha256WithRSAEncryption",
        secretType: "kubernetes.io/tls",
      }),
    });
  });

  it("keeps a TLS secret whose certificate does not parse, marked unreadable", () => {
    const item = {
      metadata: { name: "broken", namespace: "web" },
      type: "kubernetes.io/tls",
      data: { "tls.crt": b64("not a certificate") },
      keyward: { cluster: CLUSTER },
    };
    const [cert] = credentials(transform(item));
    expect(cert).toMatchObject({ type: "certificate", attributes: { certificateUnreadable: true } });
    expect(cert?.fingerprint).toBeUndefined();
  });

  it("records a token secret the controller has not filled yet, and a secret without data", () => {
    const pending = {
      metadata: { name: "t", namespace: "a", annotations: { "kubernetes.io/service-account.name": "builder" } },
      type: "kubernetes.io/service-account-token",
    };
    expect(credentials(transform(pending))[0]).toMatchObject({
      status: "unknown",
      identityRef: { externalId: "default/a/builder" },
    });
    const empty = credentials(transform({ metadata: { name: "e", namespace: "a" } }));
    expect(empty).toEqual([
      expect.objectContaining({
        externalId: "default/a/e",
        status: "unknown",
        attributes: expect.objectContaining({ keys: [], secretType: "Opaque" }),
      }),
    ]);
  });

  it("does not fingerprint empty values, and types ssh-auth values as SSH keys", () => {
    const item = {
      metadata: { name: "git", namespace: "ci" },
      type: "kubernetes.io/ssh-auth",
      data: { "ssh-privatekey": b64("k"), known_hosts: "" },
      keyward: {},
    };
    const records = credentials(transform(item));
    expect(records.map((c) => [c.externalId, c.type, c.fingerprint === undefined])).toEqual([
      ["default/ci/git#known_hosts", "ssh_key", true],
      ["default/ci/git#ssh-privatekey", "ssh_key", false],
    ]);
  });
});
