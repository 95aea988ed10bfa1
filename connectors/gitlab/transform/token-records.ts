import { toIsoTimestamp, type CredentialStatus, type KeywardRecordInput, type PermissionLevel } from "../../sdk";
import { accessTokenRef, botUserRef, deployTokenRef, ownerRef } from "../external-types";
import type { AccessTokenItem, DeployTokenItem } from "../schemas";
import { compact } from "./compact";

/*
 * Group and project access tokens, and deploy tokens. No listing returns a token value.
 *
 * An access token acts as a bot user GitLab creates for it (`user_id`), a member of the group or
 * project with the token's `access_level`; the bot is the token's identity, and the group or
 * project its owner — the API names no human creator, so the owner hint says where it came from.
 * GitLab says whether a token still works (`active`) and whether it was revoked; inactive and not
 * revoked means expired. `expires_at: null` is a token that never expires.
 *
 * Deploy tokens have no user: the token is a credential of the group or project, `stored_in` it,
 * with `read`/`write` permission from its scopes.
 */

/** Provenance of the owner of a token that has no human owner in the API. */
export const TOKEN_OWNER_PROVENANCE = "gitlab.api:token_namespace";

/** GitLab's role numbers. */
const ROLES: Record<number, string> = {
  5: "minimal_access",
  10: "guest",
  15: "planner",
  20: "reporter",
  30: "developer",
  40: "maintainer",
  50: "owner",
};

function levelOfRole(accessLevel: number | null | undefined): PermissionLevel | undefined {
  if (accessLevel == null) return undefined;
  if (accessLevel >= 40) return "admin";
  if (accessLevel >= 30) return "write";
  return "read";
}

function levelOfScopes(scopes: readonly string[]): PermissionLevel | undefined {
  if (scopes.some((scope) => scope === "api" || scope.startsWith("write_"))) return "write";
  return scopes.length > 0 ? "read" : undefined;
}

const ownerLabel = (level: string, id: string, path: string | undefined) => `${level} ${path ?? id}`;

export function accessTokenRecords(token: AccessTokenItem): KeywardRecordInput[] {
  const { level = "project", ownerId = "", ownerPath, environment } = token.keyward;
  const ref = accessTokenRef(level, token.id);
  const bot = botUserRef(level, token.user_id);
  const owner = ownerRef(level, ownerId);
  const status: CredentialStatus = token.revoked ? "revoked" : token.active ? "active" : "expired";
  const expiresAt = toIsoTimestamp(token.expires_at);
  const lastUsedAt = toIsoTimestamp(token.last_used_at);
  const permission = levelOfRole(token.access_level);
  const role = token.access_level == null ? undefined : (ROLES[token.access_level] ?? String(token.access_level));
  const records: KeywardRecordInput[] = [
    {
      kind: "identity",
      ...bot,
      name: `${token.name} bot (${ownerLabel(level, ownerId, ownerPath)})`,
      type: "service_account",
      // The bot exists only for the token: it works while the token does.
      status: status === "active" ? "active" : "inactive",
      ...(environment ? { environment } : {}),
      isHuman: false,
      interactive: false,
      purpose: `bot user of ${level} access token "${token.name}"`,
      ownerHint: { team: ownerLabel(level, ownerId, ownerPath), provenance: TOKEN_OWNER_PROVENANCE },
      attributes: compact({ userId: token.user_id, level, [`${level}Id`]: ownerId, ownerPath, role }),
    },
    {
      kind: "credential",
      ...ref,
      name: token.name,
      type: "token",
      identityRef: bot,
      status,
      ...(environment ? { environment } : {}),
      createdAt: toIsoTimestamp(token.created_at),
      ...(expiresAt ? { expiresAt } : {}),
      ...(lastUsedAt ? { lastUsedAt } : {}),
      attributes: compact({
        tokenKind: `${level}_access_token`,
        [`${level}Id`]: ownerId,
        ownerPath,
        scopes: [...token.scopes].sort(),
        accessLevel: token.access_level ?? undefined,
        role,
        active: token.active,
        revoked: token.revoked,
        description: token.description,
        neverExpires: expiresAt === undefined ? true : undefined,
        neverUsed: lastUsedAt === undefined ? true : undefined,
      }),
    },
    { kind: "edge", type: "has_credential", from: bot, to: ref },
    { kind: "edge", type: "owned_by", from: bot, to: owner, attributes: { provenance: TOKEN_OWNER_PROVENANCE } },
  ];
  if (permission && status === "active") {
    records.push({
      kind: "edge",
      type: "has_permission",
      from: bot,
      to: owner,
      level: permission,
      attributes: compact({ role }),
    });
  }
  return records;
}

export function deployTokenRecords(token: DeployTokenItem): KeywardRecordInput[] {
  const { level = "project", ownerId = "", ownerPath, environment } = token.keyward;
  const ref = deployTokenRef(level, token.id);
  const owner = ownerRef(level, ownerId);
  const status: CredentialStatus = token.revoked ? "revoked" : token.expired ? "expired" : "active";
  const expiresAt = toIsoTimestamp(token.expires_at);
  const permission = levelOfScopes(token.scopes);
  const records: KeywardRecordInput[] = [
    {
      kind: "credential",
      ...ref,
      name: token.name,
      type: "token",
      status,
      ...(environment ? { environment } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      attributes: compact({
        tokenKind: `${level}_deploy_token`,
        [`${level}Id`]: ownerId,
        ownerPath,
        username: token.username,
        scopes: [...token.scopes].sort(),
        revoked: token.revoked,
        expired: token.expired,
        neverExpires: expiresAt === undefined ? true : undefined,
        ownerProvenance: TOKEN_OWNER_PROVENANCE,
      }),
    },
    { kind: "edge", type: "stored_in", from: ref, to: owner },
  ];
  if (permission && status === "active") {
    records.push({
      kind: "edge",
      type: "has_permission",
      from: ref,
      to: owner,
      level: permission,
      attributes: { scopes: [...token.scopes].sort() },
    });
  }
  return records;
}
