import { toIsoTimestamp, type KeywardRecordInput } from "../../sdk";
import { appInstallationRef, organizationRef } from "../external-types";
import type { AppInstallationItem } from "../schemas";
import { compact } from "./compact";
import { permissionsAt, strongestLevel } from "./permission-level";

/*
 * An App installation is the identity an App acts as inside the organization (its installation
 * tokens are short-lived and minted on demand, so they are not inventoried). A suspended
 * installation cannot mint tokens: `inactive`. Its grant on the organization is one
 * `has_permission` edge whose level is the strongest permission it holds.
 */
export function appInstallationRecords(installation: AppInstallationItem): KeywardRecordInput[] {
  const ref = appInstallationRef(installation.id);
  const org = installation.keyward.org ?? installation.account?.login;
  const level = strongestLevel(installation.permissions);
  const environment = installation.keyward.environment;
  const suspendedAt = toIsoTimestamp(installation.suspended_at);
  const createdAt = toIsoTimestamp(installation.created_at);
  const identity: KeywardRecordInput = {
    kind: "identity",
    ...ref,
    name: installation.app_slug ?? `app ${installation.app_id}`,
    type: "github_app_installation",
    status: suspendedAt ? "inactive" : "active",
    ...(environment ? { environment } : {}),
    ...(createdAt ? { createdAt } : {}),
    isHuman: false,
    interactive: false,
    attributes: compact({
      installationId: installation.id,
      appId: installation.app_id,
      appSlug: installation.app_slug,
      clientId: installation.client_id,
      account: installation.account?.login,
      targetType: installation.target_type,
      repositorySelection: installation.repository_selection,
      permissions: installation.permissions,
      events: installation.events,
      suspended: suspendedAt !== undefined,
      suspendedAt,
      suspendedBy: installation.suspended_by?.login,
      updatedAt: toIsoTimestamp(installation.updated_at),
    }),
  };
  if (!org || !level) return [identity];
  const edge: KeywardRecordInput = {
    kind: "edge",
    type: "has_permission",
    from: ref,
    to: organizationRef(org),
    level,
    attributes: {
      repositorySelection: installation.repository_selection,
      strongest: permissionsAt(level, installation.permissions),
    },
  };
  return [identity, edge];
}
