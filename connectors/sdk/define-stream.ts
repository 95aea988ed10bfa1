import type { z } from "zod";
import type { StreamDefinition, StreamListArgs, StreamPage, TransformContext } from "./connector-types";
import { ConnectorDefinitionError, ItemParseError } from "./errors";
import type { KeywardRecordInput } from "./records";

/** Stream names appear in checkpoints, coverage gaps and logs: keep them simple. */
export const STREAM_NAME_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** `provider.object`, lowercase, e.g. `aws.iam_user`, `github.deploy_key`. */
export const EXTERNAL_TYPE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/** Options of `defineStream`. */
export interface StreamOptions<TConfig, TItem> {
  /** Unique within the connector. */
  name: string;
  /** External types of the identity, credential and resource records this stream owns. */
  externalTypes: readonly string[];
  /**
   * zod schema of one raw item. When given, `transform` and `parentKey` receive the parsed
   * item, and a malformed item fails with `ItemParseError` instead of a TypeError deep inside.
   */
  item?: z.ZodType<TItem>;
  /** The connector's config schema, only to type `ctx.config` in `list`; must be the same object. */
  config?: z.ZodType<TConfig>;
  /** Name of the stream whose items are this stream's parents (the runner lists per parent). */
  parent?: string;
  /** On a parent stream: the id (and display name) children need to list their items. */
  parentKey?: (item: TItem) => { id: string; name?: string };
  list(args: StreamListArgs<TConfig>): Promise<StreamPage>;
  transform(item: TItem, ctx: TransformContext): readonly KeywardRecordInput[];
}

/** Defines one stream: one kind of external object, listed page by page, transformed purely. */
export function defineStream<TConfig = unknown, TItem = unknown>(
  options: StreamOptions<TConfig, TItem>,
): StreamDefinition<TConfig> {
  const { name, item: itemSchema } = options;
  if (!STREAM_NAME_PATTERN.test(name)) {
    throw new ConnectorDefinitionError("invalid_stream", `stream name "${name}" must match ${STREAM_NAME_PATTERN}`);
  }
  for (const type of options.externalTypes) {
    if (!EXTERNAL_TYPE_PATTERN.test(type)) {
      throw new ConnectorDefinitionError(
        "invalid_external_type",
        `stream "${name}": external type "${type}" must look like "provider.object"`,
      );
    }
  }
  const parseItem = (raw: unknown): TItem => {
    if (!itemSchema) return raw as TItem;
    const result = itemSchema.safeParse(raw);
    if (result.success) return result.data;
    throw new ItemParseError(
      name,
      result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    );
  };
  const { parentKey } = options;
  return Object.freeze({
    name,
    externalTypes: Object.freeze([...options.externalTypes]),
    parent: options.parent,
    parentKey: parentKey ? (raw: unknown) => parentKey(parseItem(raw)) : undefined,
    configSchema: options.config,
    list: (args: StreamListArgs<TConfig>) => options.list(args),
    transform: (raw: unknown, ctx: TransformContext) => options.transform(parseItem(raw), ctx),
  });
}
