import type { DatabaseRolesConfig } from "../config";

/** Node TLS options both drivers accept, from the source's `tls` setting. */
export function tlsOptions(
  config: DatabaseRolesConfig,
): false | { rejectUnauthorized: boolean; ca?: string; servername?: string } {
  const { mode, ca } = config.tls;
  if (mode === "disable") return false;
  if (mode === "require") return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
}
