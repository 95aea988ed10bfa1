/*
 * Accounts the database creates itself. They are inventoried like any other (a built-in
 * superuser is still a superuser) but marked, so policies and people can tell them apart.
 */

/** PostgreSQL: predefined `pg_*` roles, and the bootstrap superuser initdb creates (oid 10). */
export function isBuiltinPgRole(name: string, bootstrap: boolean): boolean {
  return bootstrap || name.startsWith("pg_");
}

/** MySQL/MariaDB system accounts, by user name on any host. */
const SYSTEM_USERS = new Set(["mysql.sys", "mysql.session", "mysql.infoschema", "mariadb.sys"]);

/** Accounts installers create for local administration: root on the local host, MariaDB's socket-only `mysql`. */
const LOCAL_ADMIN_ACCOUNTS = new Set([
  "root@localhost",
  "root@127.0.0.1",
  "root@::1",
  "mysql@localhost",
  "debian-sys-maint@localhost",
]);

export function isBuiltinMysqlAccount(user: string, host: string): boolean {
  return SYSTEM_USERS.has(user) || LOCAL_ADMIN_ACCOUNTS.has(`${user}@${host}`);
}

/** Plugins that authenticate with a password (others: OS socket, PAM, GSSAPI, certificates). */
export const MYSQL_PASSWORD_PLUGINS: ReadonlySet<string> = new Set([
  "mysql_native_password",
  "caching_sha2_password",
  "sha256_password",
  "mysql_old_password",
  "ed25519",
  "parsec",
]);
