import { z } from "zod";
import { defineConnector } from "../sdk";
import { stateV4Format } from "./formats/state-v4";
import { statesStream } from "./stream";

export const terraformConfigSchema = z.strictObject({});

/**
 * Terraform state files: credentials Terraform created (IAM access keys, TLS private keys,
 * generated passwords, service-account keys, Entra client secrets…) sit in the state in clear
 * text. Each becomes a credential located in the state, fingerprinted, linked to its holder.
 * Offline only: states are read from files, never from a backend.
 */
export const terraformConnector = defineConnector({
  provider: "terraform",
  displayName: "Terraform state",
  configSchema: terraformConfigSchema,
  secretFields: [],
  permissions: [],
  check: async () => ({
    ok: true,
    detail: "Terraform states are files; export with terraform state pull and load them with keyward import",
  }),
  scopes: async () => [{ id: "import", label: "Imported files" }],
  streams: [statesStream],
  formats: [stateV4Format],
});
