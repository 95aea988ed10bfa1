import "reflect-metadata";
import { SubjectAlternativeNameExtension, X509Certificate } from "@peculiar/x509";
import { createHash, X509Certificate as NativeCertificate } from "node:crypto";

/*
 * What a `kubernetes.io/tls` Secret's `tls.crt` says about its (leaf) certificate. Parsed with
 * @peculiar/x509 (names, SANs, signature algorithm) and Node's X509Certificate (key size, self
 * signature) directly: connectors may not import each other, so connectors/certificates is not
 * reused, but the facts use its vocabulary (lowercase hex SHA-256 thumbprint of the DER, OpenSSL
 * signature names) so the same certificate found by both connectors has the same thumbprint.
 * (@peculiar/x509's dependency needs `reflect-metadata` loaded first, hence the import above.)
 */

export interface TlsCertificateFacts {
  readonly thumbprint: string;
  readonly subject: string;
  readonly issuer: string;
  readonly commonName: string | undefined;
  readonly serial: string;
  readonly dnsNames: readonly string[];
  readonly notBefore: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
  readonly keyAlgorithm: string | undefined;
  readonly keySize: number | undefined;
  readonly signatureAlgorithm: string;
  /** Certificates in the PEM after the leaf (intermediates). */
  readonly chainLength: number;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** WebCrypto names as OpenSSL names, as the weak-key rule reads them. */
const SIGNATURE_NAMES: Readonly<Record<string, string>> = {
  "RSASSA-PKCS1-v1_5/SHA-1": "sha1WithRSAEncryption",
  "RSASSA-PKCS1-v1_5/SHA-256": "sha256WithRSAEncryption",
  "RSASSA-PKCS1-v1_5/SHA-384": "sha384WithRSAEncryption",
  "RSASSA-PKCS1-v1_5/SHA-512": "sha512WithRSAEncryption",
  "ECDSA/SHA-256": "ecdsa-with-SHA256",
  "ECDSA/SHA-384": "ecdsa-with-SHA384",
  "ECDSA/SHA-512": "ecdsa-with-SHA512",
};

const CURVE_BITS: Readonly<Record<string, number>> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

function signatureName(algorithm: { name: string; hash?: unknown }): string {
  const hash = (algorithm.hash as { name?: string } | undefined)?.name;
  return SIGNATURE_NAMES[`${algorithm.name}/${hash ?? ""}`] ?? (hash ? `${algorithm.name}/${hash}` : algorithm.name);
}

function selfSigned(native: NativeCertificate): boolean {
  try {
    return native.checkIssued(native) && native.verify(native.publicKey);
  } catch {
    return false;
  }
}

/** Facts of the first certificate of a PEM text; undefined when it holds none that parses. */
export function tlsCertificateFacts(pem: string): TlsCertificateFacts | undefined {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  const [leaf] = blocks;
  if (!leaf) return undefined;
  try {
    const cert = new X509Certificate(leaf);
    const native = new NativeCertificate(leaf);
    const key = native.publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    const sans = cert.getExtension(SubjectAlternativeNameExtension)?.names.items ?? [];
    return {
      thumbprint: createHash("sha256").update(Buffer.from(cert.rawData)).digest("hex"),
      subject: cert.subject,
      issuer: cert.issuer,
      commonName: cert.subjectName.getField("CN")[0],
      serial: cert.serialNumber.toLowerCase(),
      dnsNames: sans.filter((name) => name.type === "dns").map((name) => name.value),
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
      selfSigned: selfSigned(native),
      keyAlgorithm: key.asymmetricKeyType?.toUpperCase(),
      keySize: details.modulusLength ?? (details.namedCurve ? CURVE_BITS[details.namedCurve] : undefined),
      signatureAlgorithm: signatureName(cert.signatureAlgorithm),
      chainLength: blocks.length - 1,
    };
  } catch {
    return undefined;
  }
}
