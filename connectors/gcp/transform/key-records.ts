import { toIsoTimestamp, type CredentialStatus, type KeywardRecordInput } from "../../sdk";
import { serviceAccountKeyRef, serviceAccountRef } from "../external-types";
import { SERVICE_ACCOUNT_KEY_NAME, type ServiceAccountKeyItem } from "../schemas";
import { compact } from "./compact";

/*
 * A service-account key as a `private_key` credential of its account. The account and project
 * come from the key's resource name, so keys need no parent offline. Google-held keys
 * (SYSTEM_MANAGED) are recorded too, marked `keyType: "SYSTEM_MANAGED"`: the policies leave them
 * out of the age, expiry, use and key-count rules, since nobody can download or leak them.
 */

/** Google's "never expires": user-managed keys are valid until 9999-12-31T23:59:59Z. */
const NEVER_EXPIRES_FROM_YEAR = 9999;

const KEY_ALGORITHM = /^KEY_ALG_([A-Z]+)_(\d+)$/;

/** Disable reasons meaning Google found the private key somewhere public. */
const EXPOSED = /EXPOSED|COMPROMISE/;

/** `neverExpires` is undefined when Google gave no end at all: unknown, not "never". */
function validity(key: ServiceAccountKeyItem): { createdAt?: string; expiresAt?: string; neverExpires?: true } {
  const createdAt = toIsoTimestamp(key.validAfterTime);
  const before = toIsoTimestamp(key.validBeforeTime);
  const never = before !== undefined && new Date(before).getUTCFullYear() >= NEVER_EXPIRES_FROM_YEAR;
  return {
    ...(createdAt ? { createdAt } : {}),
    ...(before && !never ? { expiresAt: before } : {}),
    ...(never ? { neverExpires: true } : {}),
  };
}

function statusOf(key: ServiceAccountKeyItem, expiresAt: string | undefined): CredentialStatus {
  if (key.disabled === true) return "inactive";
  const observedAt = key.keyward.observedAt;
  return expiresAt && observedAt && Date.parse(expiresAt) <= Date.parse(observedAt) ? "expired" : "active";
}

export function serviceAccountKeyRecords(key: ServiceAccountKeyItem): KeywardRecordInput[] {
  const [, projectId = "", account = "", keyId = ""] = SERVICE_ACCOUNT_KEY_NAME.exec(key.name) ?? [];
  const { createdAt, expiresAt, neverExpires } = validity(key);
  const algorithm = KEY_ALGORITHM.exec(key.keyAlgorithm ?? "");
  const exposed = [key.disableReason, ...key.extendedStatus.map((status) => status.key)].some((text) => text && EXPOSED.test(text));
  const environment = key.keyward.environment;
  const ref = serviceAccountKeyRef(keyId);
  const holder = serviceAccountRef(account);
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: `${account.split("@")[0]} key ${keyId.slice(0, 8)}`,
    type: "private_key",
    status: statusOf(key, expiresAt),
    identityRef: holder,
    ...(environment ? { environment } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(algorithm ? { algorithm: algorithm[1], keySize: Number(algorithm[2]) } : {}),
    attributes: compact({
      keyId,
      keyType: key.keyType,
      keyOrigin: key.keyOrigin,
      projectId,
      serviceAccount: holder.externalId,
      neverExpires,
      disableReason: key.disableReason,
      exposed: exposed || undefined,
      // keys.list reports no last use (Policy Intelligence does, separately).
      usageTracked: false,
    }),
  };
  return [credential, { kind: "edge", type: "has_credential", from: holder, to: ref }];
}
