import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { AnyConnectorDefinition } from "@/connectors/sdk";
import { AppError } from "@/lib/errors";
import { describeConfigFields } from "@/lib/sources/config-fields";
import { readConfigForm, splitSecrets, type ConfigFormValues } from "@/lib/sources/config-input";
import { configInputName } from "@/lib/sources/source-form";

export type CheckedConfig = {
  /** Stored as sources.config: shown again on the form. */
  plain: Record<string, unknown>;
  /** Secret fields to keep, the stored ones merged with those given now; encrypted before storing. */
  secrets: Record<string, unknown>;
  /** Names (never values) of the top-level fields that differ from `before`, for the audit log. */
  changed: string[];
};

/** Points an error at the form input of a config path. */
function atInput(error: unknown): never {
  if (error instanceof AppError && error.code === "INVALID_INPUT" && error.field) {
    throw new AppError("INVALID_INPUT", error.message, configInputName(error.field));
  }
  throw error;
}

/**
 * Reads the submitted config form and checks it against the connector's schema as the worker
 * will parse it: stored secrets merged with new ones (an empty secret input keeps the stored value).
 * A failing check names the field and the schema's message — zod's messages do not repeat input.
 */
export function checkConfig(
  connector: AnyConnectorDefinition,
  values: ConfigFormValues,
  before: { plain: Record<string, unknown>; secrets: Record<string, unknown> } = { plain: {}, secrets: {} },
): CheckedConfig {
  let config: Record<string, unknown>;
  try {
    config = readConfigForm(describeConfigFields(connector.configSchema, connector.secretFields), values);
  } catch (error) {
    atInput(error);
  }
  const given = splitSecrets(config, connector.secretFields);
  const secrets = { ...before.secrets, ...given.secrets };
  const parsed = connector.configSchema.safeParse({ ...given.plain, ...secrets });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join(".");
    throw new AppError("INVALID_INPUT", `${path || "Configuration"}: ${issue.message}`, path ? configInputName(path) : undefined);
  }
  const keys = new Set([...Object.keys(before.plain), ...Object.keys(given.plain), ...Object.keys(secrets), ...Object.keys(before.secrets)]);
  const changed = [...keys].filter((key) =>
    connector.secretFields.includes(key) ? !isDeepStrictEqual(before.secrets[key], secrets[key]) : !isDeepStrictEqual(before.plain[key], given.plain[key]),
  );
  return { plain: given.plain, secrets, changed: changed.sort() };
}
