import type { CheckResult, ConnectorContext } from "../sdk";
import { kubeSessionOf } from "./client/kube-session";
import type { KubernetesConfig } from "./config";

/**
 * "Test connection": lists one service account across all namespaces — the cheapest call that
 * proves the API server is reachable, the token is accepted and a read permission holds. Errors
 * are reported by their redacted message (the API server's own message names the caller).
 */
export async function checkKubernetes(ctx: Pick<ConnectorContext<KubernetesConfig>, "config" | "signal">): Promise<CheckResult> {
  try {
    const { core } = kubeSessionOf(ctx);
    await core.listServiceAccountForAllNamespaces({ limit: 1 });
    return { ok: true, detail: `can list the service accounts of cluster ${ctx.config.clusterName}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : "unknown error" };
  }
}
