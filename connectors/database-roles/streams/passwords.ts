import { defineStream } from "../../sdk";
import { databaseRolesConfigSchema, type DatabaseRolesConfig } from "../config";
import { PASSWORD_TYPES } from "../external-types";
import { mysqlPasswordsPage } from "../queries/mysql-passwords";
import { pgPage, PG_PASSWORDS_SQL } from "../queries/postgres";
import { passwordItemSchema, type PasswordItem, type PgPasswordItem } from "../schemas";
import { passwordRecords } from "../transform/password-records";
import { withSession } from "./session";

type PgPasswordRow = Omit<PgPasswordItem, "engine" | "server" | "environment" | "observedAt">;

/**
 * Password metadata: PostgreSQL `pg_authid` (superuser-only by default), MySQL `mysql.user`,
 * MariaDB `mysql.global_priv`. A separate stream from `roles` so that a connection user who may
 * not read these tables still inventories every role; the denial is this stream's coverage gap.
 */
export const passwordsStream = defineStream<DatabaseRolesConfig, PasswordItem>({
  name: "passwords",
  externalTypes: [PASSWORD_TYPES.postgres, PASSWORD_TYPES.mysql],
  item: passwordItemSchema,
  config: databaseRolesConfigSchema,
  list: async ({ cursor, ctx }) =>
    withSession(ctx, {
      postgres: async (query, base) => {
        const page = await pgPage<PgPasswordRow>(query, PG_PASSWORDS_SQL, cursor);
        const items: PasswordItem[] = page.rows.map((row) => ({ ...row, ...base, engine: "postgres" }));
        return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
      },
      mysql: async (query, base) => {
        const page = await mysqlPasswordsPage(query, cursor, base);
        return { items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
      },
    }),
  transform: (item) => passwordRecords(item),
});
