import { defineStream, type KeywardRecordInput } from "../../sdk";
import { IDENTITY_EXTERNAL_TYPES } from "../external-types";
import { identityEntrySchema, type IdentityEntry } from "../schemas";
import { DEFAULT_OWNER_PROVENANCE, compact, isGone, listOfflineOnly, ts } from "./entry-helpers";

export function identityRecords(entry: IdentityEntry): KeywardRecordInput[] {
  if (isGone(entry)) return [];
  const owner = entry.owner;
  const ownerHint = owner
    ? compact({ email: owner.email, team: owner.team, provenance: owner.provenance ?? DEFAULT_OWNER_PROVENANCE })
    : undefined;
  return [
    {
      kind: "identity",
      externalType: entry.externalType,
      externalId: entry.externalId,
      name: entry.name,
      type: entry.type,
      ...compact({
        status: entry.status as Exclude<IdentityEntry["status"], "gone">,
        environment: entry.environment,
        createdAt: ts(entry.createdAt),
        lastActivityAt: ts(entry.lastActivityAt),
        isHuman: entry.isHuman,
        interactive: entry.interactive,
        purpose: entry.purpose,
        endDate: ts(entry.endDate),
        businessService: entry.businessService,
        ownerHint,
      }),
      attributes: entry.attributes ?? {},
      tags: entry.tags ?? {},
    },
  ];
}

export const identitiesStream = defineStream<unknown, IdentityEntry>({
  name: "identities",
  externalTypes: IDENTITY_EXTERNAL_TYPES,
  item: identityEntrySchema,
  list: listOfflineOnly,
  transform: identityRecords,
});
