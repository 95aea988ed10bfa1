import { defineStream } from "../../sdk";
import { databaseRolesConfigSchema, type DatabaseRolesConfig } from "../config";
import { SERVER_TYPES } from "../external-types";
import { mysqlVersion } from "../queries/mysql-sql";
import { PG_VERSION_SQL } from "../queries/postgres";
import { serverItemSchema, type ServerItem } from "../schemas";
import { withSession } from "./session";

/** The database server itself: the resource every role's `has_permission` edge points at. */
export const serversStream = defineStream<DatabaseRolesConfig, ServerItem>({
  name: "servers",
  externalTypes: [SERVER_TYPES.postgres, SERVER_TYPES.mysql],
  item: serverItemSchema,
  config: databaseRolesConfigSchema,
  list: async ({ ctx }) => {
    const item = await withSession<ServerItem>(ctx, {
      postgres: async (query, base) => {
        const [row] = await query<{ version: string }>(PG_VERSION_SQL);
        return { ...base, engine: "postgres", flavor: "postgres", version: row?.version ?? "unknown" };
      },
      mysql: async (query, base) => ({ ...base, engine: "mysql", version: (await mysqlVersion(query)).version }),
    });
    return { items: [item] };
  },
  transform: (server) => [
    {
      kind: "resource",
      externalType: SERVER_TYPES[server.engine],
      externalId: server.server,
      name: `${server.flavor} ${server.server}`,
      type: "database",
      ...(server.environment ? { environment: server.environment } : {}),
      attributes: { engine: server.flavor, version: server.version },
    },
  ],
});
