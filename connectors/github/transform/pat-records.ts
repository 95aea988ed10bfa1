import { toIsoTimestamp, type CredentialStatus, type KeywardRecordInput } from "../../sdk";
import { organizationRef, patRef, patRequestRef } from "../external-types";
import type { PatGrantItem, PatRequestItem } from "../schemas";
import { compact } from "./compact";
import { permissionsAt, strongestLevel } from "./permission-level";

/*
 * Fine-grained personal access tokens seen from the organization: each grant is a `pat`
 * credential of the token owner (a person, named by login with its provenance) with a
 * `has_permission` edge to the organization; each pending request is a `pat` credential marked
 * `inactive` with no edge, since it grants nothing until approved. GitHub says whether a token
 * has expired (`token_expired`), so the status needs no clock; `token_expires_at: null` is a
 * token that never expires.
 */

/** Provenance of a token's owner. */
export const PAT_OWNER_PROVENANCE = "github.pat:owner";

/** `…/orgs/{org}/personal-access-tokens/{id}/repositories` (and the `-requests` twin) name the organization. */
const REPOSITORIES_URL = /\/orgs\/([^/]+)\/personal-access-token(?:-request)?s\/\d+\/repositories$/;

export function organizationOfPat(item: Pick<PatGrantItem, "keyward" | "repositories_url">): string | undefined {
  return item.keyward.org ?? REPOSITORIES_URL.exec(item.repositories_url ?? "")?.[1];
}

function tokenFacts(item: PatGrantItem | PatRequestItem) {
  const expiresAt = toIsoTimestamp(item.token_expires_at);
  const lastUsedAt = toIsoTimestamp(item.token_last_used_at);
  const { organization, repository, other } = item.permissions;
  const level = strongestLevel(organization, repository, other);
  return {
    expiresAt,
    lastUsedAt,
    level,
    attributes: compact({
      tokenId: item.token_id,
      organization: organizationOfPat(item)?.toLowerCase(),
      ownerLogin: item.owner.login,
      ownerProvenance: PAT_OWNER_PROVENANCE,
      repositorySelection: item.repository_selection,
      permissions: item.permissions,
      neverExpires: expiresAt === undefined ? true : undefined,
      neverUsed: lastUsedAt === undefined ? true : undefined,
    }),
  };
}

export function patGrantRecords(grant: PatGrantItem): KeywardRecordInput[] {
  const org = organizationOfPat(grant) ?? "";
  const ref = patRef(org, grant.token_id);
  const { expiresAt, lastUsedAt, level, attributes } = tokenFacts(grant);
  const status: CredentialStatus = grant.token_expired ? "expired" : "active";
  const environment = grant.keyward.environment;
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: grant.token_name ?? `token ${grant.token_id}`,
    type: "pat",
    status,
    ...(environment ? { environment } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(lastUsedAt ? { lastUsedAt } : {}),
    attributes: {
      ...attributes,
      grantId: grant.id,
      accessGrantedAt: toIsoTimestamp(grant.access_granted_at) ?? grant.access_granted_at,
    },
  };
  if (!level || grant.token_expired) return [credential];
  const edge: KeywardRecordInput = {
    kind: "edge",
    type: "has_permission",
    from: ref,
    to: organizationRef(org),
    level,
    attributes: {
      repositorySelection: grant.repository_selection,
      strongest: permissionsAt(level, grant.permissions.organization, grant.permissions.repository, grant.permissions.other),
    },
  };
  return [credential, edge];
}

export function patRequestRecords(request: PatRequestItem): KeywardRecordInput[] {
  const org = organizationOfPat(request) ?? "";
  const { expiresAt, lastUsedAt, attributes } = tokenFacts(request);
  const environment = request.keyward.environment;
  return [
    {
      kind: "credential",
      ...patRequestRef(org, request.id),
      name: request.token_name ?? `token ${request.token_id}`,
      type: "pat",
      status: request.token_expired ? "expired" : "inactive",
      ...(environment ? { environment } : {}),
      createdAt: toIsoTimestamp(request.created_at),
      ...(expiresAt ? { expiresAt } : {}),
      ...(lastUsedAt ? { lastUsedAt } : {}),
      attributes: compact({ ...attributes, requestId: request.id, pending: true, reason: request.reason }),
    },
  ];
}
