import type { KeywardRecordInput } from "../../sdk";
import { approleRef, SECRET_ID_TYPE } from "../external-types";
import type { SecretIdItem } from "../schemas";
import { splitRolePath } from "./approle-records";
import { compact } from "./compact";
import { statusAt, vaultTime } from "./expiry";
import { ownedByEdges, ownerOf } from "./owner";

/**
 * A secret id of an AppRole as a `client_secret` credential of the role, known by its accessor
 * (the secret id itself is never listed by Vault, nor read here). `secret_id_ttl` 0 and the zero
 * `expiration_time` both mean it never expires.
 */
export function secretIdRecords(secretId: SecretIdItem): KeywardRecordInput[] {
  const { namespace, environment, observedAt, rolePath } = secretId.keyward;
  const { roleName } = splitRolePath(rolePath);
  const role = approleRef(namespace, rolePath);
  const ref = { externalType: SECRET_ID_TYPE, externalId: `${role.externalId}/secret-id/${secretId.secret_id_accessor}` };
  const createdAt = vaultTime(secretId.creation_time);
  const expiresAt = vaultTime(secretId.expiration_time);
  const neverExpires = expiresAt === undefined && (secretId.secret_id_ttl ?? 0) === 0;
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: `${roleName} secret ID ${secretId.secret_id_accessor.slice(0, 8)}`,
    type: "client_secret",
    status: statusAt(expiresAt, observedAt),
    identityRef: role,
    ...(environment ? { environment } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    attributes: compact({
      namespace: namespace || undefined,
      secretIdTtl: secretId.secret_id_ttl,
      neverExpires: neverExpires || undefined,
      numUses: secretId.secret_id_num_uses,
      unlimitedUses: secretId.secret_id_num_uses === 0 ? true : undefined,
      cidrList: secretId.cidr_list,
      tokenBoundCidrs: secretId.token_bound_cidrs,
      lastUpdatedAt: vaultTime(secretId.last_updated_time),
      metadata: secretId.metadata,
    }),
  };
  return [
    credential,
    { kind: "edge", type: "has_credential", from: role, to: ref },
    ...ownedByEdges(ref, ownerOf(secretId.metadata, "vault.secret_id.metadata")),
  ];
}
