import { beforeAll, describe, expect, it } from "vitest";
import { generateTestPki, type TestPki } from "./__fixtures__/test-pki";
import { byThumbprint, credentials, scanItem, transformFile, transformScan } from "./__fixtures__/transform-helpers";

let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki();
});

const DAY_MS = 86_400_000;

describe("certificate transform (files)", () => {
  it("describes a root → intermediate → leaf bundle with chain positions and verified issuers", () => {
    const bundle = `subject=CN = chain.example.test\n${pki.leaf.pem}${pki.intermediate.pem}${pki.root.pem}`;
    const records = transformFile("etc/ssl/chain.pem", bundle);
    expect(records).toHaveLength(3);
    expect(byThumbprint(records, pki.leaf.thumbprint)).toEqual({
      kind: "credential",
      externalType: "certificates.certificate",
      externalId: pki.leaf.thumbprint,
      name: "chain.example.test",
      type: "certificate",
      status: "active",
      createdAt: pki.leaf.notBefore.toISOString(),
      expiresAt: pki.leaf.notAfter.toISOString(),
      algorithm: "EC",
      keySize: 256,
      thumbprint: pki.leaf.thumbprint,
      locations: [{ source: "file", path: "etc/ssl/chain.pem", line: 2 }],
      tags: {},
      attributes: {
        subject: "CN=chain.example.test",
        issuer: "CN=Keyward Test Intermediate CA",
        commonName: "chain.example.test",
        serial: pki.leaf.cert.serialNumber.toLowerCase(),
        sans: ["DNS:chain.example.test"],
        wildcard: false,
        selfSigned: false,
        selfIssued: false,
        isCA: false,
        notBefore: pki.leaf.notBefore.toISOString(),
        notAfter: pki.leaf.notAfter.toISOString(),
        validityDays: 91,
        keyAlgorithm: "EC",
        keySize: 256,
        keyCurve: "P-256",
        publicKeySha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        signatureAlgorithm: "ecdsa-with-SHA256",
        signatureHash: "SHA-256",
        chainPosition: 0,
        issuerThumbprint: pki.intermediate.thumbprint,
      },
    });
    const intermediate = byThumbprint(records, pki.intermediate.thumbprint);
    expect(intermediate.attributes).toMatchObject({
      chainPosition: 1,
      isCA: true,
      selfSigned: false,
      issuerThumbprint: pki.root.thumbprint,
    });
    const root = byThumbprint(records, pki.root.thumbprint);
    expect(root.attributes).toMatchObject({ chainPosition: 2, isCA: true, selfSigned: true, selfIssued: true });
    expect(root.attributes).not.toHaveProperty("issuerThumbprint");
  });

  it("marks an expired certificate expired and an expiring one active with its near expiry", () => {
    const [expired] = credentials(transformFile("expired.pem", pki.expired.pem));
    expect(expired?.status).toBe("expired");
    expect(expired?.expiresAt).toBe(pki.expired.notAfter.toISOString());
    const [expiring] = credentials(transformFile("expiring.pem", pki.expiring.pem));
    expect(expiring?.status).toBe("active");
    const daysLeft = (Date.parse(expiring?.expiresAt ?? "") - Date.now()) / DAY_MS;
    expect(daysLeft).toBeGreaterThan(9.9);
    expect(daysLeft).toBeLessThanOrEqual(10);
  });

  it("decides expiry against the time the file was read, not the wall clock", () => {
    const before = new Date(pki.expired.notAfter.getTime() - DAY_MS).toISOString();
    const [record] = credentials(transformFile("expired.pem", pki.expired.pem, undefined, before));
    expect(record?.status).toBe("active");
  });

  it("records the validity of a ten-year certificate", () => {
    const [record] = credentials(transformFile("decade.pem", pki.tenYear.pem));
    expect(record?.attributes).toMatchObject({ validityDays: 3651 });
    expect(record?.expiresAt).toBe(pki.tenYear.notAfter.toISOString());
  });

  it("flags wildcard names from the SANs and the common name", () => {
    const [record] = credentials(transformFile("wild.pem", pki.wildcard.pem));
    expect(record?.attributes).toMatchObject({
      wildcard: true,
      sans: ["DNS:*.example.test", "DNS:example.test"],
      commonName: "*.example.test",
    });
  });

  it("recognises a self-signed leaf by its verifying signature", () => {
    const [record] = credentials(transformFile("self.pem", pki.selfSigned.pem));
    expect(record?.attributes).toMatchObject({ selfSigned: true, selfIssued: true, isCA: false, issuer: "CN=self.example.test" });
  });

  it("reports an RSA-1024 key and a SHA-1 signature for the weak-key rule", () => {
    const [small] = credentials(transformFile("legacy.pem", pki.rsa1024.pem));
    expect(small).toMatchObject({ algorithm: "RSA", keySize: 1024 });
    expect(small?.attributes).toMatchObject({
      keyAlgorithm: "RSA",
      keySize: 1024,
      signatureAlgorithm: "sha256WithRSAEncryption",
    });
    const [sha1] = credentials(transformFile("sha1.pem", pki.sha1.pem));
    expect(sha1).toMatchObject({ algorithm: "RSA", keySize: 2048 });
    expect(sha1?.attributes).toMatchObject({ signatureAlgorithm: "sha1WithRSAEncryption", signatureHash: "SHA-1" });
  });

  it("reads a DER file as one certificate without a line number", () => {
    const records = transformFile("certs/leaf.cer", pki.leaf.der);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      externalId: pki.leaf.thumbprint,
      locations: [{ source: "file", path: "certs/leaf.cer" }],
    });
  });

  it("emits a certificate listed twice in a bundle once", () => {
    const records = transformFile("dup.pem", pki.leaf.pem + pki.leaf.pem);
    expect(records).toHaveLength(1);
  });
});

