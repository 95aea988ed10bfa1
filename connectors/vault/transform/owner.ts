import type { ExternalRef, KeywardRecordInput } from "../../sdk";
import { personRef } from "../external-types";

/*
 * Owners come from key/value metadata people set in Vault: a KV v2 secret's `custom_metadata`,
 * a token's `meta`, a secret id's `metadata`. The first of these keys (any case) whose value holds
 * an e-mail address names the owner; the provenance names the exact key, e.g.
 * "vault.kv.custom_metadata:owner", so a reviewer can see where an owner came from.
 */

/** Keys read for an owner, in order of preference. */
export const OWNER_KEYS = ["owner", "owner_email", "email", "contact"] as const;
/** Key read for a team. */
export const TEAM_KEY = "team";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export interface OwnerHint {
  readonly email: string;
  readonly provenance: string;
}

/** The owner a metadata map names, if any; `source` prefixes the provenance (e.g. "vault.kv.custom_metadata"). */
export function ownerOf(metadata: Readonly<Record<string, string>>, source: string): OwnerHint | undefined {
  const entries = Object.entries(metadata);
  for (const wanted of OWNER_KEYS) {
    const entry = entries.find(([key]) => key.toLowerCase() === wanted);
    const email = entry && EMAIL.exec(entry[1])?.[0];
    if (entry && email) return { email: email.toLowerCase(), provenance: `${source}:${entry[0]}` };
  }
  return undefined;
}

/** The team a metadata map names, if any. */
export function teamOf(metadata: Readonly<Record<string, string>>): string | undefined {
  const value = Object.entries(metadata)
    .find(([key]) => key.toLowerCase() === TEAM_KEY)?.[1]
    ?.trim();
  return value ? value : undefined;
}

/** `owned_by` → the person, for credentials (which carry no owner hint of their own). */
export function ownedByEdges(from: ExternalRef, owner: OwnerHint | undefined): KeywardRecordInput[] {
  if (!owner) return [];
  return [{ kind: "edge", type: "owned_by", from, to: personRef(owner.email), attributes: { provenance: owner.provenance } }];
}
