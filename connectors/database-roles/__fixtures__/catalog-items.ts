import type { MysqlPasswordItem, MysqlUserItem, PgPasswordItem, PgRoleItem, ServerItem } from "../schemas";

/*
 * Raw items shaped as the catalog queries return them (PostgreSQL pg_roles/pg_authid columns,
 * MySQL mysql.user / MariaDB global_priv values, per each server's documentation). Some carry a
 * hash column a careless query might have selected; the item schemas must drop it.
 */

/** Fake password hashes planted next to the real fields. */
export const CANARIES = [
  "SCRAM-SHA-256$4096:c2FsdENBTkFSWQ==$Q0FOQVJZLXN0b3JlZGtleS0xMjM0NTY3ODkw:Q0FOQVJZLXNlcnZlcmtleQ==",
  "*C4A9A7E1B3D4C6A8E0F2B4D6C8A0E1F2B3C4D5E6",
] as const;

const at = { server: "db.internal:5432", environment: "prod", observedAt: "2026-06-01T00:00:00.000Z" } as const;
const atMysql = { server: "mysql.internal:3306", environment: "prod", observedAt: "2026-06-01T00:00:00.000Z" } as const;

export const pgServer: ServerItem = { ...at, engine: "postgres", flavor: "postgres", version: "15.20" };

export function pgRole(name: string, overrides: Partial<PgRoleItem> = {}): PgRoleItem {
  return {
    ...at,
    engine: "postgres",
    name,
    canLogin: true,
    superuser: false,
    inherit: true,
    createRole: false,
    createDb: false,
    replication: false,
    bypassRls: false,
    connectionLimit: -1,
    validUntil: null,
    bootstrap: false,
    memberOf: [],
    inheritedRoles: [],
    inheritsSuperuser: false,
    inheritsCreateRole: false,
    ...overrides,
  };
}

export function pgPassword(name: string, overrides: Partial<PgPasswordItem> = {}): PgPasswordItem {
  return {
    ...at,
    engine: "postgres",
    name,
    canLogin: true,
    hasPassword: true,
    passwordMethod: "scram-sha-256",
    validUntil: null,
    ...overrides,
  };
}

export function mysqlUser(user: string, host: string, overrides: Partial<MysqlUserItem> = {}): MysqlUserItem {
  return {
    ...atMysql,
    engine: "mysql",
    flavor: "mariadb",
    user,
    host,
    plugin: "mysql_native_password",
    isRole: false,
    accountLocked: false,
    passwordExpired: false,
    authState: "set",
    privileges: [],
    allPrivileges: false,
    ...overrides,
  };
}

export function mysqlPassword(user: string, host: string, overrides: Partial<MysqlPasswordItem> = {}): MysqlPasswordItem {
  return {
    ...atMysql,
    engine: "mysql",
    flavor: "mysql",
    user,
    host,
    plugin: "caching_sha2_password",
    isRole: false,
    authState: "set",
    passwordExpired: false,
    passwordLastChanged: "2026-03-01T12:00:00.000Z",
    passwordLifetimeDays: null,
    defaultLifetimeDays: 0,
    accountLocked: false,
    ...overrides,
  };
}
