import { createHash, X509Certificate as NativeCertificate } from "node:crypto";
import { describePublicKey, type KeyFacts } from "./key-facts";
import { BasicConstraintsExtension, SubjectAlternativeNameExtension, X509Certificate } from "./peculiar";
import { describeSignatureAlgorithm } from "./signature-algorithm";

/*
 * Everything Keyward records about one X.509 certificate. Two parsers work together: Node's
 * X509Certificate verifies signatures synchronously (transforms are synchronous) and describes
 * the key; @peculiar/x509 names the signature algorithm (Node 20 cannot) and gives single-line
 * distinguished names and typed subject alternative names.
 */

/** Facts of one certificate; all plain JSON. */
export interface CertificateFacts {
  /** SHA-256 of the DER encoding, lowercase hex: the certificate's public identifier. */
  readonly thumbprint: string;
  readonly subject: string;
  readonly issuer: string;
  readonly commonName: string | undefined;
  /** Serial number, lowercase hex. */
  readonly serial: string;
  /** Subject alternative names as `DNS:host`, `IP:addr`, `EMAIL:…`, `URL:…`. */
  readonly sans: readonly string[];
  /** True when the common name or any DNS name starts with `*.`. */
  readonly wildcard: boolean;
  /** Issuer name equals subject name. */
  readonly selfIssued: boolean;
  /** Self-issued AND its signature verifies with its own key (a root or a self-made cert). */
  readonly selfSigned: boolean;
  readonly isCA: boolean;
  readonly notBefore: string;
  readonly notAfter: string;
  /** Whole days from notBefore to notAfter: long validity is what the no-expiry rule flags. */
  readonly validityDays: number;
  readonly key: KeyFacts;
  readonly signatureAlgorithm: string;
  readonly signatureHash: string | undefined;
}

const DAY_MS = 86_400_000;

const SAN_PREFIX: Readonly<Record<string, string>> = { dns: "DNS", ip: "IP", email: "EMAIL", url: "URL", dn: "DN", upn: "UPN" };

function subjectAltNames(cert: X509Certificate): string[] {
  const extension = cert.getExtension(SubjectAlternativeNameExtension);
  return (extension?.names.items ?? []).map((name) => `${SAN_PREFIX[name.type] ?? name.type.toUpperCase()}:${name.value}`);
}

function unknownKey(der: Uint8Array): KeyFacts {
  // Keys Node cannot load (e.g. GOST) still get a stable join id: hash of the whole DER.
  return {
    algorithm: "unknown",
    size: undefined,
    curve: undefined,
    publicKeySha256: createHash("sha256").update(der).digest("hex"),
  };
}

/** A parsed certificate: its facts plus the native object, to check who issued whom. */
export interface ParsedCertificate {
  readonly facts: CertificateFacts;
  readonly native: NativeCertificate;
}

/** Parses one DER certificate. Throws on bytes that are not a certificate. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const native = new NativeCertificate(der);
  const cert = new X509Certificate(Uint8Array.from(der));
  let key: KeyFacts;
  try {
    key = describePublicKey(native.publicKey);
  } catch {
    key = unknownKey(der);
  }
  const sans = subjectAltNames(cert);
  const commonName = cert.subjectName.getField("CN")[0];
  const selfIssued = cert.subject === cert.issuer;
  const signature = describeSignatureAlgorithm(cert.signatureAlgorithm);
  const facts: CertificateFacts = {
    thumbprint: createHash("sha256").update(der).digest("hex"),
    subject: cert.subject,
    issuer: cert.issuer,
    commonName,
    serial: cert.serialNumber.toLowerCase(),
    sans,
    wildcard: [commonName ?? "", ...sans.filter((s) => s.startsWith("DNS:")).map((s) => s.slice(4))].some((n) =>
      n.startsWith("*."),
    ),
    selfIssued,
    selfSigned: selfIssued && verifies(native, native),
    isCA: cert.getExtension(BasicConstraintsExtension)?.ca ?? false,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    validityDays: Math.floor((cert.notAfter.getTime() - cert.notBefore.getTime()) / DAY_MS),
    key,
    signatureAlgorithm: signature.name,
    signatureHash: signature.hash,
  };
  return { facts, native };
}

/** True when `issuer` issued `child`: names chain and the signature verifies with its key. */
export function verifies(child: NativeCertificate, issuer: NativeCertificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    // Unsupported key or signature algorithms cannot be verified; that is "not shown", not an error.
    return false;
  }
}
