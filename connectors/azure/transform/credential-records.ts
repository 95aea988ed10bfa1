import { MASK_ELLIPSIS, toIsoTimestamp, type CredentialStatus, type ExternalRef, type KeywardRecordInput } from "../../sdk";
import type { KeyCredential, PasswordCredential } from "../schemas";
import { compact } from "./compact";

/*
 * Client secrets (`passwordCredentials`) and certificates (`keyCredentials`) of an app
 * registration or a service principal. Graph shows no secret value — only a 3-character `hint` of
 * a secret and a certificate's thumbprint — so nothing here is fingerprinted.
 */

/**
 * End dates from this year on mean "never expires": the portal, PowerShell and Terraform write
 * 2299-12-31 or 9999-12-31 for "no expiry", and no real secret is meant to outlive its app by
 * centuries. Such a credential gets no `expiresAt` (the `no-expiry` rule then sees it) and
 * `attributes.neverExpires: true`.
 */
export const NEVER_EXPIRES_FROM_YEAR = 2299;

/** Who holds the credentials and what the listing observed. */
export interface CredentialHolder {
  readonly ref: ExternalRef;
  readonly environment: string | undefined;
  /** Keys Azure creates and rotates itself (managed identities, Microsoft's own apps). */
  readonly systemManaged: boolean;
  readonly observedAt: string | undefined;
}

interface Validity {
  readonly startsAt: string | undefined;
  readonly expiresAt: string | undefined;
  readonly neverExpires: boolean;
}

function validityOf(start: string | null | undefined, end: string | null | undefined): Validity {
  const endsAt = toIsoTimestamp(end);
  const neverExpires = endsAt !== undefined && new Date(endsAt).getUTCFullYear() >= NEVER_EXPIRES_FROM_YEAR;
  return { startsAt: toIsoTimestamp(start), expiresAt: neverExpires ? undefined : endsAt, neverExpires };
}

/** Expired or not yet valid as of the listing; `unknown` when nobody said when that was. */
function statusOf(validity: Validity, observedAt: string | undefined): CredentialStatus {
  if (observedAt === undefined) return "unknown";
  if (validity.expiresAt !== undefined && validity.expiresAt <= observedAt) return "expired";
  if (validity.startsAt !== undefined && validity.startsAt > observedAt) return "inactive";
  return "active";
}

function baseRecord(holder: CredentialHolder, validity: Validity) {
  return compact({
    identityRef: holder.ref,
    status: statusOf(validity, holder.observedAt),
    environment: holder.environment,
    createdAt: validity.startsAt,
    expiresAt: validity.expiresAt,
  });
}

function commonAttributes(keyId: string, holder: CredentialHolder, validity: Validity) {
  return compact({
    keyId,
    // Graph does not report when a secret or certificate was last used (only sign-in logs do).
    usageTracked: false,
    neverExpires: validity.neverExpires || undefined,
    keyType: holder.systemManaged ? "SYSTEM_MANAGED" : undefined,
  });
}

export function passwordCredentialRecords(
  credential: PasswordCredential,
  holder: CredentialHolder,
  externalType: string,
): KeywardRecordInput[] {
  const ref = { externalType, externalId: credential.keyId };
  const validity = validityOf(credential.startDateTime, credential.endDateTime);
  return [
    {
      kind: "credential",
      ...ref,
      name: credential.displayName || `client secret ${credential.keyId}`,
      type: "client_secret",
      ...baseRecord(holder, validity),
      ...(credential.hint ? { maskedHint: `${credential.hint}${MASK_ELLIPSIS}` } : {}),
      attributes: commonAttributes(credential.keyId, holder, validity),
    },
    { kind: "edge", type: "has_credential", from: holder.ref, to: ref },
  ];
}

/**
 * `customKeyIdentifier` of a certificate is its SHA-1 thumbprint: Graph prints it as hex (portal
 * uploads) or as the base64 of the 20 digest bytes. Anything else is a free label, kept as such.
 */
export function thumbprintOf(identifier: string | null | undefined): string | undefined {
  if (!identifier) return undefined;
  if (/^[0-9a-f]{40}$/i.test(identifier)) return identifier.toUpperCase();
  if (/^[A-Za-z0-9+/]{27}=$/.test(identifier)) return Buffer.from(identifier, "base64").toString("hex").toUpperCase();
  return undefined;
}

export function keyCredentialRecords(
  credential: KeyCredential,
  holder: CredentialHolder,
  externalType: string,
): KeywardRecordInput[] {
  const ref = { externalType, externalId: credential.keyId };
  const validity = validityOf(credential.startDateTime, credential.endDateTime);
  const thumbprint = thumbprintOf(credential.customKeyIdentifier);
  // "Symmetric" keys are legacy shared secrets; X.509 types are certificates.
  const isSecret = credential.type === "Symmetric";
  return [
    {
      kind: "credential",
      ...ref,
      name: credential.displayName || `${isSecret ? "symmetric key" : "certificate"} ${credential.keyId}`,
      type: isSecret ? "client_secret" : "certificate",
      ...baseRecord(holder, validity),
      ...(thumbprint ? { thumbprint } : {}),
      attributes: compact({
        ...commonAttributes(credential.keyId, holder, validity),
        keyCredentialType: credential.type ?? undefined,
        usage: credential.usage ?? undefined,
        thumbprintAlgorithm: thumbprint ? "sha1" : undefined,
        customKeyIdentifier: thumbprint ? undefined : (credential.customKeyIdentifier ?? undefined),
      }),
    },
    { kind: "edge", type: "has_credential", from: holder.ref, to: ref },
  ];
}
