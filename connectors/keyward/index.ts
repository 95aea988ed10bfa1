import { z } from "zod";
import { defineConnector } from "../sdk";
import { inventoryCsvFormat } from "./formats/inventory-csv";
import { inventoryJsonFormat } from "./formats/inventory-json";
import { credentialsStream } from "./streams/credentials";
import { edgesStream } from "./streams/edges";
import { identitiesStream } from "./streams/identities";
import { peopleStream } from "./streams/people";
import { resourcesStream } from "./streams/resources";

/** Keyward's own format has nothing to configure: it is files (and later the push API). */
export const keywardConfigSchema = z.strictObject({});

/**
 * Keyward's own inventory format: anything no provider connector covers, and the re-import of
 * `keyward export`. Offline only. Streams are listed in load order: nodes before the credentials
 * and edges that point at them.
 */
export const keywardConnector = defineConnector({
  provider: "keyward",
  displayName: "Keyward format",
  configSchema: keywardConfigSchema,
  secretFields: [],
  permissions: [],
  check: async () => ({ ok: true, detail: "Keyward-format sources need no connection; load them with keyward import" }),
  scopes: async () => [{ id: "import", label: "Imported files" }],
  streams: [identitiesStream, resourcesStream, credentialsStream, peopleStream, edgesStream],
  formats: [inventoryJsonFormat, inventoryCsvFormat],
});
