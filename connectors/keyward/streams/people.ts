import { defineStream, type KeywardRecordInput } from "../../sdk";
import { PERSON_EXTERNAL_TYPE } from "../external-types";
import { personEntrySchema, type PersonEntry } from "../schemas";
import { compact, isGone, listOfflineOnly } from "./entry-helpers";

/** People are keyed by lowercased e-mail (the schema lowercases), whatever `externalId` an export shows. */
export function personRecords(entry: PersonEntry): KeywardRecordInput[] {
  if (isGone(entry)) return [];
  return [
    {
      kind: "person",
      externalId: entry.email,
      email: entry.email,
      status: entry.status === "left" ? "left" : "active",
      ...compact({ name: entry.name, team: entry.team, managerEmail: entry.manager }),
    },
  ];
}

export const peopleStream = defineStream<unknown, PersonEntry>({
  name: "people",
  externalTypes: [PERSON_EXTERNAL_TYPE],
  item: personEntrySchema,
  list: listOfflineOnly,
  transform: personRecords,
});
