import type { MysqlQuery } from "../connect/mysql";
import type { MysqlUserItem } from "../schemas";

/*
 * Shared pieces of the catalog queries for MySQL 5.7+/8 and MariaDB 10.4+. Both keep accounts
 * in `mysql.user` (a view over `mysql.global_priv` in MariaDB), but with different columns:
 * MariaDB has `is_role` and keeps password age, lifetime and lock only in global_priv's JSON;
 * MySQL has them as columns.
 *
 * `authentication_string` is only compared inside the server (empty, placeholder, or set);
 * no hash is ever selected.
 */

/** Accounts per page: one round trip for almost every server, bounded memory for the rest. */
export const MYSQL_PAGE_SIZE = 500;

/** `set` / `empty` / `invalid` (the placeholders MariaDB and MySQL give accounts no password opens). */
export const authState = (column: string) => `CASE WHEN ${column} IS NULL OR ${column} = '' THEN 'empty'
  WHEN ${column} = 'invalid' OR ${column} LIKE '%THISISNOTAVALIDPASSWORD%' OR ${column} LIKE '%INVALIDSALTANDPASSWORD%' THEN 'invalid'
  ELSE 'set' END`;

/** A boolean of MariaDB's global_priv JSON as 'Y'/'N' (JSON_VALUE renders true as '1'). */
export const jsonFlag = (column: string, path: string) => `IF(JSON_VALUE(${column}, '$.${path}') IN ('1', 'true'), 'Y', 'N')`;

/** Keyset page on (User, Host); the cursor is the JSON pair of the last row. */
export function keyset(cursor: string | undefined, alias = ""): { where: string; params: unknown[] } {
  if (cursor === undefined) return { where: "", params: [] };
  const [user, host] = JSON.parse(cursor) as [string, string];
  return { where: `WHERE (${alias}User, ${alias}Host) > (?, ?)`, params: [user, host] };
}

export function nextCursor(rows: readonly { user: string; host: string }[]): string | undefined {
  const last = rows.at(-1);
  return rows.length === MYSQL_PAGE_SIZE && last ? JSON.stringify([last.user, last.host]) : undefined;
}

export async function mysqlVersion(query: MysqlQuery): Promise<{ version: string; flavor: "mysql" | "mariadb" }> {
  const [row] = await query<{ version: string }>("SELECT VERSION() AS version");
  const version = row?.version ?? "unknown";
  return { version, flavor: /mariadb/i.test(version) ? "mariadb" : "mysql" };
}

/** Fields every item of a MySQL listing carries. */
export type Base = Pick<MysqlUserItem, "server" | "environment" | "observedAt" | "flavor">;
