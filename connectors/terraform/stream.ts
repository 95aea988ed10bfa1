import { defineStream, SdkError } from "../sdk";
import { CREDENTIAL_TYPE, STATE_TYPE } from "./external-types";
import { stateFileItemSchema, type StateFileItem } from "./schemas";
import { stateRecords } from "./transform/state-records";

/** One item per state file: the transform needs the whole state to link a key to its user. */
export const statesStream = defineStream<unknown, StateFileItem>({
  name: "states",
  externalTypes: [STATE_TYPE, CREDENTIAL_TYPE],
  item: stateFileItemSchema,
  // States arrive as files (`terraform state pull`). Throwing, not returning [], keeps a
  // misconfigured live sync from retiring every credential found so far.
  list: async () => {
    throw new SdkError("offline_only", "Terraform states are loaded with `keyward import` (terraform state pull > x.tfstate)");
  },
  transform: (item, { fingerprint }) => stateRecords(item, fingerprint),
});
