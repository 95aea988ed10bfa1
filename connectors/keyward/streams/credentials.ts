import { defineStream, maskHint, type Fingerprinter, type KeywardRecordInput } from "../../sdk";
import { CREDENTIAL_EXTERNAL_TYPES } from "../external-types";
import { credentialEntrySchema, type CredentialEntry } from "../schemas";
import { compact, isGone, listOfflineOnly, ts } from "./entry-helpers";

/**
 * A credential entry may carry its secret `value`: it is fingerprinted here, in memory, and only
 * the fingerprint and a masked hint go on. `owner` and `identityId` in an entry come from an
 * export and are ignored (a credential's owner is its identity's).
 */
export function credentialRecords(entry: CredentialEntry, fingerprint: Fingerprinter): KeywardRecordInput[] {
  if (isGone(entry)) return [];
  const secret = entry.value;
  const locations = (entry.locations ?? []).map((location) => compact(location));
  return [
    {
      kind: "credential",
      externalType: entry.externalType,
      externalId: entry.externalId,
      name: entry.name,
      type: entry.type,
      status: (entry.status as Exclude<CredentialEntry["status"], "gone">) ?? "unknown",
      ...compact({
        identityRef: entry.identityRef,
        environment: entry.environment,
        createdAt: ts(entry.createdAt),
        lastRotatedAt: ts(entry.lastRotatedAt),
        lastUsedAt: ts(entry.lastUsedAt),
        expiresAt: ts(entry.expiresAt),
        algorithm: entry.algorithm,
        keySize: entry.keySize,
        fingerprint: secret !== undefined ? fingerprint(secret) : entry.fingerprint,
        thumbprint: entry.thumbprint,
        maskedHint: secret !== undefined ? maskHint(secret) : entry.maskedHint,
      }),
      locations,
      attributes: entry.attributes ?? {},
      tags: entry.tags ?? {},
    },
  ];
}

export const credentialsStream = defineStream<unknown, CredentialEntry>({
  name: "credentials",
  externalTypes: CREDENTIAL_EXTERNAL_TYPES,
  item: credentialEntrySchema,
  list: listOfflineOnly,
  transform: (entry, { fingerprint }) => credentialRecords(entry, fingerprint),
});
