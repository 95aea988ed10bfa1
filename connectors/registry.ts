import type { AnyConnectorDefinition, FormatDefinition } from "./sdk";
import { awsConnector } from "./aws";
import { azureConnector } from "./azure";
import { certificatesConnector } from "./certificates";
import { codeConnector } from "./code";
import { databaseRolesConnector } from "./database-roles";
import { gcpConnector } from "./gcp";
import { githubConnector } from "./github";
import { gitlabConnector } from "./gitlab";
import { keywardConnector } from "./keyward";
import { kubernetesConnector } from "./kubernetes";
import { mcpConnector } from "./mcp";
import { peopleConnector } from "./people";
import { terraformConnector } from "./terraform";
import { vaultConnector } from "./vault";

/*
 * Provider → connector. Imported only by lib/sync and the CLI (ENGINEERING.md boundary 2): the web
 * layer reaches connectors through them.
 */

const CONNECTORS: readonly AnyConnectorDefinition[] = [
  keywardConnector,
  peopleConnector,
  certificatesConnector,
  databaseRolesConnector,
  azureConnector,
  awsConnector,
  gcpConnector,
  kubernetesConnector,
  vaultConnector,
  githubConnector,
  gitlabConnector,
  codeConnector,
  terraformConnector,
  mcpConnector,
];

const BY_PROVIDER: ReadonlyMap<string, AnyConnectorDefinition> = new Map(CONNECTORS.map((c) => [c.provider, c]));

/** Thrown for a provider no connector implements. */
export class UnknownProviderError extends Error {
  readonly code = "unknown_provider";
  constructor(readonly provider: string) {
    super(`no connector for provider "${provider}"`);
  }
}

/** Every registered connector, in a stable order. */
export function allConnectors(): readonly AnyConnectorDefinition[] {
  return CONNECTORS;
}

export function findConnector(provider: string): AnyConnectorDefinition | undefined {
  return BY_PROVIDER.get(provider);
}

export function getConnector(provider: string): AnyConnectorDefinition {
  const connector = BY_PROVIDER.get(provider);
  if (!connector) throw new UnknownProviderError(provider);
  return connector;
}

/** A format together with the connector whose streams load what it parses. */
export type RegisteredFormat = { readonly format: FormatDefinition; readonly connector: AnyConnectorDefinition };

const FORMATS: readonly RegisteredFormat[] = CONNECTORS.flatMap((connector) =>
  connector.formats.map((format) => ({ format, connector })),
);

/** Every offline format of every connector, for `detectFormat`. */
export function allFormats(): readonly FormatDefinition[] {
  return FORMATS.map((entry) => entry.format);
}

/** The connector a detected format belongs to (format ids are unique across connectors). */
export function connectorOfFormat(format: FormatDefinition): AnyConnectorDefinition {
  const entry = FORMATS.find((candidate) => candidate.format === format || candidate.format.id === format.id);
  if (!entry) throw new UnknownProviderError(`format ${format.id}`);
  return entry.connector;
}
