import type { MysqlQuery } from "../connect/mysql";
import type { MysqlPasswordItem } from "../schemas";
import { authState, jsonFlag, keyset, MYSQL_PAGE_SIZE, nextCursor, type Base } from "./mysql-sql";

/*
 * Password metadata for the `passwords` stream: age, lifetime, expiry flag and lock. MySQL has
 * them as mysql.user columns; MariaDB only in mysql.global_priv's JSON. Timestamps are read as
 * epoch seconds, so neither the server's nor the worker's time zone matters.
 */

type PasswordRow = {
  user: string;
  host: string;
  plugin: string | null;
  authState: MysqlPasswordItem["authState"];
  passwordExpired: string | null;
  changedEpoch: string | number | null;
  lifetime: string | number | null;
  locked: string | null;
  isRole: string | null;
};

const MYSQL_PASSWORDS = `SELECT User AS user, Host AS host, plugin, ${authState("authentication_string")} AS authState,
  password_expired AS passwordExpired, UNIX_TIMESTAMP(password_last_changed) AS changedEpoch,
  password_lifetime AS lifetime, account_locked AS locked, 'N' AS isRole FROM mysql.user`;

const json = (path: string) => `JSON_VALUE(Priv, '$.${path}')`;
// MariaDB: an expired password is password_last_changed = 0; lifetime -1 or absent = server default.
const MARIADB_PASSWORDS = `SELECT User AS user, Host AS host, ${json("plugin")} AS plugin,
  ${authState(json("authentication_string"))} AS authState, NULL AS passwordExpired,
  ${json("password_last_changed")} AS changedEpoch, ${json("password_lifetime")} AS lifetime,
  ${jsonFlag("Priv", "account_locked")} AS locked, ${jsonFlag("Priv", "is_role")} AS isRole FROM mysql.global_priv`;

const toNumber = (value: string | number | null) => (value === null || value === "" ? null : Number(value));

/** One page of password metadata as `passwords` stream items. */
export async function mysqlPasswordsPage(query: MysqlQuery, cursor: string | undefined, base: Base) {
  const [defaults] = await query<{ lifetime: string | number }>("SELECT @@global.default_password_lifetime AS lifetime");
  const { where, params } = keyset(cursor);
  const source = base.flavor === "mariadb" ? MARIADB_PASSWORDS : MYSQL_PASSWORDS;
  const rows = await query<PasswordRow>(`${source} ${where} ORDER BY User, Host LIMIT ${MYSQL_PAGE_SIZE}`, params);
  const items = rows.map((row): MysqlPasswordItem => {
    const changed = toNumber(row.changedEpoch);
    const lifetime = toNumber(row.lifetime);
    return {
      ...base,
      engine: "mysql",
      user: row.user,
      host: row.host,
      plugin: row.plugin || null,
      isRole: row.isRole === "Y",
      authState: row.authState,
      passwordExpired: row.passwordExpired === null ? changed === 0 : row.passwordExpired === "Y",
      passwordLastChanged: changed ? new Date(changed * 1000).toISOString() : null,
      passwordLifetimeDays: lifetime === null || lifetime < 0 ? null : lifetime,
      defaultLifetimeDays: Number(defaults?.lifetime ?? 0),
      accountLocked: row.locked === "Y",
    };
  });
  return { items, nextCursor: nextCursor(rows) };
}
