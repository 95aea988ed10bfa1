import type { KeywardRecordInput } from "../../sdk";
import { personRef, type Ref } from "../external-types";
import type { AwsTag, Conventions } from "../schemas";

/*
 * Owner, team and environment from tags (keys configurable, compared case-insensitively), else an
 * e-mail address in the description. The provenance names the exact tag key, e.g. "aws.tag:Owner",
 * so a reviewer can see where an owner came from.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export interface Ownership {
  readonly ownerHint?: { email?: string; team?: string; provenance: string };
  readonly environment?: string;
}

export function tagMap(tags: readonly AwsTag[]): Record<string, string> {
  return Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
}

/** The first tag, in the order of `keys`, whose key matches and whose value is not blank. */
function findTag(tags: readonly AwsTag[], keys: readonly string[]): AwsTag | undefined {
  for (const key of keys) {
    const tag = tags.find((t) => t.Key.toLowerCase() === key.toLowerCase() && t.Value.trim() !== "");
    if (tag) return tag;
  }
  return undefined;
}

export function ownershipOf(tags: readonly AwsTag[], conventions: Conventions, description?: string): Ownership {
  const ownerTag = findTag(tags, conventions.ownerTagKeys);
  const teamTag = findTag(tags, conventions.teamTagKeys);
  const envTag = findTag(tags, conventions.environmentTagKeys);
  const ownerEmail = ownerTag && EMAIL.exec(ownerTag.Value)?.[0].toLowerCase();
  // An owner tag holding a team name ("payments") still says who answers for it.
  const team = teamTag?.Value.trim() ?? (ownerTag && !ownerEmail ? ownerTag.Value.trim() : undefined);
  const describedEmail = description ? EMAIL.exec(description)?.[0].toLowerCase() : undefined;
  let ownerHint: Ownership["ownerHint"];
  if (ownerEmail) ownerHint = { email: ownerEmail, ...(team ? { team } : {}), provenance: `aws.tag:${ownerTag.Key}` };
  else if (describedEmail) ownerHint = { email: describedEmail, ...(team ? { team } : {}), provenance: "aws.description" };
  else if (team) ownerHint = { team, provenance: `aws.tag:${(teamTag ?? ownerTag)?.Key}` };
  return { ...(ownerHint ? { ownerHint } : {}), ...(envTag ? { environment: envTag.Value.trim() } : {}) };
}

/**
 * `owned_by` → the person, for records that carry no owner hint of their own (credentials that
 * belong to no identity, such as secrets) or whose identity another export supplies (user tags).
 */
export function ownedByEdge(from: Ref, ownership: Ownership): KeywardRecordInput[] {
  const hint = ownership.ownerHint;
  if (!hint?.email) return [];
  return [{ kind: "edge", type: "owned_by", from, to: personRef(hint.email), attributes: { provenance: hint.provenance } }];
}
