import { CoreV1Api, createConfiguration, RbacAuthorizationV1Api, ServerConfiguration } from "@kubernetes/client-node";
import { createGuardedHttp, type ConnectorContext } from "../../sdk";
import type { KubernetesConfig } from "../config";
import { guardedHttpLibrary } from "./guarded-http-library";
import { kubeconfigBearerAuth } from "./kubeconfig-auth";
import { loadKubeConfig } from "./load-kubeconfig";

/*
 * One session per sync (per connector context): the kubeconfig read once, one guarded client
 * trusting the cluster's CA, and the two generated API clients wired to it. The runner's own
 * `ctx.http` is not used because it refuses the private addresses API servers usually have, which
 * this source may allow with its own switches (as the GCP connector does).
 */

export interface KubeSession {
  readonly core: CoreV1Api;
  readonly rbac: RbacAuthorizationV1Api;
}

const sessions = new WeakMap<object, KubeSession>();

function createSession(config: KubernetesConfig, signal: AbortSignal): KubeSession {
  const { kubeConfig, server, ca } = loadKubeConfig(config);
  const http = createGuardedHttp({
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowInsecureHttp: config.allowInsecureHttp,
    signal,
    ...(ca ? { ca } : {}),
  });
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration(server, {}),
    authMethods: { default: kubeconfigBearerAuth(kubeConfig) },
    httpApi: guardedHttpLibrary(http),
  });
  return { core: new CoreV1Api(configuration), rbac: new RbacAuthorizationV1Api(configuration) };
}

/** The context's session, created on first use. */
export function kubeSessionOf(ctx: Pick<ConnectorContext<KubernetesConfig>, "config" | "signal">): KubeSession {
  let session = sessions.get(ctx);
  if (!session) {
    session = createSession(ctx.config, ctx.signal);
    sessions.set(ctx, session);
  }
  return session;
}
