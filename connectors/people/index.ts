import { z } from "zod";
import { defineConnector } from "../sdk";
import { peopleCsvFormat } from "./formats/people-csv";
import { peopleJsonFormat } from "./formats/people-json";
import { peopleStream } from "./stream";

export const peopleConfigSchema = z.strictObject({});

/**
 * The people directory (CSV or JSON export of HR or the IdP): who can own an identity, their team
 * and manager, and who left — what makes an "orphaned" identity detectable.
 */
export const peopleConnector = defineConnector({
  provider: "people",
  displayName: "People directory",
  configSchema: peopleConfigSchema,
  secretFields: [],
  permissions: [],
  check: async () => ({ ok: true, detail: "people directories are files; load them with keyward import" }),
  scopes: async () => [{ id: "import", label: "Imported files" }],
  streams: [peopleStream],
  formats: [peopleCsvFormat, peopleJsonFormat],
});
