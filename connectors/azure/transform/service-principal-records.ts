import type { KeywardRecordInput } from "../../sdk";
import {
  applicationRef,
  servicePrincipalRef,
  SP_KEY_CREDENTIAL_TYPE,
  SP_PASSWORD_CREDENTIAL_TYPE,
  tenantRef,
} from "../external-types";
import type { ServicePrincipal, ServicePrincipalItem } from "../schemas";
import { compact } from "./compact";
import { keyCredentialRecords, passwordCredentialRecords, type CredentialHolder } from "./credential-records";
import { isFirstParty } from "./first-party";
import { grantEdges } from "./grant-records";
import { environmentOf, ownerHintFromMetadata, tagMap } from "./tags";

/*
 * A service principal: an application's identity in this tenant (the organisation's own apps,
 * third-party multi-tenant apps, Microsoft's first-party apps) or a managed identity. It links to
 * its application with `can_assume` (whoever holds the application's credentials acts as this
 * principal), so the application's credentials are not repeated here; only the principal's OWN
 * credentials are (SAML signing certificates, managed identity keys).
 */

const MANAGED_IDENTITY = "ManagedIdentity";

/** The Azure resource id of a managed identity, listed among its `alternativeNames`. */
function managedResourceId(sp: ServicePrincipal): string | undefined {
  return sp.alternativeNames.find((name) => name.toLowerCase().startsWith("/subscriptions/"));
}

/** Application → principal trust, with what the `external-trust` rule reads. */
function applicationTrust(sp: ServicePrincipal, firstParty: boolean): KeywardRecordInput {
  const tenantId = sp.keyward.tenantId;
  const owner = sp.appOwnerOrganizationId ?? undefined;
  return {
    kind: "edge",
    type: "can_assume",
    from: applicationRef(sp.appId),
    to: servicePrincipalRef(sp.id),
    attributes: compact({
      principalType: "application",
      provider: "azure",
      accountId: owner,
      external: owner && tenantId ? owner.toLowerCase() !== tenantId.toLowerCase() : undefined,
      firstParty,
    }),
  };
}

function servicePrincipalRecords(sp: ServicePrincipal): KeywardRecordInput[] {
  const managed = sp.servicePrincipalType === MANAGED_IDENTITY;
  const firstParty = isFirstParty(sp.appOwnerOrganizationId);
  const tags = tagMap(sp.tags);
  const environment = environmentOf(tags, sp.keyward.environment);
  const tenantId = sp.keyward.tenantId;
  const holder: CredentialHolder = {
    ref: servicePrincipalRef(sp.id),
    environment,
    systemManaged: managed || firstParty,
    observedAt: sp.keyward.observedAt,
  };
  const identity: KeywardRecordInput = {
    kind: "identity",
    ...holder.ref,
    name: sp.displayName,
    type: managed ? "managed_identity" : "service_principal",
    status: sp.accountEnabled === false ? "inactive" : "active",
    ...compact({ environment, ownerHint: ownerHintFromMetadata(tags, sp.notes) }),
    isHuman: false,
    // A managed identity only ever gets tokens for its Azure resource; other principals may serve sign-ins.
    interactive: managed ? false : null,
    attributes: compact({
      objectId: sp.id,
      appId: sp.appId,
      accountId: tenantId,
      servicePrincipalType: sp.servicePrincipalType ?? undefined,
      appOwnerOrganizationId: sp.appOwnerOrganizationId ?? undefined,
      firstParty,
      signInAudience: sp.signInAudience ?? undefined,
      managedResourceId: managed ? managedResourceId(sp) : undefined,
      userAssigned: managed ? sp.alternativeNames.includes("isExplicit=True") : undefined,
    }),
    tags,
  };
  return [
    identity,
    ...(tenantId ? [{ kind: "edge" as const, type: "member_of" as const, from: holder.ref, to: tenantRef(tenantId) }] : []),
    // A managed identity has no app registration behind it.
    ...(managed ? [] : [applicationTrust(sp, firstParty)]),
    ...sp.passwordCredentials.flatMap((c) => passwordCredentialRecords(c, holder, SP_PASSWORD_CREDENTIAL_TYPE)),
    ...sp.keyCredentials.flatMap((c) => keyCredentialRecords(c, holder, SP_KEY_CREDENTIAL_TYPE)),
    ...grantEdges(sp.id, sp.appRoleAssignments ?? [], sp.appRoleValues),
  ];
}

export function servicePrincipalItemRecords(item: ServicePrincipalItem): KeywardRecordInput[] {
  return "assignmentsOf" in item
    ? grantEdges(item.assignmentsOf, item.appRoleAssignments, item.appRoleValues)
    : servicePrincipalRecords(item);
}
