import type { PgQuery } from "../connect/postgres";

/*
 * Catalog queries for PostgreSQL (12+). `pg_roles` and `pg_auth_members` are readable by every
 * role; `pg_authid` — the only place that tells whether a password is set — is superuser-only,
 * so it has its own query and its own stream. `rolpassword` is only ever tested for NULL and for
 * its scheme prefix inside the server; the hash never leaves it.
 *
 * Pages are keyset-ordered on rolname (type `name`, C collation), so the cursor is the last name.
 */

/** Roles per page: one round trip for almost every server, bounded memory for the rest. */
export const PG_PAGE_SIZE = 500;

/** rolvaliduntil as UTC ISO-8601; NULL and 'infinity' both mean "no expiry". */
const VALID_UNTIL = (column: string) =>
  `CASE WHEN ${column} IS NULL OR NOT isfinite(${column}) THEN NULL
        ELSE to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END`;

export const PG_ROLES_SQL = `
WITH RECURSIVE reach(member, roleid) AS (
  SELECT member, roleid FROM pg_catalog.pg_auth_members
  UNION
  SELECT reach.member, m.roleid FROM reach JOIN pg_catalog.pg_auth_members m ON m.member = reach.roleid
)
SELECT r.rolname::text AS name,
       r.rolcanlogin AS "canLogin",
       r.rolsuper AS superuser,
       r.rolinherit AS inherit,
       r.rolcreaterole AS "createRole",
       r.rolcreatedb AS "createDb",
       r.rolreplication AS replication,
       r.rolbypassrls AS "bypassRls",
       r.rolconnlimit AS "connectionLimit",
       ${VALID_UNTIL("r.rolvaliduntil")} AS "validUntil",
       r.oid = 10 AS bootstrap,
       COALESCE((SELECT json_agg(json_build_object('role', g.rolname, 'admin', m.admin_option) ORDER BY g.rolname)
                   FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                  WHERE m.member = r.oid), '[]'::json) AS "memberOf",
       ARRAY(SELECT DISTINCT g.rolname::text FROM reach JOIN pg_catalog.pg_roles g ON g.oid = reach.roleid
              WHERE reach.member = r.oid ORDER BY 1) AS "inheritedRoles",
       EXISTS (SELECT 1 FROM reach JOIN pg_catalog.pg_roles g ON g.oid = reach.roleid
                WHERE reach.member = r.oid AND g.rolsuper) AS "inheritsSuperuser",
       EXISTS (SELECT 1 FROM reach JOIN pg_catalog.pg_roles g ON g.oid = reach.roleid
                WHERE reach.member = r.oid AND g.rolcreaterole) AS "inheritsCreateRole"
  FROM pg_catalog.pg_roles r
 WHERE $1::text IS NULL OR r.rolname > $1::text
 ORDER BY r.rolname
 LIMIT $2`;

export const PG_PASSWORDS_SQL = `
SELECT a.rolname::text AS name,
       a.rolcanlogin AS "canLogin",
       a.rolpassword IS NOT NULL AS "hasPassword",
       CASE WHEN a.rolpassword IS NULL THEN NULL
            WHEN a.rolpassword LIKE 'SCRAM-SHA-256$%' THEN 'scram-sha-256'
            WHEN a.rolpassword LIKE 'md5%' THEN 'md5'
            ELSE 'other' END AS "passwordMethod",
       ${VALID_UNTIL("a.rolvaliduntil")} AS "validUntil"
  FROM pg_catalog.pg_authid a
 WHERE $1::text IS NULL OR a.rolname > $1::text
 ORDER BY a.rolname
 LIMIT $2`;

export const PG_VERSION_SQL = `SELECT current_setting('server_version') AS version`;

/** One keyset page of `sql`; the next cursor is the last row's name when the page is full. */
export async function pgPage<T extends { name: string }>(
  query: PgQuery,
  sql: string,
  cursor: string | undefined,
): Promise<{ rows: T[]; nextCursor: string | undefined }> {
  const rows = await query<T>(sql, [cursor ?? null, PG_PAGE_SIZE]);
  const last = rows.at(-1);
  return { rows, nextCursor: rows.length === PG_PAGE_SIZE && last ? last.name : undefined };
}
