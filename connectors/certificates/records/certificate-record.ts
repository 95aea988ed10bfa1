import type { CredentialLocation, KeywardRecordInput } from "../../sdk";
import type { CertificateFacts } from "../x509/certificate-facts";
import { compact } from "./compact";

/** Where and how a certificate was seen; everything a record needs besides the certificate. */
export interface CertificateSighting {
  readonly externalType: string;
  readonly location: CredentialLocation;
  /** 0 = leaf (endpoint) or first certificate in the file. */
  readonly chainPosition: number;
  /** When the certificate was read: decides `expired` without making the transform impure. */
  readonly observedAt: string;
  /** Thumbprint of the certificate seen with it that verifiably issued it, if any. */
  readonly issuerThumbprint: string | undefined;
}

function displayName(facts: CertificateFacts): string {
  return (
    facts.commonName || facts.sans[0]?.replace(/^[A-Z]+:/, "") || facts.subject || `certificate ${facts.thumbprint.slice(0, 16)}`
  );
}

/**
 * A certificate as a `certificate` credential. The external id is the SHA-256 thumbprint, which
 * is public: the same certificate seen again is the same record.
 */
export function certificateRecord(facts: CertificateFacts, sighting: CertificateSighting): KeywardRecordInput {
  const expired = Date.parse(facts.notAfter) < Date.parse(sighting.observedAt);
  return {
    kind: "credential",
    externalType: sighting.externalType,
    externalId: facts.thumbprint,
    name: displayName(facts),
    type: "certificate",
    status: expired ? "expired" : "active",
    createdAt: facts.notBefore,
    expiresAt: facts.notAfter,
    algorithm: facts.key.algorithm,
    ...(facts.key.size !== undefined ? { keySize: facts.key.size } : {}),
    thumbprint: facts.thumbprint,
    locations: [sighting.location],
    attributes: compact({
      subject: facts.subject,
      issuer: facts.issuer,
      commonName: facts.commonName,
      serial: facts.serial,
      sans: [...facts.sans],
      wildcard: facts.wildcard,
      selfSigned: facts.selfSigned,
      selfIssued: facts.selfIssued,
      isCA: facts.isCA,
      notBefore: facts.notBefore,
      notAfter: facts.notAfter,
      validityDays: facts.validityDays,
      keyAlgorithm: facts.key.algorithm,
      keySize: facts.key.size,
      keyCurve: facts.key.curve,
      publicKeySha256: facts.key.publicKeySha256,
      signatureAlgorithm: facts.signatureAlgorithm,
      signatureHash: facts.signatureHash,
      chainPosition: sighting.chainPosition,
      issuerThumbprint: sighting.issuerThumbprint,
    }),
  };
}
