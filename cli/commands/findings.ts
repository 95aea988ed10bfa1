import { z } from "zod";
import { findingsCsv } from "@/lib/evidence/findings-csv";
import { systemCaller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { getCatalogue } from "@/lib/policy/catalogue";
import { FINDING_STATUSES, findingsAsOf, listFindings, type FindingDto } from "@/lib/policy/list-findings";
import { runPolicyEvaluation } from "@/lib/policy/run-evaluation";
import { parseOptions, UsageError, type Command } from "@/cli/commands";
import { withDatabase } from "@/cli/with-database";

/** Shown unless --status says otherwise: what still needs (or had) a decision, not history. */
const DEFAULT_STATUSES = ["open", "accepted", "suppressed"];

const instantSchema = z.iso.datetime({ offset: true });

type Options = { ruleIds?: string[]; statuses: string[]; asOf?: Date; format: "table" | "json" | "csv"; evaluate: boolean };

/** Validates every option before the database is touched; each problem names its option. */
export function parseFindingsOptions(args: string[]): Options {
  const { values } = parseOptions(args, {
    rule: { type: "string", multiple: true },
    status: { type: "string" },
    "as-of": { type: "string" },
    format: { type: "string", default: "table" },
    evaluate: { type: "boolean", default: false },
  });
  const known = getCatalogue().rules.map((r) => r.id);
  for (const id of values.rule ?? []) {
    if (!known.includes(id)) throw new UsageError(`--rule: unknown rule "${id}" (rules: ${known.join(", ")})`);
  }
  if (values.format !== "table" && values.format !== "json" && values.format !== "csv") {
    throw new UsageError(`--format: must be table or json or csv, not "${values.format}"`);
  }
  const statuses = !values.status ? DEFAULT_STATUSES : values.status === "all" ? [...FINDING_STATUSES] : values.status.split(",").map((s) => s.trim());
  const unknownStatus = statuses.find((s) => !(FINDING_STATUSES as readonly string[]).includes(s));
  if (unknownStatus !== undefined) throw new UsageError(`--status: unknown status "${unknownStatus}" (use ${FINDING_STATUSES.join(", ")} or all)`);
  let asOf: Date | undefined;
  if (values["as-of"] !== undefined) {
    if (!instantSchema.safeParse(values["as-of"]).success) {
      throw new UsageError(`--as-of: "${values["as-of"]}" is not an ISO-8601 instant with a time zone (e.g. 2025-06-01T00:00:00Z)`);
    }
    if (values.evaluate) throw new UsageError("--as-of: cannot be combined with --evaluate (recorded findings are always evaluated as of now)");
    asOf = new Date(values["as-of"]);
  }
  return { ruleIds: values.rule, statuses, asOf, format: values.format, evaluate: values.evaluate ?? false };
}

const subjectOf = (f: FindingDto) => `${f.subjectType}:${f.subjectName ?? f.subjectId}`;

function printTable(findings: FindingDto[]): void {
  const header = ["SEVERITY", "STATUS", "RULE", "OWASP", "SUBJECT", "FIRST SEEN"];
  const rows = findings.map((f) => [f.severity, f.status, f.rule, f.owasp, subjectOf(f), f.firstSeenAt?.slice(0, 10) ?? "-"]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
  console.log(`${findings.length} finding${findings.length === 1 ? "" : "s"}`);
}

export const findingsCommand: Command = {
  summary: "list policy findings; --evaluate re-evaluates first; --as-of computes the posture then, writing nothing",
  usage: "findings [--rule ID]… [--status S,…|all] [--as-of T] [--format table|json|csv] [--evaluate]",
  async run(args) {
    const options = parseFindingsOptions(args);
    return withDatabase(async () => {
      const caller = systemCaller("cli");
      try {
        if (options.evaluate) {
          const s = await runPolicyEvaluation(caller);
          console.error(`evaluated ${s.violations} violations: ${s.opened} opened, ${s.updated} updated, ${s.reopened} reopened, ${s.resolved} resolved`);
        }
        const all = options.asOf
          ? await findingsAsOf(caller, options.asOf, options.ruleIds)
          : await listFindings(caller, { ruleIds: options.ruleIds, statuses: options.statuses });
        const findings = all.filter((f) => options.statuses.includes(f.status));
        if (options.format === "json") {
          const asOf = (options.asOf ?? new Date()).toISOString();
          console.log(JSON.stringify({ asOf, computed: options.asOf !== undefined, findings }, null, 2));
        } else if (options.format === "csv") process.stdout.write(findingsCsv(findings));
        else printTable(findings);
        return 0;
      } finally {
        await getDb().$disconnect();
      }
    });
  },
};
