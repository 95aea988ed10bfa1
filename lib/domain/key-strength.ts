/**
 * What makes key material weak for the `weak-key` rule (PRODUCT.md: RSA under 2048 bits, or a
 * SHA-1 / MD5 signature). The patterns are POSIX-compatible so the SQL rule uses them verbatim.
 */

/** Lower-cased algorithm names that denote an RSA key: `rsa`, `ssh-rsa`, `rsaEncryption`, `RSASSA-PSS`. */
export const RSA_ALGORITHM_PATTERN = "rsa";

/**
 * Lower-cased signature or digest names using SHA-1, MD5 or MD2: `sha1WithRSAEncryption`,
 * `SHA1-RSA`, `ecdsa-with-SHA1`, `md5WithRSAEncryption`. `sha-1` must not be followed by a digit,
 * so `sha-128`-like names and SHA-2 variants (`sha256`, `rsa-sha2-512`) do not match.
 */
export const WEAK_SIGNATURE_PATTERN = "(sha-?1([^0-9]|$)|md[25])";

const weakSignature = new RegExp(WEAK_SIGNATURE_PATTERN);
const rsa = new RegExp(RSA_ALGORITHM_PATTERN);

export function isWeakSignatureAlgorithm(name: string | null | undefined): boolean {
  return typeof name === "string" && weakSignature.test(name.toLowerCase());
}

export function isWeakRsaKey(algorithm: string | null | undefined, keySize: number | null | undefined, minBits: number): boolean {
  return typeof algorithm === "string" && rsa.test(algorithm.toLowerCase()) && typeof keySize === "number" && keySize < minBits;
}
