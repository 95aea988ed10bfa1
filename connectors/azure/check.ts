import type { CheckResult, ConnectorContext } from "../sdk";
import type { AzureConfig } from "./config";
import { graphSessionOf } from "./graph/graph-session";
import { pageSchema } from "./schemas";

/**
 * "Test connection": signs in with the client secret and reads one application, which needs
 * Application.Read.All — the permission every stream but `tenant` relies on. Messages name the
 * failure (a typed SDK or Graph error: no secret, no token), never the configuration.
 */
export async function checkAzure(ctx: ConnectorContext<AzureConfig>): Promise<CheckResult> {
  const graph = graphSessionOf(ctx);
  try {
    const page = await graph.get(graph.url("applications", { $top: "1", $select: "id" }), pageSchema);
    return {
      ok: true,
      detail: `signed in to tenant ${ctx.config.tenantId}; applications readable (${page.value.length} on the first page)`,
    };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : "unknown error" };
  }
}
