import { z } from "zod";

/*
 * Raw Kubernetes objects as the API documents them (core/v1 ServiceAccount and Secret,
 * rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding, ClusterRoleBinding), which is also
 * what each item of `kubectl get … -o json` holds. Only what the transforms read is kept; zod
 * drops the rest (managedFields, the last-applied annotation's copy of a Secret stays an
 * annotation and is skipped by the transform).
 *
 * @kubernetes/client-node hands timestamps over as Date objects; they are turned back into the
 * wire format's strings here so both ways in give the transform the same item.
 *
 * Items also carry a `keyward` block the API does not send: what the listing knew — the cluster
 * name, the environment configured for the item's namespace and, on bindings, the rules of the
 * bound role and the cluster's service accounts (to expand `system:serviceaccounts` groups).
 */

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

const timestamp = z
  .union([z.string(), z.date().transform((date) => date.toISOString())])
  .nullish()
  .transform((value) => value ?? undefined);

const stringMap = z
  .record(z.string(), z.string())
  .nullish()
  .transform((map) => map ?? {});

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);

export const objectMetaSchema = z.object({
  name: z.string().min(1),
  namespace: optionalText,
  uid: optionalText,
  creationTimestamp: timestamp,
  labels: stringMap,
  annotations: stringMap,
});
export type ObjectMeta = z.output<typeof objectMetaSchema>;

/** Context added by the listing or the offline parser. */
export const itemContextSchema = z
  .object({
    cluster: z.string().min(1).optional(),
    environment: z.string().min(1).optional(),
  })
  .default({});
export type ItemContext = z.output<typeof itemContextSchema>;

/** core/v1 ServiceAccount. */
export const serviceAccountItemSchema = z.object({
  metadata: objectMetaSchema.extend({ namespace: z.string().min(1) }),
  automountServiceAccountToken: z
    .boolean()
    .nullish()
    .transform((value) => value ?? undefined),
  secrets: list(z.object({ name: optionalText })),
  imagePullSecrets: list(z.object({ name: optionalText })),
  keyward: itemContextSchema,
});
export type ServiceAccountItem = z.output<typeof serviceAccountItemSchema>;

/** core/v1 Secret; `data` values are base64 (the API never returns `stringData`). */
export const secretItemSchema = z.object({
  metadata: objectMetaSchema.extend({ namespace: z.string().min(1) }),
  type: z
    .string()
    .nullish()
    .transform((type) => type || "Opaque"),
  data: stringMap,
  immutable: z
    .boolean()
    .nullish()
    .transform((value) => value ?? undefined),
  keyward: itemContextSchema,
});
export type SecretItem = z.output<typeof secretItemSchema>;

/** rbac/v1 PolicyRule. */
export const policyRuleSchema = z.object({
  apiGroups: list(z.string()),
  resources: list(z.string()),
  verbs: list(z.string()),
  resourceNames: list(z.string()),
  nonResourceURLs: list(z.string()),
});
export type PolicyRule = z.output<typeof policyRuleSchema>;

/** rbac/v1 Role (has a namespace) or ClusterRole (has none). */
export const roleItemSchema = z.object({
  metadata: objectMetaSchema,
  rules: list(policyRuleSchema),
  keyward: itemContextSchema,
});
export type RoleItem = z.output<typeof roleItemSchema>;

export const subjectSchema = z.object({
  kind: z.string().min(1),
  name: z.string().min(1),
  namespace: optionalText,
  apiGroup: optionalText,
});
export type Subject = z.output<typeof subjectSchema>;

/** rbac/v1 RoleBinding (has a namespace) or ClusterRoleBinding (has none). */
export const bindingItemSchema = z.object({
  metadata: objectMetaSchema,
  roleRef: z.object({ kind: z.enum(["Role", "ClusterRole"]), name: z.string().min(1), apiGroup: optionalText }),
  subjects: list(subjectSchema),
  keyward: z
    .object({
      cluster: z.string().min(1).optional(),
      environment: z.string().min(1).optional(),
      /** Rules of the bound role; absent when the listing or the file did not include it. */
      roleRules: z.array(policyRuleSchema).optional(),
      /** `namespace/name` of every service account of the cluster, when known. */
      serviceAccounts: z.array(z.string()).optional(),
    })
    .default({}),
});
export type BindingItem = z.output<typeof bindingItemSchema>;
