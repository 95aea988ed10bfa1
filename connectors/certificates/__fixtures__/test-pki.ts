import { isIP } from "node:net";
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { createHash, randomBytes, webcrypto } from "node:crypto";

/*
 * Certificates generated per test run with @peculiar/x509 over Node's WebCrypto, so validity is
 * relative to "now" and nothing expires in the repository. Dates have whole seconds because
 * X.509 validity has second precision.
 */

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const DAY_MS = 86_400_000;

/** A generated certificate with its key, in the forms tests and TLS servers need. */
export interface TestCertificate {
  readonly der: Buffer;
  readonly pem: string;
  /** PKCS#8 PEM of the private key. */
  readonly keyPem: string;
  readonly thumbprint: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly cert: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
}

type KeyKind = "ec-p256" | "rsa-1024" | "rsa-2048";
const EC = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const rsa = (bits: number, hash: string) => ({
  name: "RSASSA-PKCS1-v1_5",
  hash,
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: bits,
});

export interface IssueOptions {
  readonly cn: string;
  readonly sans?: readonly string[];
  readonly issuer?: TestCertificate;
  readonly ca?: boolean;
  readonly key?: KeyKind;
  /** Signature digest; SHA-256 unless a test wants SHA-1. */
  readonly hash?: "SHA-1" | "SHA-256";
  /** Days from now (negative = past). */
  readonly fromDays?: number;
  readonly toDays?: number;
}

/** `now` rounded down to a whole second plus `days`. */
export function daysFromNow(days: number): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000 + days * DAY_MS);
}

export function toPem(label: string, der: ArrayBuffer | Uint8Array): string {
  const lines =
    Buffer.from(der as ArrayBuffer)
      .toString("base64")
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

async function generateKeys(kind: KeyKind, hash: string): Promise<{ keys: CryptoKeyPair; algorithm: Algorithm }> {
  const algorithm = kind === "ec-p256" ? { ...EC, hash } : rsa(kind === "rsa-1024" ? 1024 : 2048, hash);
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  return { keys, algorithm };
}

/** Issues a certificate (self-signed when no issuer is given). */
export async function issue(options: IssueOptions): Promise<TestCertificate> {
  const hash = options.hash ?? "SHA-256";
  const { keys, algorithm } = await generateKeys(options.key ?? "ec-p256", hash);
  const notBefore = daysFromNow(options.fromDays ?? -1);
  const notAfter = daysFromNow(options.toDays ?? 90);
  const issuer = options.issuer;
  const signingAlgorithm = issuer ? { ...(issuer.cert.publicKey.algorithm as Algorithm), hash } : algorithm;
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(options.ca ?? false, undefined, true)];
  if (options.sans?.length)
    extensions.push(new x509.SubjectAlternativeNameExtension(options.sans.map((value) => ({ type: isIP(value) ? ("ip" as const) : ("dns" as const), value }))));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(8)
      .toString("hex")
      .replace(/^[89a-f]/, "1"), // positive INTEGER
    subject: `CN=${options.cn}`,
    issuer: issuer ? issuer.cert.subject : `CN=${options.cn}`,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
    signingAlgorithm,
    extensions,
  });
  const der = Buffer.from(cert.rawData);
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  return {
    der,
    pem: toPem("CERTIFICATE", der),
    keyPem: toPem("PRIVATE KEY", pkcs8),
    thumbprint: createHash("sha256").update(der).digest("hex"),
    notBefore,
    notAfter,
    cert,
    keys,
  };
}

/** The certificate zoo the tests share. */
export interface TestPki {
  readonly root: TestCertificate;
  readonly intermediate: TestCertificate;
  readonly leaf: TestCertificate;
  readonly expired: TestCertificate;
  readonly expiring: TestCertificate;
  readonly tenYear: TestCertificate;
  readonly wildcard: TestCertificate;
  readonly selfSigned: TestCertificate;
  readonly rsa1024: TestCertificate;
  readonly sha1: TestCertificate;
}

export async function generateTestPki(): Promise<TestPki> {
  const root = await issue({ cn: "Keyward Test Root CA", ca: true, fromDays: -10, toDays: 3650 });
  const intermediate = await issue({ cn: "Keyward Test Intermediate CA", ca: true, issuer: root, fromDays: -10, toDays: 1825 });
  const [leaf, expired, expiring, tenYear, wildcard, selfSigned, rsa1024, sha1] = await Promise.all([
    issue({ cn: "chain.example.test", sans: ["chain.example.test"], issuer: intermediate }),
    issue({ cn: "expired.example.test", sans: ["expired.example.test"], issuer: intermediate, fromDays: -400, toDays: -5 }),
    issue({ cn: "expiring.example.test", sans: ["expiring.example.test"], issuer: intermediate, fromDays: -80, toDays: 10 }),
    issue({ cn: "decade.example.test", sans: ["decade.example.test"], issuer: intermediate, toDays: 3650 }),
    issue({ cn: "*.example.test", sans: ["*.example.test", "example.test"], issuer: intermediate }),
    issue({ cn: "self.example.test", sans: ["self.example.test"] }),
    issue({ cn: "legacy.example.test", sans: ["legacy.example.test"], key: "rsa-1024" }),
    issue({ cn: "sha1.example.test", sans: ["sha1.example.test"], key: "rsa-2048", hash: "SHA-1" }),
  ]);
  return { root, intermediate, leaf, expired, expiring, tenYear, wildcard, selfSigned, rsa1024, sha1 };
}
