import type { ParentRef, Scope } from "./connector-types";

/** Raw items fed to one stream's transform, as `list` would return them. */
export interface HarnessFixture {
  readonly stream: string;
  readonly items: readonly unknown[];
  /** Defaults to `HARNESS_SCOPE`. */
  readonly scope?: Scope;
  readonly parent?: ParentRef;
}

/** A sample offline export; it must be recognised by exactly one of the connector's formats. */
export interface HarnessFile {
  /** Path relative to the import root, as the importer would pass it. */
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Options of `runConnectorHarness`. */
export interface HarnessOptions {
  readonly fixtures: readonly HarnessFixture[];
  readonly files?: readonly HarnessFile[];
  /**
   * Fake secrets the test planted in fixtures and files. Each must appear in the fixtures (a
   * canary that was never planted proves nothing) and must not appear in any emitted record,
   * raw or base64, base64url, hex, URL- or JSON-encoded.
   */
  readonly canaries?: readonly string[];
}

export type HarnessViolationCode =
  | "unknown_secret_field"
  | "duplicate_format"
  | "stream_without_external_types"
  | "duplicate_external_type"
  | "unknown_fixture_stream"
  | "stream_without_fixtures"
  | "canary_not_planted"
  | "transform_threw"
  | "invalid_record"
  | "foreign_external_type"
  | "duplicate_record"
  | "nondeterministic_transform"
  | "mutated_input"
  | "canary_leaked"
  | "secret_like_value"
  | "format_unrecognised"
  | "format_error"
  | "format_unknown_stream";

/** One broken rule; `where` locates the stream, fixture item or file. */
export interface HarnessViolation {
  readonly code: HarnessViolationCode;
  readonly where: string;
  readonly message: string;
}

/** Scope used for fixtures that do not name one. */
export const HARNESS_SCOPE: Scope = Object.freeze({ id: "harness-scope", label: "Harness scope" });

/**
 * Fixed fingerprint key of the harness, so fixture fingerprints are stable across runs.
 * It is public and therefore worthless as a real key.
 */
export const HARNESS_FINGERPRINT_KEY = "keyward-connector-harness-fingerprint-key";
