import type { StreamDefinition, TransformContext } from "./connector-types";
import type { AnyConnectorDefinition } from "./define-connector";
import { SdkError } from "./errors";
import { createFingerprinter } from "./fingerprint";
import { detectFormat, inspectFile } from "./formats";
import { canaryForms, checkItem } from "./harness-item";
import {
  HARNESS_FINGERPRINT_KEY,
  HARNESS_SCOPE,
  type HarnessFile,
  type HarnessOptions,
  type HarnessViolation,
} from "./harness-types";

/*
 * The conformance suite every connector's test runs. It is a plain async function returning
 * violations (not vitest blocks) so it works from any test runner and can itself be tested;
 * `expectHarnessPasses` is the one-liner for connector tests.
 */

/** Static checks on the definition: what defineConnector checks plus what it cannot. */
function checkDefinition(definition: AnyConnectorDefinition): HarnessViolation[] {
  const found: HarnessViolation[] = [];
  const shape = (definition.configSchema as { shape?: Record<string, unknown> }).shape ?? {};
  for (const field of definition.secretFields as readonly string[]) {
    if (!Object.hasOwn(shape, field)) {
      found.push({ code: "unknown_secret_field", where: "config", message: `secret field "${field}" is not in configSchema` });
    }
  }
  const formatIds = new Set<string>();
  for (const { id } of definition.formats) {
    if (formatIds.has(id)) found.push({ code: "duplicate_format", where: `format ${id}`, message: "format id is not unique" });
    formatIds.add(id);
  }
  const owners = new Map<string, string>();
  for (const stream of definition.streams) {
    if (stream.externalTypes.length === 0) {
      found.push({ code: "stream_without_external_types", where: `stream ${stream.name}`, message: "declares no externalTypes" });
    }
    for (const type of stream.externalTypes) {
      const previous = owners.get(type);
      if (previous !== undefined) {
        const message = `"${type}" is owned by "${previous}" and "${stream.name}"`;
        found.push({ code: "duplicate_external_type", where: `stream ${stream.name}`, message });
      }
      owners.set(type, stream.name);
    }
  }
  return found;
}

interface Batch {
  readonly stream: StreamDefinition;
  readonly items: readonly unknown[];
  readonly ctx: TransformContext;
  readonly where: string;
}

/** Recognises and parses sample files the way `keyward import` would. */
function batchesFromFiles(
  files: readonly HarnessFile[],
  definition: AnyConnectorDefinition,
  streamOf: (name: string) => StreamDefinition | undefined,
  base: Omit<TransformContext, "parent">,
  found: HarnessViolation[],
): Batch[] {
  const batches: Batch[] = [];
  for (const file of files) {
    try {
      const inspected = inspectFile(file.path, file.content);
      const detected = detectFormat(inspected, definition.formats);
      if (!detected) {
        found.push({ code: "format_unrecognised", where: file.path, message: "no format recognises this file" });
        continue;
      }
      for (const batch of detected.format.parse(inspected)) {
        const stream = streamOf(batch.stream);
        const where = `${file.path} (${detected.format.id} → ${batch.stream})`;
        if (!stream) {
          found.push({ code: "format_unknown_stream", where, message: `no stream named "${batch.stream}"` });
          continue;
        }
        batches.push({ stream, items: batch.items, ctx: { ...base, parent: batch.parent }, where });
      }
    } catch (error) {
      const message = error instanceof SdkError ? error.message : String(error);
      found.push({ code: "format_error", where: file.path, message });
    }
  }
  return batches;
}

/** Runs the conformance checks on a connector and its fixtures; an empty list means it passes. */
export async function runConnectorHarness(
  definition: AnyConnectorDefinition,
  options: HarnessOptions,
): Promise<HarnessViolation[]> {
  const found = checkDefinition(definition);
  const streams = new Map(definition.streams.map((s) => [s.name, s as StreamDefinition]));
  const fingerprint = createFingerprinter(Buffer.from(HARNESS_FINGERPRINT_KEY));
  const canaries = options.canaries ?? [];

  const batches: Batch[] = [];
  options.fixtures.forEach((fixture, index) => {
    const stream = streams.get(fixture.stream);
    const where = `fixture ${index} (${fixture.stream})`;
    if (!stream) return void found.push({ code: "unknown_fixture_stream", where, message: "no such stream" });
    const ctx = { scope: fixture.scope ?? HARNESS_SCOPE, parent: fixture.parent, fingerprint };
    batches.push({ stream, items: fixture.items, ctx, where });
  });
  const files = options.files ?? [];
  batches.push(...batchesFromFiles(files, definition, (n) => streams.get(n), { scope: HARNESS_SCOPE, fingerprint }, found));

  const tested = new Set(batches.filter((b) => b.items.length > 0).map((b) => b.stream.name));
  for (const name of streams.keys()) {
    if (!tested.has(name)) found.push({ code: "stream_without_fixtures", where: `stream ${name}`, message: "no fixture items" });
  }
  const planted = JSON.stringify(options.fixtures) + files.map((f) => Buffer.from(f.content).toString("utf8")).join("\n");
  canaries.forEach((canary, index) => {
    if (!canaryForms(canary).some((form) => planted.includes(form))) {
      found.push({ code: "canary_not_planted", where: `canary #${index}`, message: "does not occur in any fixture or file" });
    }
  });

  for (const batch of batches) {
    batch.items.forEach((item, index) => {
      found.push(...checkItem(batch.stream, item, batch.ctx, `${batch.where} item ${index}`, canaries));
    });
  }
  return found;
}

/** Thrown by `expectHarnessPasses`; lists every violation. */
export class HarnessFailedError extends SdkError {
  readonly violations: readonly HarnessViolation[];

  constructor(violations: readonly HarnessViolation[]) {
    const lines = violations.map((v) => `  - [${v.code}] ${v.where}: ${v.message}`);
    super("harness_failed", `connector harness found ${violations.length} violation(s):\n${lines.join("\n")}`);
    this.violations = violations;
  }
}

/** For connector tests: `await expectHarnessPasses(awsConnector, { fixtures, canaries })`. */
export async function expectHarnessPasses(definition: AnyConnectorDefinition, options: HarnessOptions): Promise<void> {
  const violations = await runConnectorHarness(definition, options);
  if (violations.length > 0) throw new HarnessFailedError(violations);
}
