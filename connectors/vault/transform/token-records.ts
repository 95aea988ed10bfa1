import { toIsoTimestamp, type ExternalRef, type Fingerprinter, type KeywardRecordInput } from "../../sdk";
import { approleRef, namespacePrefix, TOKEN_TYPE } from "../external-types";
import type { TokenItem } from "../schemas";
import { compact } from "./compact";
import { statusAt, vaultTime } from "./expiry";
import { ownedByEdges, ownerOf } from "./owner";

/*
 * A token as a `token` credential, known by its accessor. lookup-accessor never returns the
 * token (its `id` is ""); a saved `lookup` or `lookup-self` answer does, so a non-empty `id` is
 * fingerprinted — to spot the same token elsewhere — and dropped.
 *
 * Root tokens carry the policy "root"; they and other tokens with ttl 0 never expire (no
 * expire_time). An orphan has no parent, so revoking its creator does not revoke it.
 */

/** A login path of an AppRole mount: `auth/<mount>/login`. */
const LOGIN_PATH = /^auth\/(.+)\/login(?:\/.*)?$/;

/**
 * When the lookup happened. Live items say; a saved answer does not, but its `ttl` is what was
 * left at that moment, so `expire_time - ttl` recovers it.
 */
function observedAtOf(token: TokenItem, expiresAt: string | undefined): string | undefined {
  if (token.keyward.observedAt) return token.keyward.observedAt;
  if (expiresAt === undefined || token.ttl === undefined) return undefined;
  return new Date(Date.parse(expiresAt) - token.ttl * 1000).toISOString();
}

/** The AppRole a token was issued to, from its login path and the `role_name` Vault puts in its meta. */
function approleOf(token: TokenItem): ExternalRef | undefined {
  const mount = LOGIN_PATH.exec(token.path ?? "")?.[1];
  const roleName = token.meta.role_name;
  return mount && roleName ? approleRef(token.keyward.namespace, `auth/${mount}/role/${roleName}`) : undefined;
}

export function tokenRecords(token: TokenItem, fingerprint: Fingerprinter): KeywardRecordInput[] {
  const { namespace, environment } = token.keyward;
  const ref = { externalType: TOKEN_TYPE, externalId: `${namespacePrefix(namespace)}auth/token/accessors/${token.accessor}` };
  const createdAt = toIsoTimestamp(token.creation_time, { epoch: "s" });
  const expiresAt = vaultTime(token.expire_time);
  const policies = [...new Set(token.policies)].sort();
  const approle = approleOf(token);
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: `${token.display_name || "token"} token ${token.accessor.slice(0, 8)}`,
    type: "token",
    status: statusAt(expiresAt, observedAtOf(token, expiresAt)),
    ...(approle ? { identityRef: approle } : {}),
    ...(environment ? { environment } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(token.id ? { fingerprint: fingerprint(token.id) } : {}),
    attributes: compact({
      namespace: namespace || undefined,
      displayName: token.display_name || undefined,
      root: policies.includes("root"),
      orphan: token.orphan,
      policies,
      identityPolicies: token.identity_policies.length > 0 ? [...token.identity_policies].sort() : undefined,
      tokenType: token.type || undefined,
      ttl: token.ttl,
      creationTtl: token.creation_ttl,
      explicitMaxTtl: token.explicit_max_ttl,
      neverExpires: expiresAt === undefined && (token.ttl ?? 0) === 0 ? true : undefined,
      renewable: token.renewable,
      numUses: token.num_uses,
      path: token.path || undefined,
      entityId: token.entity_id || undefined,
      issuedAt: vaultTime(token.issue_time),
      meta: Object.keys(token.meta).length > 0 ? token.meta : undefined,
    }),
  };
  return [
    credential,
    ...(approle ? [{ kind: "edge" as const, type: "has_credential" as const, from: approle, to: ref }] : []),
    ...ownedByEdges(ref, ownerOf(token.meta, "vault.token.meta")),
  ];
}
