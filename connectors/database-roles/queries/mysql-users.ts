import type { MysqlQuery } from "../connect/mysql";
import type { MysqlUserItem } from "../schemas";
import { authState, jsonFlag, keyset, MYSQL_PAGE_SIZE, nextCursor, type Base } from "./mysql-sql";

/*
 * Accounts for the `roles` stream: mysql.user with its privilege columns, which differ between
 * versions and are therefore read from SHOW COLUMNS first.
 */

const PRIVILEGE_COLUMN = /^[A-Za-z_]+_priv$/;

type UserRow = {
  user: string;
  host: string;
  plugin: string | null;
  isRole: string | null;
  accountLocked: string | null;
  passwordExpired: string;
  authState: MysqlUserItem["authState"];
} & Record<string, unknown>;

/** MariaDB keeps the account lock only in global_priv; null when this user may not read it. */
async function lockColumn(query: MysqlQuery, base: Base, columns: readonly string[]): Promise<{ select: string; join: string }> {
  if (columns.includes("account_locked")) return { select: "u.account_locked", join: "" };
  if (base.flavor !== "mariadb") return { select: "NULL", join: "" };
  try {
    await query("SELECT 1 FROM mysql.global_priv LIMIT 0");
  } catch (error) {
    // Not a gap of this stream: every account is still listed, only its lock state is unknown
    // (null), and the passwords stream, which needs the same table, reports the denial.
    if ((error as { code?: string }).code !== "ER_TABLEACCESS_DENIED_ERROR") throw error;
    return { select: "NULL", join: "" };
  }
  return {
    select: jsonFlag("g.Priv", "account_locked"),
    join: "LEFT JOIN mysql.global_priv g ON g.User = u.User AND g.Host = u.Host",
  };
}

/** One page of mysql.user as `roles` stream items. */
export async function mysqlUsersPage(query: MysqlQuery, cursor: string | undefined, base: Base) {
  const columns = (await query<{ Field: string }>("SHOW COLUMNS FROM mysql.user")).map((c) => c.Field);
  const privileges = columns.filter((c) => PRIVILEGE_COLUMN.test(c));
  const lock = await lockColumn(query, base, columns);
  const { where, params } = keyset(cursor, "u.");
  const rows = await query<UserRow>(
    `SELECT u.User AS user, u.Host AS host, u.plugin, u.password_expired AS passwordExpired,
            ${columns.includes("is_role") ? "u.is_role" : "'N'"} AS isRole,
            ${lock.select} AS accountLocked,
            ${authState("u.authentication_string")} AS authState
            ${privileges.map((c) => `, u.\`${c}\``).join("")}
       FROM mysql.user u ${lock.join} ${where} ORDER BY u.User, u.Host LIMIT ${MYSQL_PAGE_SIZE}`,
    params,
  );
  const items = rows.map((row): MysqlUserItem => {
    const granted = privileges.filter((c) => row[c] === "Y").map((c) => c.replace(/_priv$/, "").toLowerCase());
    return {
      ...base,
      engine: "mysql",
      user: row.user,
      host: row.host,
      plugin: row.plugin || null,
      isRole: row.isRole === "Y",
      accountLocked: row.accountLocked === null ? null : row.accountLocked === "Y",
      passwordExpired: row.passwordExpired === "Y",
      authState: row.authState,
      privileges: granted,
      allPrivileges: privileges.length > 0 && granted.length === privileges.length,
    };
  });
  return { items, nextCursor: nextCursor(rows) };
}
