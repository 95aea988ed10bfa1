import { toIsoTimestamp, type CredentialStatus } from "../../sdk";

/** Go's zero time, which Vault prints for "no expiration" (`expiration_time` of a secret id). */
const GO_ZERO_TIME_YEAR = 1;

/** A Vault timestamp, or undefined for null, "" and Go's zero time. */
export function vaultTime(value: string | null | undefined): string | undefined {
  const iso = toIsoTimestamp(value);
  return iso !== undefined && new Date(iso).getUTCFullYear() <= GO_ZERO_TIME_YEAR ? undefined : iso;
}

/** Expired when the end passed before the item was seen; active otherwise (also when the time is unknown). */
export function statusAt(expiresAt: string | undefined, observedAt: string | undefined): CredentialStatus {
  return expiresAt !== undefined && observedAt !== undefined && Date.parse(expiresAt) <= Date.parse(observedAt)
    ? "expired"
    : "active";
}
