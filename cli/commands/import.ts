import { importPath } from "@/lib/sync/import/import-path";
import { evaluateAfterLoad, evaluationLine } from "@/lib/policy/evaluate-after-load";
import { assertSchemaReady } from "@/lib/sync/import/assert-schema";
import { reportLines } from "@/lib/sync/import/report-lines";
import { defaultMigrationsDir } from "@/lib/migrate/run-migrations";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { parseOptions, UsageError, type Command } from "@/cli/commands";
import { withDatabase } from "@/cli/with-database";

/** JSON has no bigint: run generations are printed as strings. */
const toJson = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);

/**
 * `keyward import <file-or-dir>`: exit 0 only when every file was recognised and loaded
 * (PRODUCT.md "Contracts"); otherwise 1, with one line per problem.
 */
export const importCommand: Command = {
  summary: "load export files [--source NAME] [--environment ENV] [--complete] [--json]",
  usage: "import <file-or-dir> [options]",
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { source: { type: "string" }, environment: { type: "string" }, complete: { type: "boolean" }, json: { type: "boolean" } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError("import takes exactly one file or directory");
    const keys = getInstanceKeys();
    return withDatabase(async ({ url }) => {
      await assertSchemaReady(url, { migrationsDir: defaultMigrationsDir() });
      const report = await importPath(positionals[0]!, {
        source: values.source,
        environment: values.environment,
        complete: values.complete === true,
        connectionString: url,
        keys: { fingerprintKey: keys.fingerprintKey, auditKey: keys.auditKey },
        actor: { type: "system", label: "cli import" },
        log: values.json ? undefined : (line) => console.error(line),
      });
      if (values.json) console.log(toJson(report));
      else for (const line of reportLines(report)) console.log(line);
      if (report.sources.length > 0) {
        // Findings follow the inventory: evaluate after anything was loaded, even a partial import.
        const evaluation = await evaluateAfterLoad(url, { type: "system", label: "cli import" }, keys.auditKey);
        if (!values.json) console.log(evaluationLine(evaluation));
      }
      return report.ok ? 0 : 1;
    });
  },
};
