import { defineConnector } from "../sdk";
import { checkDatabaseRoles } from "./check";
import { databaseRolesConfigSchema, serverId } from "./config";
import { passwordsStream } from "./streams/passwords";
import { rolesStream } from "./streams/roles";
import { serversStream } from "./streams/servers";

/**
 * PostgreSQL roles and MySQL/MariaDB accounts of one server: identities with their flags and
 * memberships, password credentials (set or not, age, expiry — never a hash), and the privilege
 * level each holds on the server. See docs/connectors/database-roles.md.
 */
export const databaseRolesConnector = defineConnector({
  provider: "database-roles",
  displayName: "Database roles (PostgreSQL, MySQL, MariaDB)",
  configSchema: databaseRolesConfigSchema,
  secretFields: ["password"],
  permissions: [
    {
      permission: "PostgreSQL: CONNECT on the configured database (or MySQL: any account that can log in)",
      why: "log in to read the catalogs",
    },
    {
      stream: "roles",
      permission: "PostgreSQL: SELECT on pg_catalog.pg_roles and pg_auth_members (granted to PUBLIC by default)",
      why: "list roles, their flags and memberships",
    },
    {
      stream: "roles",
      permission: "MySQL/MariaDB: SELECT ON mysql.user",
      why: "list accounts, their plugin, lock state and global privileges",
    },
    {
      stream: "passwords",
      permission: "PostgreSQL: SELECT on pg_catalog.pg_authid (superuser only)",
      why: "tell whether a login role has a password and its scheme; the hash is never read out",
    },
    {
      stream: "passwords",
      permission: "MariaDB: SELECT ON mysql.global_priv (MySQL: covered by SELECT ON mysql.user)",
      why: "password age, lifetime and account lock",
    },
  ],
  check: checkDatabaseRoles,
  // One server is one unit: its roles are listed completely or the stream is not clean.
  scopes: async (ctx) => [
    { id: `${ctx.config.engine}://${serverId(ctx.config)}`, label: `${ctx.config.engine} ${serverId(ctx.config)}` },
  ],
  streams: [serversStream, rolesStream, passwordsStream],
});
