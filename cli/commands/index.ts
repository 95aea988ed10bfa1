import { parseArgs, type ParseArgsConfig } from "node:util";
import { buildCommand } from "@/cli/commands/build";
import { evidenceCommand } from "@/cli/commands/evidence";
import { exportCommand } from "@/cli/commands/export";
import { findingsCommand } from "@/cli/commands/findings";
import { importCommand } from "@/cli/commands/import";
import { migrateCommand } from "@/cli/commands/migrate";
import { reportCommand } from "@/cli/commands/report";
import { serveCommand } from "@/cli/commands/serve";
import { startCommand } from "@/cli/commands/start";
import { verifyAuditCommand } from "@/cli/commands/verify-audit";
import { verifyEvidenceCommand } from "@/cli/commands/verify-evidence";
import { workerCommand } from "@/cli/commands/worker";

export class UsageError extends Error {}

export type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

export const commands: Record<string, Command> = {
  start: startCommand,
  serve: serveCommand,
  worker: workerCommand,
  migrate: migrateCommand,
  "verify-audit": verifyAuditCommand,
  import: importCommand,
  export: exportCommand,
  findings: findingsCommand,
  report: reportCommand,
  evidence: evidenceCommand,
  "verify-evidence": verifyEvidenceCommand,
  build: buildCommand,
};

export function printUsage(out: NodeJS.WritableStream): void {
  out.write("Usage: keyward <command> [options]\n\nCommands:\n");
  for (const command of Object.values(commands)) out.write(`  ${command.usage.padEnd(34)} ${command.summary}\n`);
  out.write("\nEvery command uses DATABASE_URL, or the embedded PostgreSQL in .keyward/ when it is unset.\n");
}

/** node:util parseArgs with errors turned into one-line usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ""));
  }
}
