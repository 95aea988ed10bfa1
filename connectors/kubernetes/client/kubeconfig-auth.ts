import type { KubeConfig, RequestContext, SecurityAuthentication } from "@kubernetes/client-node";
import { readFile } from "node:fs/promises";

/*
 * Client-node's KubeConfig authenticates a request by building a TLS (or proxy) agent as well as
 * setting headers; every public way in builds the agent, which throws for http servers and is
 * unused here anyway (the guarded client does TLS, and refuses plain http unless the source
 * allows it). Keyward authenticates with bearer tokens only (see load-kubeconfig.ts), so this
 * sets exactly that header: the kubeconfig's inline token, or — in-cluster — the pod's projected
 * token, re-read per request because the kubelet rotates it.
 */
export function kubeconfigBearerAuth(kubeConfig: KubeConfig): SecurityAuthentication {
  const user = kubeConfig.getCurrentUser();
  const provider = user?.authProvider as { name?: string; config?: { tokenFile?: string } } | undefined;
  const tokenFile = provider?.name === "tokenFile" ? provider.config?.tokenFile : undefined;
  return {
    getName: () => "kubeconfig-bearer-token",
    async applySecurityAuthentication(context: RequestContext) {
      const token = user?.token ?? (tokenFile ? (await readFile(tokenFile, "utf8")).trim() : undefined);
      if (token) context.setHeaderParam("Authorization", `Bearer ${token}`);
    },
  };
}
