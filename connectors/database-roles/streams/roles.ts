import { defineStream } from "../../sdk";
import { databaseRolesConfigSchema, type DatabaseRolesConfig } from "../config";
import { ROLE_TYPES } from "../external-types";
import { mysqlUsersPage } from "../queries/mysql-users";
import { pgPage, PG_ROLES_SQL } from "../queries/postgres";
import { roleItemSchema, type PgRoleItem, type RoleItem } from "../schemas";
import { roleRecords } from "../transform/role-records";
import { withSession } from "./session";

type PgRoleRow = Omit<PgRoleItem, "engine" | "server" | "environment" | "observedAt">;

/**
 * Roles (PostgreSQL `pg_roles` + `pg_auth_members`) and accounts (MySQL/MariaDB `mysql.user`),
 * with flags, memberships and global privileges. Readable without superuser on PostgreSQL;
 * needs SELECT on mysql.user on MySQL. A denied catalog fails the stream (a coverage gap).
 */
export const rolesStream = defineStream<DatabaseRolesConfig, RoleItem>({
  name: "roles",
  externalTypes: [ROLE_TYPES.postgres, ROLE_TYPES.mysql],
  item: roleItemSchema,
  config: databaseRolesConfigSchema,
  list: async ({ cursor, ctx }) =>
    withSession(ctx, {
      postgres: async (query, base) => {
        const page = await pgPage<PgRoleRow>(query, PG_ROLES_SQL, cursor);
        const items: RoleItem[] = page.rows.map((row) => ({ ...row, ...base, engine: "postgres" }));
        return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
      },
      mysql: async (query, base) => {
        const page = await mysqlUsersPage(query, cursor, base);
        return { items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
      },
    }),
  transform: (item) => roleRecords(item),
});
