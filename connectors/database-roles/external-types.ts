/*
 * External types, one owner stream each. Role and user types match the Keyward import
 * vocabulary (`postgres.role`, `mysql.user`); `mysql.*` covers MariaDB too, the engine being
 * recorded in attributes.
 */

/** Resources (stream `servers`). */
export const SERVER_TYPES = { postgres: "postgres.server", mysql: "mysql.server" } as const;
/** Identities (stream `roles`). */
export const ROLE_TYPES = { postgres: "postgres.role", mysql: "mysql.user" } as const;
/** Password credentials (stream `passwords`). */
export const PASSWORD_TYPES = { postgres: "postgres.password", mysql: "mysql.password" } as const;

export type Engine = keyof typeof ROLE_TYPES;

/** External id of a PostgreSQL role or a MySQL account (`user@host`) on a server. */
export function accountId(server: string, name: string): string {
  return `${server}/${name}`;
}

/** MySQL accounts are `user@host`; MariaDB roles have an empty host and are shown by name. */
export function mysqlAccountName(user: string, host: string): string {
  return host === "" ? user : `${user}@${host}`;
}
