import type { KeywardRecordInput } from "../../sdk";
import { approleRef, mountRef } from "../external-types";
import type { ApproleRoleItem } from "../schemas";
import { compact } from "./compact";

/** `auth/<mount>/role/<name>` → its mount's API path and the role name. */
export function splitRolePath(rolePath: string): { mountPath: string; roleName: string } {
  const at = rolePath.lastIndexOf("/role/");
  return { mountPath: rolePath.slice(0, at + 1), roleName: rolePath.slice(at + "/role/".length) };
}

/**
 * An AppRole as a `vault_approle` identity. TTLs are Vault's seconds; 0 means "the mount's
 * default" for token TTLs but "never" for `secret_id_ttl` and "unlimited" for the use counts,
 * which the attributes spell out (`secretIdNeverExpires`, `secretIdUnlimitedUses`) because a
 * policy reading a bare 0 would take it for "expires at once".
 */
export function approleRecords(role: ApproleRoleItem): KeywardRecordInput[] {
  const { namespace, environment, rolePath } = role.keyward;
  const { mountPath, roleName } = splitRolePath(rolePath);
  const ref = approleRef(namespace, rolePath);
  const bindsSecretId = role.bind_secret_id !== false;
  const policies = [...new Set([...role.token_policies, ...role.policies])].sort();
  const identity: KeywardRecordInput = {
    kind: "identity",
    ...ref,
    name: mountPath === "auth/approle/" ? roleName : `${roleName} (${mountPath})`,
    type: "vault_approle",
    status: "active",
    isHuman: false,
    interactive: false,
    ...(environment ? { environment } : {}),
    attributes: compact({
      namespace: namespace || undefined,
      mount: mountPath,
      roleName,
      bindSecretId: bindsSecretId,
      secretIdTtl: role.secret_id_ttl,
      secretIdNeverExpires: bindsSecretId && role.secret_id_ttl === 0 ? true : undefined,
      secretIdNumUses: role.secret_id_num_uses,
      secretIdUnlimitedUses: bindsSecretId && role.secret_id_num_uses === 0 ? true : undefined,
      secretIdBoundCidrs: role.secret_id_bound_cidrs,
      tokenBoundCidrs: role.token_bound_cidrs,
      // Neither a secret id nor a CIDR binds the login: anyone with the role id gets a token.
      unboundLogin:
        !bindsSecretId && role.secret_id_bound_cidrs.length === 0 && role.token_bound_cidrs.length === 0 ? true : undefined,
      tokenTtl: role.token_ttl,
      tokenMaxTtl: role.token_max_ttl,
      tokenExplicitMaxTtl: role.token_explicit_max_ttl,
      tokenPeriod: role.token_period,
      tokenNumUses: role.token_num_uses,
      tokenType: role.token_type,
      tokenPolicies: policies,
      tokenNoDefaultPolicy: role.token_no_default_policy,
      rootPolicy: policies.includes("root") ? true : undefined,
      localSecretIds: role.local_secret_ids,
    }),
  };
  return [identity, { kind: "edge", type: "member_of", from: ref, to: mountRef(namespace, mountPath) }];
}
