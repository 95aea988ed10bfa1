import { createHash, type KeyObject } from "node:crypto";

/*
 * Algorithm and size of a public or private key, in the vocabulary the weak-key rule uses:
 * RSA/DSA by modulus bits, EC by curve (and the curve's bits), EdDSA by its fixed size.
 */

/** What a credential record carries about its key. */
export interface KeyFacts {
  /** `RSA`, `RSA-PSS`, `DSA`, `EC`, `Ed25519`, `Ed448`, … or `unknown`. */
  readonly algorithm: string;
  /** Modulus bits (RSA, DSA), curve bits (EC), 256/448 (EdDSA); undefined when unknown. */
  readonly size: number | undefined;
  /** Curve in NIST naming when there is one (`P-256`), else OpenSSL's name; EC keys only. */
  readonly curve: string | undefined;
  /** SHA-256 (hex) of the DER SubjectPublicKeyInfo: joins a private key to its certificate. */
  readonly publicKeySha256: string;
}

const ALGORITHM_NAMES: Readonly<Record<string, string>> = {
  rsa: "RSA",
  "rsa-pss": "RSA-PSS",
  dsa: "DSA",
  ec: "EC",
  ed25519: "Ed25519",
  ed448: "Ed448",
  x25519: "X25519",
  x448: "X448",
  dh: "DH",
};

/** OpenSSL curve names → NIST names and sizes; other curves keep their name, size from its digits. */
const CURVES: Readonly<Record<string, readonly [name: string, bits: number]>> = {
  prime256v1: ["P-256", 256],
  secp384r1: ["P-384", 384],
  secp521r1: ["P-521", 521],
  secp224r1: ["P-224", 224],
  prime192v1: ["P-192", 192],
  secp256k1: ["secp256k1", 256],
};

const FIXED_SIZES: Readonly<Record<string, number>> = { ed25519: 256, ed448: 448, x25519: 256, x448: 448 };

function curveFacts(namedCurve: string | undefined): { curve: string | undefined; size: number | undefined } {
  if (!namedCurve) return { curve: undefined, size: undefined };
  const known = CURVES[namedCurve];
  if (known) return { curve: known[0], size: known[1] };
  const digits = /(\d{3})/.exec(namedCurve)?.[1];
  return { curve: namedCurve, size: digits ? Number(digits) : undefined };
}

/** Facts of a public key (a private key is passed through `createPublicKey` first). */
export function describePublicKey(key: KeyObject): KeyFacts {
  const type = key.asymmetricKeyType ?? "unknown";
  const details = key.asymmetricKeyDetails ?? {};
  const spki = key.export({ type: "spki", format: "der" });
  const publicKeySha256 = createHash("sha256").update(spki).digest("hex");
  const algorithm = ALGORITHM_NAMES[type] ?? type;
  if (type === "ec") return { algorithm, ...curveFacts(details.namedCurve), publicKeySha256 };
  return { algorithm, size: details.modulusLength ?? FIXED_SIZES[type], curve: undefined, publicKeySha256 };
}
