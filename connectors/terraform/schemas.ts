import { z } from "zod";

/*
 * Terraform state, format version 4 (Terraform ≥ 0.12), as `terraform state pull` prints it and
 * as backends store it. Only what the connector reads is declared; everything else (check
 * results, dependencies, private blobs) passes through unread.
 */

export const instanceSchema = z.looseObject({
  /** Absent without count/for_each; a number with count, a string with for_each. */
  index_key: z.union([z.string(), z.number()]).optional(),
  attributes: z.record(z.string(), z.unknown()).default({}),
  /** Paths (lists of steps) of values the provider schema marks sensitive; read leniently in generic-secrets.ts. */
  sensitive_attributes: z.array(z.unknown()).default([]),
});
export type StateInstance = z.output<typeof instanceSchema>;

export const resourceSchema = z.looseObject({
  /** `module.a` or `module.a["x"].module.b`; absent in the root module. */
  module: z.string().optional(),
  mode: z.enum(["managed", "data"]),
  type: z.string().min(1),
  name: z.string().min(1),
  provider: z.string().optional(),
  instances: z.array(instanceSchema).default([]),
});
export type StateResource = z.output<typeof resourceSchema>;

export const outputSchema = z.looseObject({ value: z.unknown(), sensitive: z.boolean().optional() });

export const stateV4Schema = z.looseObject({
  version: z.literal(4),
  terraform_version: z.string().min(1),
  serial: z.number().int().nonnegative(),
  lineage: z.string().min(1),
  outputs: z.record(z.string(), outputSchema).default({}),
  resources: z.array(resourceSchema).default([]),
});
export type StateV4 = z.output<typeof stateV4Schema>;

/** Item of the `states` stream: one state file, with its path relative to the import root. */
export const stateFileItemSchema = z.strictObject({ path: z.string().min(1), state: stateV4Schema });
export type StateFileItem = z.output<typeof stateFileItemSchema>;
