/*
 * The blast radius walk as SQL (lib/inventory/blast-radius-query.ts runs it). Parameters:
 *   $1 uuid  the start node      $2 int  the maximum depth      $3 int  the node cap (start included)
 *
 * One row per depth level (a frontier) instead of one row per path: each level carries the ids it
 * reached, how each was reached (parent, relation, level) and every id visited so far. A node is
 * expanded once, at its smallest depth, so cycles and hubs cost what their distinct nodes cost,
 * never their paths; a level takes at most (cap + 1 − visited) new nodes, so reaching cap + 1
 * says "capped" without walking further. Every step is an index lookup (EXPLAIN in the int test):
 * edges(from_id, to_id, type), edges(to_id) behind a credential's primary key, credentials(identity_id),
 * credentials(fingerprint).
 */

/** Relations a walk follows. `held_by` is `has_credential` backwards: holding a key is acting as its holder. */
export const WALK_RELATIONS = ["has_credential", "held_by", "can_assume", "has_permission", "member_of", "same_secret"] as const;
export type WalkRelation = (typeof WALK_RELATIONS)[number];

/** Edge types followed from `from` to `to`. stored_in, owned_by and part_of_service grant nothing. */
export const FORWARD_EDGE_TYPES = ["has_credential", "can_assume", "has_permission", "member_of"] as const;

const FORWARD = `ARRAY[${FORWARD_EDGE_TYPES.map((t) => `'${t}'`).join(", ")}]::text[]`;

/**
 * The neighbours of frontier node `f.id`: present edges forward; `has_credential` backwards (only
 * from a credential, so a resource with a million incoming grants is never scanned); the
 * credential ↔ identity link the loader resolved (`credentials.identity_id`), in both directions;
 * and credentials with the same non-null fingerprint (same secret value), derived here.
 */
const NEIGHBOURS = `
  SELECT e.to_id AS id, e.type AS relation, e.level FROM edges e
  WHERE e.from_id = f.id AND e.to_id IS NOT NULL AND e.gone_since IS NULL AND e.type = ANY(${FORWARD})
  UNION ALL
  SELECT e.from_id, 'held_by', NULL FROM credentials k JOIN edges e ON e.to_id = k.id
  WHERE k.id = f.id AND e.type = 'has_credential' AND e.from_id IS NOT NULL AND e.gone_since IS NULL
  UNION ALL
  SELECT c.identity_id, 'held_by', NULL FROM credentials c
  WHERE c.id = f.id AND c.identity_id IS NOT NULL AND c.gone_since IS NULL
  UNION ALL
  SELECT c.id, 'has_credential', NULL FROM credentials c
  WHERE c.identity_id = f.id AND c.gone_since IS NULL
  UNION ALL
  SELECT o.id, 'same_secret', NULL FROM credentials c JOIN credentials o ON o.fingerprint = c.fingerprint
  WHERE c.id = f.id AND c.fingerprint IS NOT NULL AND o.id <> c.id AND o.gone_since IS NULL`;

/** When two frontier nodes reach the same node, the stronger grant names how it was reached. */
const PREFERENCE = "array_position(ARRAY['admin', 'write', 'read']::text[], s.level), s.relation, s.parent";

export const WALK_SQL = `
WITH RECURSIVE walk(depth, ids, parents, relations, levels, visited) AS (
  SELECT 0, ARRAY[$1::uuid], ARRAY[NULL::uuid], ARRAY[NULL::text], ARRAY[NULL::text], ARRAY[$1::uuid]
  UNION ALL
  SELECT w.depth + 1, n.ids, n.parents, n.relations, n.levels, w.visited || n.ids
  FROM walk w
  CROSS JOIN LATERAL (
    SELECT array_agg(s.id) AS ids, array_agg(s.parent) AS parents, array_agg(s.relation) AS relations, array_agg(s.level) AS levels
    FROM (
      SELECT DISTINCT ON (s.id) s.id, s.parent, s.relation, s.level
      FROM (SELECT nb.id, f.id AS parent, nb.relation, nb.level
            FROM unnest(w.ids) f(id) CROSS JOIN LATERAL (${NEIGHBOURS}) nb) s
      WHERE NOT EXISTS (SELECT 1 FROM unnest(w.visited) v(id) WHERE v.id = s.id)
      ORDER BY s.id, ${PREFERENCE}
      LIMIT $3::int + 1 - cardinality(w.visited)
    ) s
  ) n
  WHERE w.depth < $2::int AND cardinality(w.visited) <= $3::int AND n.ids IS NOT NULL
)
SELECT w.depth, x.id::text, x.parent::text, x.relation, x.level
FROM walk w CROSS JOIN LATERAL unnest(w.ids, w.parents, w.relations, w.levels) AS x(id, parent, relation, level)
ORDER BY w.depth, x.id`;

/**
 * Edges from reached nodes whose other end no source has reported (to_id NULL): shown as leaves
 * named by the external reference, never walked. $1 uuid[] parents (depth < max), $2 int limit.
 */
export const DANGLING_SQL = `
SELECT DISTINCT ON (e.to_external_type, e.to_external_id)
       e.from_id::text AS parent, e.type AS relation, e.level, e.to_external_type, e.to_external_id
FROM edges e
WHERE e.from_id = ANY($1::uuid[]) AND e.to_id IS NULL AND e.gone_since IS NULL AND e.type = ANY(${FORWARD})
ORDER BY e.to_external_type, e.to_external_id, array_position(ARRAY['admin', 'write', 'read']::text[], e.level), e.type, e.from_id
LIMIT $2::int`;

/** What each reached id is: the four node tables share one uuid space. $1 uuid[]. */
export const NODES_SQL = `
SELECT id::text, 'identity' AS kind, name, type, gone_since IS NOT NULL AS gone FROM identities WHERE id = ANY($1::uuid[])
UNION ALL SELECT id::text, 'credential', name, type, gone_since IS NOT NULL FROM credentials WHERE id = ANY($1::uuid[])
UNION ALL SELECT id::text, 'resource', name, type, gone_since IS NOT NULL FROM resources WHERE id = ANY($1::uuid[])
UNION ALL SELECT id::text, 'person', coalesce(name, email), NULL, gone_since IS NOT NULL FROM people WHERE id = ANY($1::uuid[])`;

/** Grants among reached nodes: every principal's level on every reached resource. $1 uuid[] all, $2 uuid[] resources. */
export const GRANTS_SQL = `
SELECT e.to_id::text AS resource_id, e.from_id::text AS principal_id, e.level
FROM edges e
WHERE e.from_id = ANY($1::uuid[]) AND e.to_id = ANY($2::uuid[]) AND e.type = 'has_permission' AND e.gone_since IS NULL
ORDER BY e.to_id, e.from_id
LIMIT $3::int`;
