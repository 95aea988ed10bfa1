/**
 * Base class of every error the SDK throws. `code` is stable and machine-readable so the
 * runner, the importer and the setup page can branch on it without parsing messages.
 *
 * Messages never contain secret values: callers put URLs through `redactUrl` and never
 * interpolate raw payload fields into a message.
 */
export class SdkError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Thrown by `defineConnector` / `defineStream` when a definition is inconsistent. */
export type ConnectorDefinitionErrorCode =
  | "invalid_provider"
  | "invalid_config_schema"
  | "unknown_secret_field"
  | "invalid_stream"
  | "duplicate_stream"
  | "invalid_external_type"
  | "duplicate_external_type"
  | "unknown_parent_stream"
  | "parent_cycle"
  | "missing_parent_key"
  | "config_schema_mismatch"
  | "unknown_permission_stream"
  | "duplicate_format";

export class ConnectorDefinitionError extends SdkError {
  declare readonly code: ConnectorDefinitionErrorCode;

  constructor(code: ConnectorDefinitionErrorCode, message: string) {
    super(code, message);
  }
}

/**
 * A raw item did not match the stream's item schema. Only the paths and zod's generic messages
 * are kept: zod's messages describe the expected shape and do not echo input values, which
 * may be secrets.
 */
export class ItemParseError extends SdkError {
  readonly stream: string;
  readonly issues: readonly { path: string; message: string }[];

  constructor(stream: string, issues: readonly { path: string; message: string }[]) {
    const first = issues[0];
    const where = first ? `${first.path || "(item)"}: ${first.message}` : "invalid item";
    super("invalid_item", `stream "${stream}": ${where}`);
    this.stream = stream;
    this.issues = issues;
  }
}
