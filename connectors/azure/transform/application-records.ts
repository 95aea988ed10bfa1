import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { applicationRef, KEY_CREDENTIAL_TYPE, PASSWORD_CREDENTIAL_TYPE, tenantRef } from "../external-types";
import type { Application, ApplicationItem, ApplicationOwners } from "../schemas";
import { compact } from "./compact";
import { keyCredentialRecords, passwordCredentialRecords, type CredentialHolder } from "./credential-records";
import { ownedByEdges, ownerHintFromOwners, ownersSummary } from "./owner-hint";
import { environmentOf, ownerHintFromMetadata, tagMap } from "./tags";

/*
 * An app registration: the identity, its client secrets and certificates (credentials belong to
 * the application object — its service principal only links to it, so nothing is counted twice),
 * its owners and its tenant. Keyed by appId, the id its service principal names it by.
 */

function applicationIdentity(
  app: Application,
  environment: string | undefined,
  tags: Record<string, string>,
): KeywardRecordInput {
  // The owners API is the authority when it was read; tags and notes are what people wrote.
  const ownerHint = (app.owners && ownerHintFromOwners(app.owners)) ?? ownerHintFromMetadata(tags, app.notes);
  return {
    kind: "identity",
    ...applicationRef(app.appId),
    name: app.displayName,
    type: "app_registration",
    status: app.disabledByMicrosoftStatus ? "inactive" : "active",
    ...compact({
      environment,
      createdAt: toIsoTimestamp(app.createdDateTime),
      businessService: app.serviceManagementReference ?? undefined,
      ownerHint,
    }),
    // The app registration is a definition; whether people sign in through it cannot be told here.
    isHuman: false,
    interactive: null,
    attributes: compact({
      objectId: app.id,
      appId: app.appId,
      accountId: app.keyward.tenantId,
      signInAudience: app.signInAudience ?? undefined,
      multiTenant: app.signInAudience ? app.signInAudience !== "AzureADMyOrg" : undefined,
      publisherDomain: app.publisherDomain ?? undefined,
      description: app.description ?? undefined,
      disabledByMicrosoftStatus: app.disabledByMicrosoftStatus ?? undefined,
      owners: app.owners ? ownersSummary(app.owners) : undefined,
      ownerCount: app.owners?.length,
    }),
    tags,
  };
}

function applicationRecords(app: Application): KeywardRecordInput[] {
  const tags = tagMap(app.tags);
  const environment = environmentOf(tags, app.keyward.environment);
  const holder: CredentialHolder = {
    ref: applicationRef(app.appId),
    environment,
    systemManaged: false,
    observedAt: app.keyward.observedAt,
  };
  const tenantId = app.keyward.tenantId;
  return [
    applicationIdentity(app, environment, tags),
    ...(tenantId ? [{ kind: "edge" as const, type: "member_of" as const, from: holder.ref, to: tenantRef(tenantId) }] : []),
    ...app.passwordCredentials.flatMap((c) => passwordCredentialRecords(c, holder, PASSWORD_CREDENTIAL_TYPE)),
    ...app.keyCredentials.flatMap((c) => keyCredentialRecords(c, holder, KEY_CREDENTIAL_TYPE)),
    ...ownedByEdges(app.appId, app.owners ?? []),
  ];
}

/** Owners saved apart from their application: only its `owned_by` edges. */
function ownersRecords(item: ApplicationOwners): KeywardRecordInput[] {
  return ownedByEdges(item.ownersOf, item.owners);
}

export function applicationItemRecords(item: ApplicationItem): KeywardRecordInput[] {
  return "ownersOf" in item ? ownersRecords(item) : applicationRecords(item);
}
