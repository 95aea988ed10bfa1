import { z } from "zod";
import type { ObjectMeta } from "../schemas";

/*
 * Kubernetes has no owner field, so the owner is read from conventional keys, annotations first
 * (their values may hold an e-mail address; label values may not contain `@`). The provenance
 * names the key it came from, e.g. "kubernetes.annotation:keyward.io/owner", so people can see
 * why Keyward thinks so. An owner value that is not an e-mail (`owner=payments-team`, typical of
 * labels) is taken as a team.
 */

/** Keys holding the owner, most specific first. */
export const OWNER_KEYS = ["keyward.io/owner", "owner", "owner-email", "contact"] as const;
/** Keys holding the owning team. */
export const TEAM_KEYS = ["keyward.io/team", "team", "owner-team"] as const;

const emailSchema = z.email();

export interface OwnerHint {
  readonly email?: string;
  readonly team?: string;
  readonly provenance: string;
}

interface Found {
  readonly value: string;
  readonly provenance: string;
}

function firstOf(metadata: ObjectMeta, keys: readonly string[]): Found | undefined {
  for (const [where, map] of [
    ["annotation", metadata.annotations],
    ["label", metadata.labels],
  ] as const) {
    for (const key of keys) {
      const value = map[key]?.trim();
      if (value) return { value, provenance: `kubernetes.${where}:${key}` };
    }
  }
  return undefined;
}

export function ownerHintOf(metadata: ObjectMeta): OwnerHint | undefined {
  const owner = firstOf(metadata, OWNER_KEYS);
  const team = firstOf(metadata, TEAM_KEYS);
  if (owner && emailSchema.safeParse(owner.value).success) {
    return { email: owner.value.toLowerCase(), ...(team ? { team: team.value } : {}), provenance: owner.provenance };
  }
  const teamHint = team ?? owner;
  return teamHint ? { team: teamHint.value, provenance: teamHint.provenance } : undefined;
}
