import type { ParentRef } from "./connector-types";

/** A file as format detectors and parsers see it (built by `inspectFile`). */
export interface InspectedFile {
  /** Path relative to the import root, posix separators: it may carry the parent's id. */
  readonly path: string;
  /** Raw bytes, for binary formats (DER certificates, git bundles). */
  readonly bytes: Uint8Array;
  /** UTF-8 text without a byte-order mark. */
  readonly text: string;
  /** Parsed value when the file is a JSON object or array; undefined otherwise. */
  readonly json?: unknown;
  /** Column names when the first record parses as a CSV row of two or more fields. */
  readonly csvHeader?: readonly string[];
}

/** Raw items for one stream, as a live `list` would have returned them. */
export interface FormatBatch {
  readonly stream: string;
  readonly items: readonly unknown[];
  /** For child streams: the parent, usually taken from the file's path. */
  readonly parent?: ParentRef;
}

/** An offline export format (a CLI's JSON output, a CSV report, a saved API response). */
export interface FormatDefinition {
  /** Unique across all connectors, e.g. "aws.iam-credential-report". */
  readonly id: string;
  readonly description: string;
  /**
   * Recognises the format from CONTENT (CSV header, top-level keys), using the path only to
   * separate look-alike responses. `true`/`1` = certain, a number in (0, 1) = plausible,
   * `false`/`0` = no. Must be cheap and must not throw on unrelated files.
   */
  detect(file: InspectedFile): boolean | number;
  /** Turns the file into stream items; throws `FormatError` naming the field and line. */
  parse(file: InspectedFile): readonly FormatBatch[];
}

/** The best format for a file and how sure its detector was. */
export interface DetectedFormat {
  readonly format: FormatDefinition;
  readonly confidence: number;
}
