import { z } from "zod";

/*
 * Raw Microsoft Graph v1.0 payloads, as documented (learn.microsoft.com/graph/api/resources/…),
 * keeping only what the transforms read: zod drops every other property, including a
 * `secretText` that a saved `addPassword` response would carry.
 *
 * Items also carry a `keyward` block that Graph does not send: what the listing knew about the
 * item's context — the tenant it was read from (the source's tenant when live, the import path
 * when offline), the environment configured for that tenant, and when it was observed (which
 * decides whether a credential has expired, keeping the transforms pure).
 */

const nullableText = z.string().nullish();
const guid = z.guid();

/** Context added by the listing or the offline parser. */
export const itemContextSchema = z
  .object({
    tenantId: guid.optional(),
    environment: z.string().min(1).optional(),
    observedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .default({});
export type ItemContext = z.output<typeof itemContextSchema>;

/** One page of a Graph collection. */
export const pageSchema = z.object({
  "@odata.context": z.string().optional(),
  "@odata.nextLink": z.url().optional(),
  value: z.array(z.unknown()),
});

/** `passwordCredential`: a client secret. Graph never returns the secret, only its first characters (`hint`). */
export const passwordCredentialSchema = z.object({
  keyId: guid,
  displayName: nullableText,
  hint: nullableText,
  startDateTime: nullableText,
  endDateTime: nullableText,
});
export type PasswordCredential = z.output<typeof passwordCredentialSchema>;

/** `keyCredential`: a certificate or (legacy) symmetric key; `customKeyIdentifier` is the certificate's thumbprint. */
export const keyCredentialSchema = z.object({
  keyId: guid,
  displayName: nullableText,
  customKeyIdentifier: nullableText,
  type: nullableText,
  usage: nullableText,
  startDateTime: nullableText,
  endDateTime: nullableText,
});
export type KeyCredential = z.output<typeof keyCredentialSchema>;

const credentialLists = {
  passwordCredentials: z
    .array(passwordCredentialSchema)
    .nullish()
    .transform((list) => list ?? []),
  keyCredentials: z
    .array(keyCredentialSchema)
    .nullish()
    .transform((list) => list ?? []),
};

const tagsSchema = z
  .array(z.string())
  .nullish()
  .transform((tags) => tags ?? []);

/** An owner (`directoryObject`): a user or a service principal, told apart by `@odata.type`. */
export const ownerSchema = z.object({
  "@odata.type": z.string().optional(),
  id: guid,
  displayName: nullableText,
  userPrincipalName: nullableText,
  mail: nullableText,
  appId: nullableText,
});
export type Owner = z.output<typeof ownerSchema>;

/** `application` (an app registration), with `owners` when listed live or exported with `$expand=owners`. */
export const applicationSchema = z.object({
  id: guid,
  appId: guid,
  displayName: z.string().min(1),
  createdDateTime: nullableText,
  description: nullableText,
  notes: nullableText,
  tags: tagsSchema,
  signInAudience: nullableText,
  publisherDomain: nullableText,
  serviceManagementReference: nullableText,
  disabledByMicrosoftStatus: nullableText,
  ...credentialLists,
  owners: z.array(ownerSchema).optional(),
  keyward: itemContextSchema,
});
export type Application = z.output<typeof applicationSchema>;

/**
 * An `owners` response saved on its own (`…/owners/<appId>.json`): the owners of one application
 * named by its path. It adds that application's `owned_by` edges to the applications stream.
 */
export const applicationOwnersSchema = z.object({
  ownersOf: guid,
  owners: z.array(ownerSchema),
  keyward: itemContextSchema,
});
export type ApplicationOwners = z.output<typeof applicationOwnersSchema>;

/** An item of the applications stream: an application, or the owners of one. */
export const applicationItemSchema = z.union([applicationSchema, applicationOwnersSchema]);
export type ApplicationItem = z.output<typeof applicationItemSchema>;

/** `appRole` of a resource service principal: its `value` is the permission's name. */
export const appRoleSchema = z.object({ id: guid, value: nullableText });

/** `appRoleAssignment` granted to a service principal. */
export const appRoleAssignmentSchema = z.object({
  id: z.string().min(1),
  appRoleId: guid,
  createdDateTime: nullableText,
  principalId: guid,
  principalDisplayName: nullableText,
  principalType: nullableText,
  resourceId: guid,
  resourceDisplayName: nullableText,
});
export type AppRoleAssignment = z.output<typeof appRoleAssignmentSchema>;

/** `servicePrincipal`: the application's identity in a tenant, or a managed identity. */
export const servicePrincipalSchema = z.object({
  id: guid,
  appId: guid,
  displayName: z.string().min(1),
  accountEnabled: z.boolean().nullish(),
  appOwnerOrganizationId: guid.nullish(),
  servicePrincipalType: nullableText,
  alternativeNames: z
    .array(z.string())
    .nullish()
    .transform((names) => names ?? []),
  signInAudience: nullableText,
  notes: nullableText,
  tags: tagsSchema,
  ...credentialLists,
  /** Its app role assignments, when listed live or exported with `$expand=appRoleAssignments`. */
  appRoleAssignments: z.array(appRoleAssignmentSchema).optional(),
  /** Names of the assigned app roles by role id, read live from each resource's `appRoles`. */
  appRoleValues: z.record(z.string(), z.string()).default({}),
  keyward: itemContextSchema,
});
export type ServicePrincipal = z.output<typeof servicePrincipalSchema>;

/**
 * An appRoleAssignments response saved on its own: the grants of one service principal, named
 * by the response's `@odata.context`. It adds that principal's `has_permission` edges.
 */
export const principalGrantsSchema = z.object({
  assignmentsOf: guid,
  appRoleAssignments: z.array(appRoleAssignmentSchema),
  appRoleValues: z.record(z.string(), z.string()).default({}),
  keyward: itemContextSchema,
});
export type PrincipalGrants = z.output<typeof principalGrantsSchema>;

/** An item of the service-principals stream: a service principal, or the grants of one. */
export const servicePrincipalItemSchema = z.union([servicePrincipalSchema, principalGrantsSchema]);
export type ServicePrincipalItem = z.output<typeof servicePrincipalItemSchema>;

/** `organization`: the tenant. */
export const organizationSchema = z.object({
  id: guid,
  displayName: nullableText,
  createdDateTime: nullableText,
  verifiedDomains: z
    .array(z.object({ name: z.string(), isDefault: z.boolean().nullish(), isInitial: z.boolean().nullish() }))
    .nullish()
    .transform((domains) => domains ?? []),
  keyward: itemContextSchema,
});
export type Organization = z.output<typeof organizationSchema>;
