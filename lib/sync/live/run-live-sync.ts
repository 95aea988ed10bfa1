import "server-only";
import {
  createFingerprinter,
  createGuardedHttp,
  traverseConnector,
  type AnyConnectorDefinition,
  type ConnectorLogger,
} from "@/connectors/sdk";
import { executeRun } from "@/lib/sync/execute-run";
import { SyncError } from "@/lib/sync/errors";
import type { RunOptions, RunSummary, WorkUnit } from "@/lib/sync/types";

export type LiveSyncOptions = Omit<RunOptions, "mode" | "sweep"> & {
  /** The source's connector (`getConnector(source.provider)`). */
  connector: AnyConnectorDefinition;
  /** The source's config with its secret fields already decrypted; parsed by the connector's schema here. */
  config: unknown;
  /** Cancels listing (worker shutdown); the run then ends incomplete and retires nothing. */
  signal?: AbortSignal;
  log?: ConnectorLogger;
};

const quietLog: ConnectorLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * One live sync: the connector's traversal (connectors/sdk/traverse.ts) fed to the runner.
 * A live sync sees the provider's whole inventory, so it sweeps: whatever a clean (scope,
 * stream) no longer lists is retired — and nothing of a stream whose listing failed.
 */
export async function runLiveSync(options: LiveSyncOptions): Promise<RunSummary> {
  const { connector, config: rawConfig, signal, log, ...run } = options;
  const parsed = connector.configSchema.safeParse(rawConfig);
  if (!parsed.success) {
    // Field paths and messages only: values may be secrets.
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(config)"}: ${issue.message}`);
    throw new SyncError("SOURCE_INVALID", `source ${run.sourceId}: the ${connector.provider} configuration is invalid — ${fields.join("; ")}`);
  }
  const abort = signal ?? new AbortController().signal;
  const http = createGuardedHttp({ signal: abort });
  const ctx = {
    config: parsed.data,
    http,
    fingerprint: createFingerprinter(run.fingerprintKey),
    signal: abort,
    log: log ?? quietLog,
  };
  try {
    return await executeRun({ ...run, mode: "live", sweep: true }, workUnits(traverseConnector(connector, ctx)));
  } finally {
    await http.close();
  }
}

async function* workUnits(traversal: ReturnType<typeof traverseConnector>): AsyncGenerator<WorkUnit> {
  for await (const unit of traversal) {
    yield {
      scope: unit.scope,
      stream: unit.stream,
      ...(unit.parent ? { parent: unit.parent } : {}),
      pages: unit.pages,
      origin: "live",
      step: { ...unit.step },
    };
  }
}
