/*
 * Microsoft's own applications (Microsoft Graph, Office 365 Exchange Online, Azure Portal…) have a
 * service principal in every tenant. They are not the organisation's identities: they are marked
 * `firstParty: true` (the `external-trust` rule skips them) and their keys are Microsoft's.
 */

/**
 * Tenants that publish Microsoft's first-party applications: f8cdef31-… "Microsoft Services"
 * (the first-party tenant proper) and 72f988bf-… Microsoft's corporate tenant, which owns many
 * Microsoft-published apps as well.
 */
export const MICROSOFT_APP_OWNER_TENANTS: ReadonlySet<string> = new Set([
  "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
  "72f988bf-86f1-41af-91ab-2d7cd011db47",
]);

export function isFirstParty(appOwnerOrganizationId: string | null | undefined): boolean {
  return appOwnerOrganizationId ? MICROSOFT_APP_OWNER_TENANTS.has(appOwnerOrganizationId.toLowerCase()) : false;
}
