import { bufferFromFileOrString, KubeConfig } from "@kubernetes/client-node";
import { SdkError } from "../../sdk";
import type { KubernetesConfig } from "../config";

/*
 * A kubeconfig pasted on the setup page is data, not a program: users whose credentials come
 * from an `exec` plugin or an `auth-provider` would run commands or reach token endpoints on
 * Keyward's server, and file references (`token-file`, `client-certificate`, `certificate-authority`)
 * would read its local files and send them to whatever server the kubeconfig names. Only inline
 * bearer tokens and inline CA data are accepted. Client certificates are refused too: the guarded
 * HTTP client cannot present one (see docs/connectors/kubernetes.md). In-cluster mode reads the
 * pod's own token and CA files, which is what it is for.
 */

export class KubeconfigError extends SdkError {
  constructor(reason: string) {
    super("kubeconfig_unsupported", `kubeconfig: ${reason}`);
  }
}

export interface LoadedKubeConfig {
  readonly kubeConfig: KubeConfig;
  readonly server: string;
  /** PEM of the cluster CA, when the kubeconfig names one. */
  readonly ca: string | undefined;
}

function checkPasted(kubeConfig: KubeConfig): void {
  const cluster = kubeConfig.getCurrentCluster();
  const user = kubeConfig.getCurrentUser();
  if (!cluster || !user) throw new KubeconfigError("the current context names no cluster or no user");
  if (cluster.caFile)
    throw new KubeconfigError("certificate-authority files are not read; inline it as certificate-authority-data");
  if (cluster.skipTLSVerify) throw new KubeconfigError("insecure-skip-tls-verify is not allowed");
  if (user.exec || user.authProvider)
    throw new KubeconfigError("exec and auth-provider credentials are not run; use a bearer token");
  if (user.certData || user.certFile || user.keyData || user.keyFile) {
    throw new KubeconfigError("client certificates are not supported; use a service-account bearer token");
  }
  if (!user.token) throw new KubeconfigError("the user has no bearer token");
}

export function loadKubeConfig(config: KubernetesConfig): LoadedKubeConfig {
  const kubeConfig = new KubeConfig();
  if (config.inCluster) {
    kubeConfig.loadFromCluster();
  } else {
    try {
      kubeConfig.loadFromString(config.kubeconfig ?? "");
    } catch {
      // The parser's message may quote the text, token included.
      throw new KubeconfigError("not a readable kubeconfig");
    }
    if (config.context) kubeConfig.setCurrentContext(config.context);
    checkPasted(kubeConfig);
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new KubeconfigError("no cluster");
  // Inline data (pasted) or the pod's CA file (in-cluster; pasted file references were refused above).
  const ca = bufferFromFileOrString(cluster.caFile, cluster.caData);
  return { kubeConfig, server: cluster.server.replace(/\/+$/, ""), ca: ca ? ca.toString("utf8") : undefined };
}
