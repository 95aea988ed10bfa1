import { defineConnector } from "../sdk";
import { checkKubernetes } from "./check";
import { kubernetesConfigSchema } from "./config";
import { kubectlListFormat } from "./formats/kubectl-list";
import { roleBindingsStream } from "./streams/role-bindings";
import { rolesStream } from "./streams/roles";
import { secretsStream } from "./streams/secrets";
import { serviceAccountsStream } from "./streams/service-accounts";

/**
 * Kubernetes: service accounts (default and kube-system accounts recognised, workload identity
 * linked to AWS roles and Google service accounts), Secrets as credentials (values fingerprinted
 * only), and the RBAC grants of each account graded to a privilege level. One scope per cluster.
 * See docs/connectors/kubernetes.md.
 */
export const kubernetesConnector = defineConnector({
  provider: "kubernetes",
  displayName: "Kubernetes",
  configSchema: kubernetesConfigSchema,
  secretFields: ["kubeconfig"],
  permissions: [
    { stream: "service-accounts", permission: "serviceaccounts: list", why: "list the service accounts of every namespace" },
    {
      stream: "secrets",
      permission: "secrets: list",
      why: "list Secrets to inventory tokens, certificates and stored credentials; values are fingerprinted in memory and never stored",
    },
    { stream: "roles", permission: "roles, clusterroles: list", why: "read what each role allows, to grade it" },
    {
      stream: "role-bindings",
      permission: "rolebindings, clusterrolebindings: list (and roles, clusterroles, serviceaccounts: list)",
      why: "read who is granted which role, graded with the role's rules; group grants are expanded to the accounts",
    },
  ],
  check: checkKubernetes,
  scopes: async (ctx) => [{ id: ctx.config.clusterName, label: `Kubernetes cluster ${ctx.config.clusterName}` }],
  streams: [serviceAccountsStream, secretsStream, rolesStream, roleBindingsStream],
  formats: [kubectlListFormat],
});
