import "server-only";
import { allConnectors, findConnector } from "@/connectors/registry";
import type { AnyConnectorDefinition } from "@/connectors/sdk";
import { AppError } from "@/lib/errors";
import { describeConfigFields, type ConfigField } from "@/lib/sources/config-fields";

/** A connector as the Sources page shows it: plain data, no code (the web layer never imports connectors). */
export type ConnectorTypeDto = {
  provider: string;
  displayName: string;
  fields: ConfigField[];
  secretFields: string[];
  permissions: { stream: string | null; permission: string; why: string }[];
  /**
   * False for connectors that only read files (Keyward format, people directory): they have
   * nothing to configure, their streams refuse to list, and they are filled by import only.
   */
  liveSync: boolean;
  offlineFormats: string[];
};

/** A connector with no config fields cannot reach anything: it is a files-only connector. */
export function canSyncLive(connector: AnyConnectorDefinition): boolean {
  return Object.keys(connector.configSchema.shape).length > 0;
}

export function toConnectorType(connector: AnyConnectorDefinition): ConnectorTypeDto {
  return {
    provider: connector.provider,
    displayName: connector.displayName,
    fields: describeConfigFields(connector.configSchema, connector.secretFields),
    secretFields: [...connector.secretFields],
    permissions: connector.permissions.map((p) => ({ stream: p.stream ?? null, permission: p.permission, why: p.why })),
    liveSync: canSyncLive(connector),
    offlineFormats: connector.formats.map((f) => f.id),
  };
}

/** Every connector a source can be made of, in the registry's order. */
export function listConnectorTypes(): ConnectorTypeDto[] {
  return allConnectors().map(toConnectorType);
}

/** The form and permissions of a provider's connector, or null when none is installed. */
export function findConnectorType(provider: string): ConnectorTypeDto | null {
  const connector = findConnector(provider);
  return connector ? toConnectorType(connector) : null;
}

/** The connector of a provider, or INVALID_INPUT naming the `provider` field. */
export function connectorOf(provider: string): AnyConnectorDefinition {
  const connector = findConnector(provider);
  if (!connector) throw new AppError("INVALID_INPUT", `No connector for provider "${provider}".`, "provider");
  return connector;
}
