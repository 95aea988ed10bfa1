import type { KeywardRecordInput } from "../../sdk";
import { toIsoTimestamp } from "../../sdk";
import { ACCESS_KEY_TYPE, userRef } from "../external-types";
import type { AccessKeyItem } from "../schemas";
import { compact } from "./compact";

/*
 * An access key, keyed by its id (not a secret: it is printed everywhere and is how a leaked key is
 * recognised), whichever export it came from. GetAccessKeyLastUsed answers `ServiceName: "N/A"` and
 * no date for a key never used; `list-access-keys` alone carries no last use at all, which is said
 * with `usageTracked: false` so that `never-used` does not fire on an export that cannot know.
 */

const STATUS = { Active: "active", Inactive: "inactive", Expired: "expired" } as const;

const known = (value: string | undefined) => (value && value !== "N/A" ? value : undefined);

export function accessKeyRecords(key: AccessKeyItem): KeywardRecordInput[] {
  const context = key.keyward;
  const accountId = context?.accountId;
  const owner = accountId ? userRef(accountId, key.UserName, context?.partition) : undefined;
  const ref = { externalType: ACCESS_KEY_TYPE, externalId: key.AccessKeyId };
  const lastUsed = key.AccessKeyLastUsed;
  const lastUsedAt = toIsoTimestamp(lastUsed?.LastUsedDate);
  const usageTracked = context?.usageTracked ?? lastUsed !== undefined;
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: `${key.UserName} ${key.AccessKeyId}`,
    type: "access_key",
    status: STATUS[key.Status],
    ...(owner ? { identityRef: owner } : {}),
    ...(context?.environment ? { environment: context.environment } : {}),
    ...compact({ createdAt: toIsoTimestamp(key.CreateDate), lastUsedAt }),
    attributes: compact({
      accessKeyId: key.AccessKeyId,
      userName: key.UserName,
      accountId,
      // AKIA… are long-term user keys; ASIA… temporary (STS) keys.
      longTerm: key.AccessKeyId.startsWith("AKIA"),
      lastUsedService: known(lastUsed?.ServiceName),
      lastUsedRegion: known(lastUsed?.Region),
      neverUsed: usageTracked ? lastUsedAt === undefined : undefined,
      usageTracked: usageTracked ? undefined : false,
    }),
  };
  return owner ? [credential, { kind: "edge", type: "has_credential", from: owner, to: ref }] : [credential];
}
