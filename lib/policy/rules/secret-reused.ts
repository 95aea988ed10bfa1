import { credentialEnvironment, notDead, present } from "@/lib/policy/rules/fragments";
import type { RuleQuery } from "@/lib/policy/rules/types";

/** Places listed in one finding's evidence; `count` always has the full number. */
export const REUSE_PLACES_LIMIT = 1000;

/** Credentials holding a secret value: present, not revoked or expired, with a fingerprint. */
export function holdsSecret(alias: string): string {
  return `${present(alias)} AND ${notDead(alias)} AND ${alias}.fingerprint IS NOT NULL`;
}

/** Fingerprints held by more than one such credential (cheap: no evidence built for singletons). */
export const SHARED_FINGERPRINTS = `
  SELECT f.fingerprint FROM credentials f WHERE ${holdsSecret("f")} GROUP BY f.fingerprint HAVING count(*) > 1`;

/**
 * One finding per secret value held by more than one credential (equal keyed fingerprints). Its
 * subject is the holder Keyward saw first (then the lowest id), so the finding stays put as new
 * places appear; the evidence lists every place (up to REUSE_PLACES_LIMIT) with its locations.
 */
export const secretReused: RuleQuery = {
  id: "secret-reused",
  subjects: ["credential"],
  sql: `
SELECT 'credential' AS subject_type,
       (array_agg(c.id ORDER BY c.first_seen_at, c.id))[1] AS subject_id,
       jsonb_build_object('fingerprint', c.fingerprint, 'count', count(*),
         'places', to_jsonb((array_agg(jsonb_build_object(
            'credentialId', c.id, 'source', s.name, 'type', c.type, 'name', c.name,
            'environment', ${credentialEnvironment()}, 'locations', c.locations) ORDER BY c.id))[1:${REUSE_PLACES_LIMIT}])) AS evidence
FROM credentials c
JOIN sources s ON s.id = c.source_id
LEFT JOIN identities i ON i.id = c.identity_id
WHERE ${holdsSecret("c")} AND c.fingerprint IN (${SHARED_FINGERPRINTS})
GROUP BY c.fingerprint`,
};
