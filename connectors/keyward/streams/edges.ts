import { defineStream, type KeywardRecordInput } from "../../sdk";
import { EDGE_EXTERNAL_TYPE } from "../external-types";
import { edgeEntrySchema, type EdgeEntry } from "../schemas";
import { compact, isGone, listOfflineOnly } from "./entry-helpers";

/** Edge ends may name records of any type, in this source or another one. */
export function edgeRecords(entry: EdgeEntry): KeywardRecordInput[] {
  if (isGone(entry)) return [];
  return [
    {
      kind: "edge",
      type: entry.type,
      from: entry.from,
      to: entry.to,
      ...compact({ level: entry.level }),
      attributes: entry.attributes ?? {},
    },
  ];
}

export const edgesStream = defineStream<unknown, EdgeEntry>({
  name: "edges",
  externalTypes: [EDGE_EXTERNAL_TYPE],
  item: edgeEntrySchema,
  list: listOfflineOnly,
  transform: edgeRecords,
});
