import { defineStream, type KeywardRecordInput } from "../../sdk";
import { RESOURCE_EXTERNAL_TYPES } from "../external-types";
import { resourceEntrySchema, type ResourceEntry } from "../schemas";
import { compact, isGone, listOfflineOnly } from "./entry-helpers";

export function resourceRecords(entry: ResourceEntry): KeywardRecordInput[] {
  if (isGone(entry)) return [];
  return [
    {
      kind: "resource",
      externalType: entry.externalType,
      externalId: entry.externalId,
      name: entry.name,
      type: entry.type,
      ...compact({ environment: entry.environment }),
      attributes: entry.attributes ?? {},
    },
  ];
}

export const resourcesStream = defineStream<unknown, ResourceEntry>({
  name: "resources",
  externalTypes: RESOURCE_EXTERNAL_TYPES,
  item: resourceEntrySchema,
  list: listOfflineOnly,
  transform: resourceRecords,
});
