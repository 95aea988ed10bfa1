import { defineStream, SdkError, type KeywardRecordInput } from "../sdk";
import { personItemSchema, type PersonItem } from "./schemas";

/** Owned by the people stream; persons are keyed by lowercased e-mail. */
export const PEOPLE_EXTERNAL_TYPE = "people.person";

export function personRecord(person: PersonItem): KeywardRecordInput {
  return {
    kind: "person",
    externalId: person.email,
    email: person.email,
    status: person.status,
    ...(person.name ? { name: person.name } : {}),
    ...(person.team ? { team: person.team } : {}),
    ...(person.manager ? { managerEmail: person.manager } : {}),
  };
}

export const peopleStream = defineStream<unknown, PersonItem>({
  name: "people",
  externalTypes: [PEOPLE_EXTERNAL_TYPE],
  item: personItemSchema,
  // Directories arrive as files for now (the IdP connector will list them live). Throwing, not
  // returning [], keeps a misconfigured live sync from retiring everyone.
  list: async () => {
    throw new SdkError("offline_only", "people directories are loaded with `keyward import`");
  },
  transform: (person) => [personRecord(person)],
});
