/*
 * @peculiar/x509 reports a certificate's signature algorithm in WebCrypto terms
 * (`{ name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-1" } }`) and falls back to the bare OID for
 * algorithms WebCrypto has no name for (MD5, MD2, DSA). Policies and people know the OpenSSL names
 * (`sha1WithRSAEncryption`), so both forms are mapped to those, with the digest kept separately
 * because "signed with SHA-1 or MD5" is what the weak-key rule checks.
 */

/** What the transform records about a signature. */
export interface SignatureAlgorithmFacts {
  /** OpenSSL-style name, e.g. `sha256WithRSAEncryption`; the OID when unknown. */
  readonly name: string;
  /** Digest, e.g. `SHA-256`, `SHA-1`, `MD5`; undefined for algorithms without one (Ed25519). */
  readonly hash: string | undefined;
}

/** WebCrypto name + hash → OpenSSL name. */
const BY_WEBCRYPTO: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "RSASSA-PKCS1-v1_5": {
    "SHA-1": "sha1WithRSAEncryption",
    "SHA-256": "sha256WithRSAEncryption",
    "SHA-384": "sha384WithRSAEncryption",
    "SHA-512": "sha512WithRSAEncryption",
  },
  ECDSA: {
    "SHA-1": "ecdsa-with-SHA1",
    "SHA-256": "ecdsa-with-SHA256",
    "SHA-384": "ecdsa-with-SHA384",
    "SHA-512": "ecdsa-with-SHA512",
  },
};

/** Algorithms named by OID only (legacy or outside WebCrypto), with their digest. */
const BY_OID: Readonly<Record<string, SignatureAlgorithmFacts>> = {
  "1.2.840.113549.1.1.2": { name: "md2WithRSAEncryption", hash: "MD2" },
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", hash: "MD5" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", hash: "SHA-224" },
  "1.2.840.10040.4.3": { name: "dsa-with-SHA1", hash: "SHA-1" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa-with-SHA256", hash: "SHA-256" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", hash: "SHA-224" },
};

/** Maps `X509Certificate.signatureAlgorithm` of @peculiar/x509 to OpenSSL naming. */
export function describeSignatureAlgorithm(algorithm: { name: string; hash?: unknown }): SignatureAlgorithmFacts {
  const hash = (algorithm.hash as { name?: unknown } | undefined)?.name;
  const hashName = typeof hash === "string" ? hash : undefined;
  const known = hashName ? BY_WEBCRYPTO[algorithm.name]?.[hashName] : undefined;
  if (known) return { name: known, hash: hashName };
  if (algorithm.name === "RSA-PSS") return { name: "rsassaPss", hash: hashName };
  if (algorithm.name === "Ed25519" || algorithm.name === "Ed448") return { name: algorithm.name.toUpperCase(), hash: undefined };
  return BY_OID[algorithm.name] ?? { name: algorithm.name, hash: hashName };
}
