import type { ExternalRef } from "../sdk";

/*
 * External types of the Kubernetes connector. Ids start with the cluster name, as in the Keyward
 * format's documented example (`prod-eu-1/payments/payments-api`), so two clusters imported into
 * one source never collide. The types a stream owns must also be listed in
 * connectors/keyward/external-types.ts.
 */

/** Identity (stream `service-accounts`): `<cluster>/<namespace>/<name>`. */
export const SERVICE_ACCOUNT_TYPE = "kubernetes.service_account";
/** Resource (stream `service-accounts`): `<cluster>`. */
export const CLUSTER_TYPE = "kubernetes.cluster";
/** Resource (stream `service-accounts`; every namespace has a `default` account): `<cluster>/<namespace>`. */
export const NAMESPACE_TYPE = "kubernetes.namespace";
/**
 * Credential (stream `secrets`): `<cluster>/<namespace>/<name>` for a Secret that is one
 * credential (service-account token, TLS), `…/<name>#<key>` per value of an Opaque Secret and
 * `…/<name>#<registry>` per registry of a docker config Secret.
 */
export const SECRET_TYPE = "kubernetes.secret";
/** Resource (stream `roles`): `<cluster>/<namespace>/<name>`. */
export const ROLE_TYPE = "kubernetes.role";
/** Resource (stream `roles`): `<cluster>/<name>`. */
export const CLUSTER_ROLE_TYPE = "kubernetes.cluster_role";
/** Resource (stream `role-bindings`): `<cluster>/<namespace>/<name>`. */
export const ROLE_BINDING_TYPE = "kubernetes.role_binding";
/** Resource (stream `role-bindings`): `<cluster>/<name>`. */
export const CLUSTER_ROLE_BINDING_TYPE = "kubernetes.cluster_role_binding";

/*
 * Edge ends owned by other connectors, keyed as those connectors key them: an IAM role by its ARN
 * without the IAM path (connectors/aws/external-types.ts), a Google service account by its
 * lowercased e-mail (connectors/gcp/external-types.ts).
 */
export const AWS_ROLE_TYPE = "aws.iam_role";
export const GCP_SERVICE_ACCOUNT_TYPE = "gcp.service_account";

export const clusterRef = (cluster: string): ExternalRef => ({ externalType: CLUSTER_TYPE, externalId: cluster });
export const namespaceRef = (cluster: string, namespace: string): ExternalRef => ({
  externalType: NAMESPACE_TYPE,
  externalId: `${cluster}/${namespace}`,
});
export const serviceAccountRef = (cluster: string, namespace: string, name: string): ExternalRef => ({
  externalType: SERVICE_ACCOUNT_TYPE,
  externalId: `${cluster}/${namespace}/${name}`,
});
export const secretRef = (cluster: string, namespace: string, name: string, part?: string): ExternalRef => ({
  externalType: SECRET_TYPE,
  externalId: `${cluster}/${namespace}/${name}${part === undefined ? "" : `#${part}`}`,
});

/** A Role when it has a namespace, else a ClusterRole. */
export const roleRef = (cluster: string, namespace: string | undefined, name: string): ExternalRef =>
  namespace
    ? { externalType: ROLE_TYPE, externalId: `${cluster}/${namespace}/${name}` }
    : { externalType: CLUSTER_ROLE_TYPE, externalId: `${cluster}/${name}` };

/** A RoleBinding when it has a namespace, else a ClusterRoleBinding. */
export const bindingRef = (cluster: string, namespace: string | undefined, name: string): ExternalRef =>
  namespace
    ? { externalType: ROLE_BINDING_TYPE, externalId: `${cluster}/${namespace}/${name}` }
    : { externalType: CLUSTER_ROLE_BINDING_TYPE, externalId: `${cluster}/${name}` };
