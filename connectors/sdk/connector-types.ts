import type { Fingerprinter } from "./fingerprint";
import type { GuardedHttp } from "./http-options";
import type { KeywardRecordInput } from "./records";

/** A unit a connector syncs independently: an account × region, an org, a cluster, a mount… */
export interface Scope {
  /** Stable id; part of the sweep key, so it must not change between runs. */
  readonly id: string;
  readonly label: string;
}

/** Identifies the parent object whose children a child stream lists (a user's access keys). */
export interface ParentRef {
  /** Name of the stream the parent item came from. */
  readonly stream: string;
  /** The parent's id as the provider's API needs it (user name, project id, app object id…). */
  readonly id: string;
  readonly name?: string;
}

/**
 * Structured logger handed to connectors. Fields must never contain secret values or whole raw
 * payloads; log ids, counts and redacted URLs.
 */
export interface ConnectorLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** What the runner gives a connector for I/O. Transforms get only `TransformContext`. */
export interface ConnectorContext<TConfig = unknown> {
  /** Parsed config, secret fields decrypted. */
  readonly config: TConfig;
  readonly http: GuardedHttp;
  readonly fingerprint: Fingerprinter;
  /** Aborted when the sync is cancelled or the worker shuts down. */
  readonly signal: AbortSignal;
  readonly log: ConnectorLogger;
}

/** Arguments of `stream.list`: one page of one scope (and one parent, for child streams). */
export interface StreamListArgs<TConfig = unknown> {
  readonly scope: Scope;
  /** undefined for the first page; then the previous page's `nextCursor`. */
  readonly cursor: string | undefined;
  /** Set for child streams: the parent item this listing belongs to. */
  readonly parent: ParentRef | undefined;
  readonly ctx: ConnectorContext<TConfig>;
}

/** One page of raw provider items. No `nextCursor` means this was the last page. */
export interface StreamPage {
  readonly items: readonly unknown[];
  readonly nextCursor?: string;
}

/** Everything a pure transform may use. The fingerprinter hides the key. */
export interface TransformContext {
  readonly scope: Scope;
  readonly parent: ParentRef | undefined;
  readonly fingerprint: Fingerprinter;
}

/** A stream as the runner, the importer and the harness see it (see `defineStream`). */
export interface StreamDefinition<TConfig = unknown> {
  readonly name: string;
  /** External types of the identity/credential/resource records this stream owns and may retire. */
  readonly externalTypes: readonly string[];
  /** Name of the stream whose items are this stream's parents. */
  readonly parent: string | undefined;
  /** Present on parent streams: derives the `ParentRef` id of an item. */
  readonly parentKey: ((item: unknown) => { id: string; name?: string }) | undefined;
  /** The connector config schema this stream was typed against, if declared. */
  readonly configSchema: unknown;
  /** I/O only: fetch one page. Errors propagate; the runner records them and skips the sweep. */
  list(args: StreamListArgs<TConfig>): Promise<StreamPage>;
  /** Pure: raw item → records. Parses the item with the stream's item schema first. */
  transform(item: unknown, ctx: TransformContext): readonly KeywardRecordInput[];
}

/** A read-only permission the connector needs, shown on the setup page. */
export interface PermissionRequirement {
  /** Stream that needs it; omitted when the connector as a whole does (e.g. `check`). */
  readonly stream?: string;
  /** Provider's name for it, e.g. "iam:ListAccessKeys" or "read:org". */
  readonly permission: string;
  /** Why, in one sentence an admin can judge. */
  readonly why: string;
}

/** Result of the setup page's "Test connection". `detail` must not contain secrets. */
export interface CheckResult {
  readonly ok: boolean;
  readonly detail: string;
}
