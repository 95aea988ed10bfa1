import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { CLUSTER_TYPE, clusterRef, NAMESPACE_TYPE, namespaceRef, serviceAccountRef } from "../external-types";
import type { ServiceAccountItem } from "../schemas";
import { cloudLinksOf } from "./cloud-links";
import { clusterOf } from "./cluster";
import { compact } from "./compact";
import { ownerHintOf } from "./owner-hint";
import { accountKindOf, SYSTEM_NAMESPACES } from "./well-known";

const names = (refs: readonly { name?: string | undefined }[]) => refs.flatMap((ref) => (ref.name ? [ref.name] : []));

/**
 * A service account as a `k8s_service_account` identity that is a `member_of` its namespace
 * (itself `member_of` the cluster), with a `can_assume` edge to each cloud identity a workload
 * identity annotation names. The namespace and cluster resources come from here because every
 * namespace has at least its `default` account, so no extra permission is needed to see them.
 */
export function serviceAccountRecords(account: ServiceAccountItem): KeywardRecordInput[] {
  const { name, namespace, uid, creationTimestamp, labels, annotations } = account.metadata;
  const cluster = clusterOf(account.keyward);
  const environment = account.keyward.environment;
  const ref = serviceAccountRef(cluster, namespace, name);
  const kind = accountKindOf(namespace, name);
  const ownerHint = ownerHintOf(account.metadata);
  const links = cloudLinksOf(annotations);
  const env = environment ? { environment } : {};

  const identity: KeywardRecordInput = {
    kind: "identity",
    ...ref,
    name: `${namespace}/${name}`,
    type: "k8s_service_account",
    status: "active",
    ...env,
    ...(creationTimestamp ? { createdAt: toIsoTimestamp(creationTimestamp) } : {}),
    // A service account authenticates with tokens only: machine-to-machine by construction.
    isHuman: false,
    interactive: false,
    ...(ownerHint ? { ownerHint } : {}),
    attributes: compact({
      accountId: cluster,
      cluster,
      namespace,
      uid,
      // Kubernetes mounts a token into every pod of the account unless this says false.
      automountToken: account.automountServiceAccountToken !== false,
      defaultAccount: kind.defaultAccount,
      systemNamespace: kind.systemNamespace,
      tokenSecrets: names(account.secrets),
      imagePullSecrets: names(account.imagePullSecrets),
      workloadIdentity: links.length > 0 ? links.map((link) => link.mechanism) : undefined,
    }),
    tags: labels,
  };
  const namespaceResource: KeywardRecordInput = {
    kind: "resource",
    externalType: NAMESPACE_TYPE,
    externalId: namespaceRef(cluster, namespace).externalId,
    name: namespace,
    type: "namespace",
    ...env,
    attributes: { cluster, systemNamespace: SYSTEM_NAMESPACES.has(namespace) },
  };
  const clusterResource: KeywardRecordInput = {
    kind: "resource",
    externalType: CLUSTER_TYPE,
    externalId: cluster,
    name: cluster,
    type: "cluster",
  };
  return [
    identity,
    namespaceResource,
    clusterResource,
    { kind: "edge", type: "member_of", from: ref, to: namespaceRef(cluster, namespace) },
    { kind: "edge", type: "member_of", from: namespaceRef(cluster, namespace), to: clusterRef(cluster) },
    ...links.map((link): KeywardRecordInput => ({
      kind: "edge",
      type: "can_assume",
      from: ref,
      to: link.to,
      attributes: { principalType: "kubernetes_service_account", ...link.attributes },
    })),
  ];
}
