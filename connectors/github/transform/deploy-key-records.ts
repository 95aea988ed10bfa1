import { toIsoTimestamp, type Fingerprinter, type KeywardRecordInput } from "../../sdk";
import { deployKeyRef, repositoryRef } from "../external-types";
import type { DeployKeyItem } from "../schemas";
import { compact } from "./compact";
import { sshKeyFactsOf } from "./ssh-public-key";

/** Provenance of a deploy key's owner: the GitHub user who added it. */
export const DEPLOY_KEY_OWNER_PROVENANCE = "github.deploy_key:added_by";

/*
 * A deploy key as a `deploy_key` credential with a `has_permission` edge to its repository:
 * `read` for read-only keys, `write` for keys that can push. The public key itself is not stored;
 * its SHA-256 fingerprint is (`thumbprint`), and its blob goes through the fingerprinter so the
 * same key added to several repositories shows as one reused secret.
 */
export function deployKeyRecords(key: DeployKeyItem, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const repository = key.keyward.repo ?? "";
  const ref = deployKeyRef(repository, key.id);
  const facts = sshKeyFactsOf(key.key);
  const lastUsedAt = toIsoTimestamp(key.last_used);
  const environment = key.keyward.environment;
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: key.title ?? `deploy key ${key.id}`,
    type: "deploy_key",
    status: key.enabled === false ? "inactive" : "active",
    ...(environment ? { environment } : {}),
    createdAt: toIsoTimestamp(key.created_at),
    ...(lastUsedAt ? { lastUsedAt } : {}),
    ...(facts ? { algorithm: facts.algorithm, thumbprint: facts.thumbprint, fingerprint: fingerprint(facts.blob) } : {}),
    ...(facts?.keySize ? { keySize: facts.keySize } : {}),
    attributes: compact({
      keyId: key.id,
      repository: repository.toLowerCase(),
      readOnly: key.read_only,
      verified: key.verified ?? undefined,
      enabled: key.enabled ?? undefined,
      addedBy: key.added_by,
      ownerLogin: key.added_by,
      ownerProvenance: key.added_by ? DEPLOY_KEY_OWNER_PROVENANCE : undefined,
      // GitHub.com sends `last_used: null` for a key never used since it began tracking use.
      neverUsed: key.last_used === undefined ? true : undefined,
    }),
  };
  const edge: KeywardRecordInput = {
    kind: "edge",
    type: "has_permission",
    from: ref,
    to: repositoryRef(repository),
    level: key.read_only ? "read" : "write",
    attributes: { access: key.read_only ? "pull" : "push" },
  };
  return [credential, edge];
}
