import { createHash, createPrivateKey, generateKeyPairSync, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createFingerprinter, HARNESS_SCOPE } from "../sdk";
import { generateTestPki, type TestPki } from "./__fixtures__/test-pki";
import { credentials, transformFile } from "./__fixtures__/transform-helpers";

let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki();
});

const pemBody = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

/** An OpenSSH private key file (PROTOCOL.key) around a real Ed25519 public key. */
function openSshEd25519(cipher: string): { pem: string; publicBlob: Buffer } {
  const str = (value: Buffer | string) => {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, "latin1");
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const { publicKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ type: "spki", format: "der" }).subarray(-32);
  const publicBlob = Buffer.concat([str("ssh-ed25519"), str(raw)]);
  const count = Buffer.from([0, 0, 0, 1]);
  const body = Buffer.concat([
    Buffer.from("openssh-key-v1\0", "latin1"),
    str(cipher),
    str(cipher === "none" ? "none" : "bcrypt"),
    str(""),
    count,
    str(publicBlob),
    str(randomBytes(64)),
  ]);
  const lines = body.toString("base64").match(/.{1,70}/g) ?? [];
  return { pem: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join("\n")}\n-----END OPENSSH PRIVATE KEY-----\n`, publicBlob };
}

describe("private keys found in files", () => {
  it("keeps only the keyed fingerprint, algorithm and size, and joins the key to its certificate", () => {
    const fingerprint = createFingerprinter(randomBytes(32));
    const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint };
    const records = transformFile("srv/tls/server.pem", pki.leaf.pem + pki.leaf.keyPem, ctx);
    const [cert, key] = credentials(records);
    expect(key).toEqual({
      kind: "credential",
      externalType: "certificates.private_key",
      externalId: cert?.attributes.publicKeySha256,
      name: "EC-256 private key",
      type: "private_key",
      status: "active",
      algorithm: "EC",
      keySize: 256,
      fingerprint: fingerprint(pemBody(pki.leaf.keyPem)),
      locations: [{ source: "file", path: "srv/tls/server.pem", line: pki.leaf.pem.split("\n").length }],
      attributes: {
        pemLabel: "PRIVATE KEY",
        format: "pkcs8",
        encrypted: false,
        keyCurve: "P-256",
        publicKeySha256: cert?.attributes.publicKeySha256,
      },
      tags: {},
    });
    const json = JSON.stringify(records);
    for (const line of pki.leaf.keyPem.split("\n").filter((l) => l.length > 20 && !l.startsWith("-----")))
      expect(json).not.toContain(line);
  });

  it("gives a re-wrapped copy of the same key the same fingerprint", () => {
    const ctx = { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(randomBytes(32)) };
    const rewrapped = pki.leaf.keyPem.replace(/\n(?!-)/g, "\r\n");
    const [a] = transformFile("a.key", pki.leaf.keyPem, ctx);
    const [b] = transformFile("b.key", rewrapped, ctx);
    expect(a?.kind === "credential" && a.fingerprint).toBe(b?.kind === "credential" && b.fingerprint);
  });

  it("reads PKCS#1 RSA keys", () => {
    const pkcs1 = createPrivateKey(pki.rsa1024.keyPem).export({ type: "pkcs1", format: "pem" }).toString();
    const [key] = credentials(transformFile("legacy.key", pkcs1));
    expect(key).toMatchObject({
      name: "RSA-1024 private key",
      algorithm: "RSA",
      keySize: 1024,
      attributes: { pemLabel: "RSA PRIVATE KEY", format: "pkcs1" },
    });
  });

  it("records an encrypted key without reading it, identified by its fingerprint", () => {
    const encrypted = createPrivateKey(pki.leaf.keyPem)
      .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "correct horse" })
      .toString();
    const [key] = credentials(transformFile("enc.key", encrypted));
    expect(key).toMatchObject({
      name: "private key (encrypted)",
      attributes: { pemLabel: "ENCRYPTED PRIVATE KEY", encrypted: true },
    });
    expect(key?.externalId).toBe(key?.fingerprint);
    expect(key).not.toHaveProperty("algorithm");
  });

  it("reads the public header of OpenSSH keys, passphrase-protected or not", () => {
    const plain = openSshEd25519("none");
    const [key] = credentials(transformFile("home/deploy/.ssh/id_ed25519", plain.pem));
    const sshFingerprint = `SHA256:${createHash("sha256").update(plain.publicBlob).digest("base64").replace(/=+$/, "")}`;
    expect(key).toMatchObject({
      externalId: sshFingerprint,
      algorithm: "Ed25519",
      keySize: 256,
      attributes: { format: "openssh", encrypted: false, sshFingerprint },
    });
    const [locked] = credentials(transformFile("id_locked", openSshEd25519("aes256-ctr").pem));
    expect(locked).toMatchObject({ name: "Ed25519-256 private key (encrypted)", attributes: { encrypted: true } });
  });

  it("still lists a damaged key, without algorithm details", () => {
    const [key] = credentials(transformFile("bad.key", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"));
    expect(key).toMatchObject({ type: "private_key", algorithm: "RSA", attributes: { format: "pkcs1" } });
    expect(key).not.toHaveProperty("keySize");
  });
});
