import type { CheckResult, ConnectorContext } from "../sdk";
import { vaultSessionOf } from "./client/vault-session";
import type { VaultConfig } from "./config";

/**
 * "Test connection": logs in (AppRole) or uses the token, and reads the first namespace's auth
 * mounts — the cheapest call that proves the address, the credentials and a read permission.
 * The detail never holds a token; Vault's error message is cut short by VaultRequestError.
 */
export async function checkVault(ctx: Pick<ConnectorContext<VaultConfig>, "config" | "signal">): Promise<CheckResult> {
  const [namespace = ""] = ctx.config.namespaces;
  try {
    const mounts = await vaultSessionOf(ctx).read(namespace, "sys/auth");
    const where = namespace ? `namespace ${namespace}` : "the root namespace";
    return { ok: true, detail: `can read the ${Object.keys(mounts).length} auth mounts of ${where}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : "unknown error" };
  }
}
