import type { KeywardRecordInput } from "../../sdk";
import { toIsoTimestamp } from "../../sdk";
import { parseArn } from "../arn";
import { accountRef, SECRET_TYPE } from "../external-types";
import type { SecretItem } from "../schemas";
import { compact } from "./compact";
import { conventionsFor } from "./conventions";
import { ownedByEdge, ownershipOf, tagMap } from "./ownership";

/*
 * A Secrets Manager secret: metadata only (ListSecrets never returns a value). It belongs to no
 * identity, so its owner is an `owned_by` edge from the owner tag, and it is `stored_in` its
 * account. A secret scheduled for deletion (`DeletedDate`) can no longer be read: inactive.
 * `LastAccessedDate` is a day (AWS truncates it), which is what `lastUsedAt` gets.
 */

export function secretRecords(secret: SecretItem): KeywardRecordInput[] {
  const arn = parseArn(secret.ARN);
  const accountId = arn?.accountId || secret.keyward?.accountId;
  const region = arn?.region || secret.keyward?.region;
  const ref = { externalType: SECRET_TYPE, externalId: secret.ARN };
  const ownership = ownershipOf(secret.Tags, conventionsFor(secret.keyward), secret.Description);
  const environment = ownership.environment ?? secret.keyward?.environment;
  const rules = secret.RotationRules;
  const credential: KeywardRecordInput = {
    kind: "credential",
    ...ref,
    name: secret.Name,
    type: "stored_secret",
    status: secret.DeletedDate ? "inactive" : "active",
    ...(environment ? { environment } : {}),
    ...compact({
      createdAt: toIsoTimestamp(secret.CreatedDate),
      lastRotatedAt: toIsoTimestamp(secret.LastRotatedDate),
      lastUsedAt: toIsoTimestamp(secret.LastAccessedDate),
    }),
    attributes: compact({
      arn: secret.ARN,
      accountId,
      region,
      description: secret.Description,
      rotationEnabled: secret.RotationEnabled ?? false,
      rotationLambdaArn: secret.RotationLambdaARN,
      rotationAfterDays: rules?.AutomaticallyAfterDays,
      rotationSchedule: rules?.ScheduleExpression,
      rotationWindow: rules?.Duration,
      nextRotationAt: toIsoTimestamp(secret.NextRotationDate),
      lastChangedAt: toIsoTimestamp(secret.LastChangedDate),
      scheduledDeletionAt: toIsoTimestamp(secret.DeletedDate),
      kmsKeyId: secret.KmsKeyId,
      // Secrets another service created and rotates for itself (e.g. "rds" master passwords).
      owningService: secret.OwningService,
      primaryRegion: secret.PrimaryRegion,
    }),
    tags: tagMap(secret.Tags),
  };
  const storedIn: KeywardRecordInput[] = accountId
    ? [{ kind: "edge", type: "stored_in", from: ref, to: accountRef(accountId), attributes: compact({ service: "secretsmanager", region }) }]
    : [];
  return [credential, ...storedIn, ...ownedByEdge(ref, ownership)];
}
