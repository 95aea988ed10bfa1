import { defineStream, SdkError } from "../sdk";
import { SECRET_TYPE, SERVER_TYPE } from "./external-types";
import { configFileItemSchema, type ConfigFileItem } from "./schemas";
import { configRecords } from "./transform/server-records";

/** One item per agent config file: an entry's secrets need the file's VS Code inputs. */
export const configsStream = defineStream<unknown, ConfigFileItem>({
  name: "configs",
  externalTypes: [SERVER_TYPE, SECRET_TYPE],
  item: configFileItemSchema,
  // Agent configs are files found in repositories. Throwing, not returning [], keeps a
  // misconfigured live sync from retiring every server found so far.
  list: async () => {
    throw new SdkError("offline_only", "MCP agent configs are loaded with `keyward import`");
  },
  transform: (item, { fingerprint }) => configRecords(item, fingerprint),
});
