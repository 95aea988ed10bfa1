import type { KeywardRecordInput } from "../../sdk";
import { applicationRef, PERSON_TYPE, servicePrincipalRef } from "../external-types";
import type { Owner } from "../schemas";

/*
 * Owners of an app registration (GET /applications/{id}/owners): users and service principals.
 * A user owner is named by e-mail — `mail`, else a `userPrincipalName` that is an address of the
 * tenant (a guest's `…#EXT#@…` UPN is not a mailbox) — which is how the people directory and the
 * owner rules recognise a person.
 */

export type OwnerHint = { email: string; provenance: string };

/** Provenance of owners read from Entra's owners API. */
export const OWNERS_PROVENANCE = "entra.owners";

const USER_TYPE = "#microsoft.graph.user";
const SERVICE_PRINCIPAL_ODATA_TYPE = "#microsoft.graph.servicePrincipal";

export function ownerEmail(owner: Owner): string | undefined {
  if (owner["@odata.type"] !== undefined && owner["@odata.type"] !== USER_TYPE) return undefined;
  const upn = owner.userPrincipalName;
  const address = owner.mail ?? (upn && !upn.includes("#EXT#") ? upn : undefined);
  return address?.includes("@") ? address.toLowerCase() : undefined;
}

/** The hint: the alphabetically first user owner, so it does not flip with Graph's ordering. */
export function ownerHintFromOwners(owners: readonly Owner[]): OwnerHint | undefined {
  const [first] = owners.flatMap((owner) => ownerEmail(owner) ?? []).sort();
  return first ? { email: first, provenance: OWNERS_PROVENANCE } : undefined;
}

/** `owned_by` edges: application → each user owner (person by e-mail) or owning service principal. */
export function ownedByEdges(appId: string, owners: readonly Owner[]): KeywardRecordInput[] {
  const from = applicationRef(appId);
  const attributes = { provenance: OWNERS_PROVENANCE };
  return owners.flatMap((owner): KeywardRecordInput[] => {
    const email = ownerEmail(owner);
    if (email)
      return [{ kind: "edge", type: "owned_by", from, to: { externalType: PERSON_TYPE, externalId: email }, attributes }];
    if (owner["@odata.type"] === SERVICE_PRINCIPAL_ODATA_TYPE) {
      return [{ kind: "edge", type: "owned_by", from, to: servicePrincipalRef(owner.id), attributes }];
    }
    return [];
  });
}

/** What the identity's attributes say about its owners: who, without personal data beyond the e-mail. */
export function ownersSummary(owners: readonly Owner[]): string[] {
  return owners
    .map((owner) => ownerEmail(owner) ?? `${owner["@odata.type"]?.replace("#microsoft.graph.", "") ?? "object"}:${owner.id}`)
    .sort();
}