describe("certificate transform (endpoints)", () => {
  it("emits each presented certificate stored_in the endpoint, with the negotiated session on the edge", () => {
    const records = transformScan(scanItem("chain.example.test:443", [pki.leaf.der, pki.intermediate.der, pki.leaf.der]));
    expect(credentials(records).map((r) => [r.externalType, r.externalId, r.attributes.chainPosition])).toEqual([
      ["certificates.tls_certificate", pki.leaf.thumbprint, 0],
      ["certificates.tls_certificate", pki.intermediate.thumbprint, 1],
    ]);
    expect(byThumbprint(records, pki.leaf.thumbprint).locations).toEqual([{ source: "tls", path: "chain.example.test:443" }]);
    expect(byThumbprint(records, pki.leaf.thumbprint).attributes.issuerThumbprint).toBe(pki.intermediate.thumbprint);
    expect(records.filter((r) => r.kind === "edge")).toEqual([
      {
        kind: "edge",
        type: "stored_in",
        from: { externalType: "certificates.tls_certificate", externalId: pki.leaf.thumbprint },
        to: { externalType: "certificates.endpoint", externalId: "chain.example.test:443" },
        attributes: {
          chainPosition: 0,
          protocol: "TLSv1.3",
          cipher: "TLS_AES_256_GCM_SHA384",
          authorized: false,
          authorizationError: "SELF_SIGNED_CERT_IN_CHAIN",
        },
      },
      {
        kind: "edge",
        type: "stored_in",
        from: { externalType: "certificates.tls_certificate", externalId: pki.intermediate.thumbprint },
        to: { externalType: "certificates.endpoint", externalId: "chain.example.test:443" },
        attributes: {
          chainPosition: 1,
          protocol: "TLSv1.3",
          cipher: "TLS_AES_256_GCM_SHA384",
          authorized: false,
          authorizationError: "SELF_SIGNED_CERT_IN_CHAIN",
        },
      },
    ]);
  });

  it("emits nothing for a handshake without a certificate", () => {
    expect(transformScan(scanItem("anon.example.test:443", []))).toEqual([]);
  });
});
