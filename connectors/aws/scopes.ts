/*
 * Scopes: one per account for IAM (a global service) and one per account × region for Secrets
 * Manager and ACM. Every stream runs in every scope; a stream answers an empty, complete listing in
 * the scopes that are not its kind, where it owns no records, so nothing is swept there.
 */

export interface ScopeParts {
  readonly accountId: string;
  /** Undefined for an account's global (IAM) scope. */
  readonly region?: string;
}

export const accountScopeId = (accountId: string) => accountId;
export const regionScopeId = (accountId: string, region: string) => `${accountId}/${region}`;

export function scopePartsOf(id: string): ScopeParts {
  const [accountId = "", region] = id.split("/");
  return region ? { accountId, region } : { accountId };
}
