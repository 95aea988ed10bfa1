import { z } from "zod";

/*
 * One source = one database server. The password is a top-level field (not inside `connection`)
 * because secret fields are named by their top-level key: it is encrypted at rest and write-only,
 * while host, port and user stay visible on the setup page.
 */

/** Default ports of the engines. */
export const DEFAULT_PORTS = { postgres: 5432, mysql: 3306 } as const;

/** Budget to open the connection (DNS, TCP, TLS, login). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Budget of one catalog query; catalogs are small, so a slow one means something is wrong. */
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

export const databaseRolesConfigSchema = z.object({
  engine: z.enum(["postgres", "mysql"]),
  connection: z.strictObject({
    host: z.string().trim().min(1),
    /** Defaults to 5432 (postgres) or 3306 (mysql). */
    port: z.number().int().min(1).max(65_535).optional(),
    user: z.string().min(1),
    /** Database to connect to; PostgreSQL roles and MySQL accounts are server-wide anyway. */
    database: z.string().min(1).optional(),
  }),
  /** Password of `connection.user`; omit for trust/peer/socket authentication. */
  password: z.string().min(1).optional(),
  tls: z
    .strictObject({
      /** `verify-full` (default): encrypted, certificate and host name checked. `require`: encrypted only. */
      mode: z.enum(["disable", "require", "verify-full"]).default("verify-full"),
      /** PEM CA bundle for `verify-full` when the server's CA is not publicly trusted. */
      ca: z.string().min(1).optional(),
    })
    .default({ mode: "verify-full" }),
  /** Environment stamped on every record of this server (e.g. `prod`). */
  environment: z.string().trim().min(1).optional(),
  connectTimeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_CONNECT_TIMEOUT_MS),
  queryTimeoutMs: z.number().int().min(100).max(600_000).default(DEFAULT_QUERY_TIMEOUT_MS),
});
export type DatabaseRolesConfig = z.output<typeof databaseRolesConfigSchema>;

export function portOf(config: DatabaseRolesConfig): number {
  return config.connection.port ?? DEFAULT_PORTS[config.engine];
}

/** `host:port` (IPv6 bracketed), lowercased: the server's id and the prefix of every role's id. */
export function serverId(config: DatabaseRolesConfig): string {
  const host = config.connection.host.toLowerCase();
  return `${host.includes(":") ? `[${host}]` : host}:${portOf(config)}`;
}
