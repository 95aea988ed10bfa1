/*
 * Public API of the connector SDK. Connectors import from here (`../sdk`), never from the
 * individual modules, so the SDK can be reorganised without touching every provider.
 */

export * from "./records";
export * from "./record-enums";
export { toIsoTimestamp, TimestampError, type ToIsoTimestampOptions } from "./timestamps";

export { SdkError, ConnectorDefinitionError, ItemParseError, type ConnectorDefinitionErrorCode } from "./errors";
export type {
  Scope,
  ParentRef,
  ConnectorLogger,
  ConnectorContext,
  StreamListArgs,
  StreamPage,
  TransformContext,
  StreamDefinition,
  PermissionRequirement,
  CheckResult,
} from "./connector-types";
export { defineStream, STREAM_NAME_PATTERN, EXTERNAL_TYPE_PATTERN, type StreamOptions } from "./define-stream";
export {
  defineConnector,
  PROVIDER_PATTERN,
  type ConnectorOptions,
  type ConnectorDefinition,
  type AnyConnectorDefinition,
} from "./define-connector";

export type { InspectedFile, FormatBatch, FormatDefinition, DetectedFormat } from "./format-types";
export { defineFormat, inspectFile, detectFormat, parseFileWith, FormatError, type FormatErrorCode } from "./formats";
export { parseFirstCsvRecord } from "./csv-header";

export {
  createFingerprinter,
  isFingerprint,
  maskHint,
  FingerprintKeyError,
  FINGERPRINT_PATTERN,
  FINGERPRINT_PREFIX,
  MIN_FINGERPRINT_KEY_BYTES,
  MASK_MIN_LENGTH,
  MASK_VISIBLE_CHARS,
  MASK_ELLIPSIS,
  type Fingerprint,
  type Fingerprinter,
} from "./fingerprint";

export { createGuardedHttp } from "./http";
export { sdkFetch } from "./sdk-fetch";
export { traverseConnector, parentsFirst, ParentIncompleteError, type TraversalUnit } from "./traverse";
export {
  HTTP_DEFAULTS,
  type GuardedHttp,
  type GuardedHttpOptions,
  type GuardedRequestInit,
  type JsonRequestInit,
  type JsonResponse,
} from "./http-options";
export {
  HttpError,
  BlockedAddressError,
  TimeoutError,
  NetworkError,
  ResponseError,
  redactUrl,
  type BlockReason,
} from "./http-errors";
export {
  NetworkPolicy,
  METADATA_HOSTNAMES,
  type NetworkPolicyOptions,
  type LookupFunction,
  type ResolvedAddress,
} from "./network-policy";
export { classifyAddress, type AddressClass } from "./ip-address";
export { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, IDEMPOTENT_METHODS } from "./retry";
export { coverageGapFromError, coverageReasonOf, COVERAGE_DETAIL_MAX_CHARS } from "./coverage";
export { findSecretLikeStrings, type SecretLikeFinding } from "./secret-scan";
export { readPemBlocks, PemSyntaxError, PEM_MARKER, type PemBlock } from "./pem-blocks";

export { runConnectorHarness, expectHarnessPasses, HarnessFailedError } from "./harness";
export {
  HARNESS_SCOPE,
  HARNESS_FINGERPRINT_KEY,
  type HarnessFixture,
  type HarnessFile,
  type HarnessOptions,
  type HarnessViolation,
  type HarnessViolationCode,
} from "./harness-types";
