import type { KeywardRecordInput } from "../../sdk";
import { toIsoTimestamp, type CredentialStatus } from "../../sdk";
import { parseArn } from "../arn";
import { accountRef, CERTIFICATE_TYPE, RESOURCE_TYPE } from "../external-types";
import type { CertificateItem } from "../schemas";
import { compact } from "./compact";

/*
 * An ACM certificate: expiry, key algorithm, whether ACM issued or someone imported it, and where
 * it is deployed (`InUseBy`, from DescribeCertificate) as `stored_in` edges to those resources.
 * ACM spells key algorithms `RSA-2048` (DescribeCertificate) or `RSA_2048` / `EC_prime256v1` (enums).
 */

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

function keyAlgorithm(value: string | undefined): { algorithm?: string; keySize?: number } {
  const match = value ? /^(RSA|EC)[-_](\w+)$/i.exec(value) : null;
  if (!match) return value ? { algorithm: value } : {};
  const [, family = "", size = ""] = match;
  const bits = /^\d+$/.test(size) ? Number(size) : CURVE_BITS[size];
  return { algorithm: family.toUpperCase(), ...(bits ? { keySize: bits } : {}) };
}

function statusOf(cert: CertificateItem, expiresAt: string | undefined, observedAt: string | undefined): CredentialStatus {
  switch (cert.Status) {
    case "REVOKED":
      return "revoked";
    case "EXPIRED":
      return "expired";
    case "INACTIVE":
    case "PENDING_VALIDATION":
    case "VALIDATION_TIMED_OUT":
    case "FAILED":
      return "inactive";
    case "ISSUED":
      return expiresAt && observedAt && expiresAt <= observedAt ? "expired" : "active";
    default:
      return "unknown";
  }
}

const usageNames = (values: CertificateItem["KeyUsages"]) => values?.map((v) => (typeof v === "string" ? v : v.Name));

export function certificateRecords(cert: CertificateItem): KeywardRecordInput[] {
  const arn = parseArn(cert.CertificateArn);
  const accountId = arn?.accountId || cert.keyward?.accountId;
  const region = arn?.region || cert.keyward?.region;
  const ref = { externalType: CERTIFICATE_TYPE, externalId: cert.CertificateArn };
  const expiresAt = toIsoTimestamp(cert.NotAfter);
  const observedAt = toIsoTimestamp(cert.keyward?.observedAt);
  const environment = cert.keyward?.environment;
  const inUseBy = cert.InUseBy ?? [];
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: cert.DomainName ?? cert.CertificateArn,
    type: "certificate",
    status: statusOf(cert, expiresAt, observedAt),
    ...(environment ? { environment } : {}),
    ...compact({
      createdAt: toIsoTimestamp(cert.IssuedAt ?? cert.ImportedAt ?? cert.CreatedAt),
      expiresAt,
      ...keyAlgorithm(cert.KeyAlgorithm),
    }),
    attributes: compact({
      arn: cert.CertificateArn,
      accountId,
      region,
      domainName: cert.DomainName,
      subjectAlternativeNames: cert.SubjectAlternativeNames ?? cert.SubjectAlternativeNameSummaries,
      certificateType: cert.Type,
      imported: cert.Type === undefined ? undefined : cert.Type === "IMPORTED",
      acmStatus: cert.Status,
      keyAlgorithm: cert.KeyAlgorithm,
      signatureAlgorithm: cert.SignatureAlgorithm,
      issuer: cert.Issuer,
      serial: cert.Serial,
      notBefore: toIsoTimestamp(cert.NotBefore),
      revokedAt: toIsoTimestamp(cert.RevokedAt),
      inUse: cert.InUse ?? (cert.InUseBy ? inUseBy.length > 0 : undefined),
      inUseBy: cert.InUseBy,
      exported: cert.Exported,
      renewalEligibility: cert.RenewalEligibility,
      keyUsages: usageNames(cert.KeyUsages),
      extendedKeyUsages: usageNames(cert.ExtendedKeyUsages),
      // ACM does not report certificate use: no `never-used`.
      usageTracked: false,
    }),
  };
  const edges: KeywardRecordInput[] = [
    ...(accountId ? [{ kind: "edge" as const, type: "stored_in" as const, from: ref, to: accountRef(accountId), attributes: compact({ service: "acm", region }) }] : []),
    ...inUseBy.map((resource): KeywardRecordInput => ({
      kind: "edge",
      type: "stored_in",
      from: ref,
      to: { externalType: RESOURCE_TYPE, externalId: resource },
      attributes: { relation: "in_use_by" },
    })),
  ];
  return [credential, ...edges];
}
