import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ConfigFormValues } from "@/lib/sources/config-input";

/**
 * Inputs of the generated config form are named `config.<path>` so that a connector field can
 * never collide with the source's own fields (`name`, `provider`…).
 */
export const CONFIG_INPUT_PREFIX = "config.";

/** Longest source name: it is shown in tables and named in exports. */
export const MAX_SOURCE_NAME_CHARS = 100;

export const sourceNameSchema = z
  .string({ error: "Give the source a name." })
  .trim()
  .min(1, "Give the source a name.")
  .max(MAX_SOURCE_NAME_CHARS, `Keep the name under ${MAX_SOURCE_NAME_CHARS} characters.`)
  .regex(/^[^\p{Cc}]*$/u, "The name must be printable text.");

const formSchema = z.record(z.string(), z.unknown());

/** The `config.*` inputs of a submitted form, by field path (files and other non-text values dropped). */
export function configValuesOf(input: unknown): ConfigFormValues {
  const parsed = formSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "The form could not be read.");
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (key.startsWith(CONFIG_INPUT_PREFIX) && typeof value === "string") values[key.slice(CONFIG_INPUT_PREFIX.length)] = value;
  }
  return values;
}

/** A field path of the config as the form names its input (errors point at inputs). */
export function configInputName(path: string): string {
  return `${CONFIG_INPUT_PREFIX}${path}`;
}
