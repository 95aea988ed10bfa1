import { z } from "zod";
import type { CheckResult, ConnectorContext, PermissionRequirement, Scope, StreamDefinition } from "./connector-types";
import { ConnectorDefinitionError } from "./errors";
import type { FormatDefinition } from "./format-types";

/** Provider ids are stored on every record's source and appear in exports: a lowercase slug. */
export const PROVIDER_PATTERN = /^[a-z][a-z0-9-]*$/;

type ConfigOf<S extends z.ZodObject> = z.output<S>;

/** Options of `defineConnector`. */
export interface ConnectorOptions<S extends z.ZodObject> {
  /** Provider id, e.g. "aws", "github", "vault". */
  provider: string;
  displayName: string;
  /** Validates the source's config (secret fields included) before any connector code runs. */
  configSchema: S;
  /** Config keys holding secrets: encrypted at rest and never sent back to any client. */
  secretFields: readonly (keyof ConfigOf<S> & string)[];
  /** Read-only permissions the connector needs, for the setup page and least-privilege review. */
  permissions: readonly PermissionRequirement[];
  /** Cheap credential/permission probe for "Test connection". */
  check(ctx: ConnectorContext<ConfigOf<S>>): Promise<CheckResult>;
  /** The units to sync (accounts × regions, orgs, clusters…). */
  scopes(ctx: ConnectorContext<ConfigOf<S>>): Promise<Scope[]>;
  streams: readonly StreamDefinition<ConfigOf<S>>[];
  /** Offline export formats that parse files into this connector's stream items. */
  formats?: readonly FormatDefinition[];
}

/** A validated, frozen connector. */
export interface ConnectorDefinition<S extends z.ZodObject = z.ZodObject> {
  readonly provider: string;
  readonly displayName: string;
  readonly configSchema: S;
  readonly secretFields: readonly (keyof ConfigOf<S> & string)[];
  readonly permissions: readonly PermissionRequirement[];
  check(ctx: ConnectorContext<ConfigOf<S>>): Promise<CheckResult>;
  scopes(ctx: ConnectorContext<ConfigOf<S>>): Promise<Scope[]>;
  readonly streams: readonly StreamDefinition<ConfigOf<S>>[];
  readonly formats: readonly FormatDefinition[];
}

/** Any connector, for registries that hold several providers. */
export type AnyConnectorDefinition = ConnectorDefinition<z.ZodObject>;

const fail = (code: ConstructorParameters<typeof ConnectorDefinitionError>[0], message: string): never => {
  throw new ConnectorDefinitionError(code, message);
};

/**
 * Validates and freezes a connector. Inconsistencies that would corrupt a sync — two streams
 * owning one external type would let one stream's sweep retire the other's records — are
 * refused here, at import time, rather than discovered in production.
 */
export function defineConnector<S extends z.ZodObject>(options: ConnectorOptions<S>): ConnectorDefinition<S> {
  const { provider, configSchema, streams } = options;
  if (!PROVIDER_PATTERN.test(provider)) fail("invalid_provider", `provider "${provider}" must match ${PROVIDER_PATTERN}`);
  if (!(configSchema instanceof z.ZodObject)) fail("invalid_config_schema", `${provider}: configSchema must be a z.object`);
  for (const field of options.secretFields) {
    if (!Object.hasOwn(configSchema.shape, field)) {
      fail("unknown_secret_field", `${provider}: secret field "${field}" is not in configSchema`);
    }
  }
  const byName = new Map<string, StreamDefinition<ConfigOf<S>>>();
  const owner = new Map<string, string>();
  for (const stream of streams) {
    if (byName.has(stream.name)) fail("duplicate_stream", `${provider}: stream "${stream.name}" is defined twice`);
    byName.set(stream.name, stream);
    for (const type of stream.externalTypes) {
      const previous = owner.get(type);
      if (previous !== undefined) {
        fail("duplicate_external_type", `${provider}: "${type}" is owned by streams "${previous}" and "${stream.name}"`);
      }
      owner.set(type, stream.name);
    }
    if (stream.configSchema !== undefined && stream.configSchema !== configSchema) {
      fail("config_schema_mismatch", `${provider}: stream "${stream.name}" was typed against another config schema`);
    }
  }
  checkParents(provider, byName);
  for (const { stream } of options.permissions) {
    if (stream !== undefined && !byName.has(stream)) {
      fail("unknown_permission_stream", `${provider}: permission names unknown stream "${stream}"`);
    }
  }
  const formats = options.formats ?? [];
  const formatIds = new Set<string>();
  for (const format of formats) {
    if (formatIds.has(format.id)) fail("duplicate_format", `${provider}: format "${format.id}" is defined twice`);
    formatIds.add(format.id);
  }
  return Object.freeze({
    provider,
    displayName: options.displayName,
    configSchema,
    secretFields: Object.freeze([...options.secretFields]),
    permissions: Object.freeze(options.permissions.map((p) => Object.freeze({ ...p }))),
    check: options.check,
    scopes: options.scopes,
    streams: Object.freeze([...streams]),
    formats: Object.freeze([...formats]),
  });
}

/** Every parent must exist, expose `parentKey`, and the parent chain must end. */
function checkParents(provider: string, byName: ReadonlyMap<string, StreamDefinition<never>>): void {
  for (const stream of byName.values()) {
    const seen = new Set<string>([stream.name]);
    let current = stream;
    while (current.parent !== undefined) {
      const parent = byName.get(current.parent);
      if (!parent) return fail("unknown_parent_stream", `${provider}: "${current.name}" has unknown parent "${current.parent}"`);
      if (!parent.parentKey) return fail("missing_parent_key", `${provider}: parent stream "${parent.name}" needs parentKey`);
      if (seen.has(parent.name)) return fail("parent_cycle", `${provider}: stream parents form a cycle at "${parent.name}"`);
      seen.add(parent.name);
      current = parent;
    }
  }
}
