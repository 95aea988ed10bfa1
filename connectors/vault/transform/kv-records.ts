import type { CredentialStatus, KeywardRecordInput } from "../../sdk";
import { KV_SECRET_TYPE, mountRef, namespacePrefix } from "../external-types";
import type { KvMetadataItem } from "../schemas";
import { compact } from "./compact";
import { vaultTime } from "./expiry";
import { ownedByEdges, ownerOf, teamOf } from "./owner";

/*
 * A KV v2 secret as a `stored_secret` credential, from its metadata only: the values are never
 * read, so it has no fingerprint. A new version is a rotation: `lastRotatedAt` is the current
 * version's creation. `custom_metadata` becomes tags (owner, team, environment…).
 */

/** Keys of custom_metadata read for an environment. */
const ENVIRONMENT_KEYS = ["environment", "env"];

function currentVersionOf(secret: KvMetadataItem) {
  return secret.current_version === undefined ? undefined : secret.versions[String(secret.current_version)];
}

/** Destroyed = the value is gone for good; deleted = soft-deleted, undeletable. */
function statusOf(secret: KvMetadataItem): CredentialStatus {
  const current = currentVersionOf(secret);
  if (current?.destroyed === true) return "revoked";
  return vaultTime(current?.deletion_time) === undefined ? "active" : "inactive";
}

export function kvSecretRecords(secret: KvMetadataItem): KeywardRecordInput[] {
  const { namespace, mount, path } = secret.keyward;
  const fullPath = `${namespacePrefix(namespace)}${mount}${path}`;
  const ref = { externalType: KV_SECRET_TYPE, externalId: fullPath };
  const metadata = secret.custom_metadata;
  const environmentKey = Object.keys(metadata).find((key) => ENVIRONMENT_KEYS.includes(key.toLowerCase()));
  const environment = (environmentKey && metadata[environmentKey]?.trim()) || secret.keyward.environment;
  const createdAt = vaultTime(secret.created_time);
  const lastRotatedAt = vaultTime(currentVersionOf(secret)?.created_time);
  const owner = ownerOf(metadata, "vault.kv.custom_metadata");
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: `${mount}${path}`,
    type: "stored_secret",
    status: statusOf(secret),
    ...(environment ? { environment } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(lastRotatedAt ? { lastRotatedAt } : {}),
    locations: [{ source: "vault", path: `${namespacePrefix(namespace)}${mount}data/${path}` }],
    attributes: compact({
      namespace: namespace || undefined,
      mount,
      path,
      currentVersion: secret.current_version,
      oldestVersion: secret.oldest_version,
      versionCount: Object.keys(secret.versions).length,
      maxVersions: secret.max_versions,
      casRequired: secret.cas_required,
      deleteVersionAfter: secret.delete_version_after,
      updatedAt: vaultTime(secret.updated_time),
      ownerEmail: owner?.email,
      ownerProvenance: owner?.provenance,
      team: teamOf(metadata),
      hasOwner: owner !== undefined || teamOf(metadata) !== undefined,
    }),
    tags: { ...metadata },
  };
  return [
    credential,
    { kind: "edge", type: "stored_in", from: ref, to: mountRef(namespace, mount) },
    ...ownedByEdges(ref, owner),
  ];
}
