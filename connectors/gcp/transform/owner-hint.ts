import { z } from "zod";

/*
 * Service accounts have no labels, so the owner is read from the description, by a documented
 * convention: `owner: alice@example.com` (or `owner=…`), optionally `team: payments`. A bare
 * e-mail address is not taken: descriptions often name other accounts ("impersonated by
 * ci@…"), which are not owners. The provenance names the convention, e.g. "gcp.description:owner".
 */

const OWNER = /(?:^|[\s,;(|])owner\s*[:=]\s*([^\s,;()|<>]+)/i;
const TEAM = /(?:^|[\s,;(|])team\s*[:=]\s*([^\s,;()|<>]+)/i;
const emailSchema = z.email();

export interface OwnerHint {
  readonly email?: string;
  readonly team?: string;
  readonly provenance: string;
}

export function ownerHintOf(description: string | undefined): OwnerHint | undefined {
  if (!description) return undefined;
  const candidate = OWNER.exec(description)?.[1]?.replace(/\.$/, "");
  const email = candidate && emailSchema.safeParse(candidate).success ? candidate.toLowerCase() : undefined;
  const team = TEAM.exec(description)?.[1]?.replace(/\.$/, "");
  if (email) return { email, ...(team ? { team } : {}), provenance: "gcp.description:owner" };
  return team ? { team, provenance: "gcp.description:team" } : undefined;
}
