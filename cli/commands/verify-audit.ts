import { getDb } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { parseOptions, type Command } from "@/cli/commands";
import { withDatabase } from "@/cli/with-database";

export const verifyAuditCommand: Command = {
  summary: "verify the audit log's hash chain",
  usage: "verify-audit [--json]",
  async run(args) {
    const { values } = parseOptions(args, { json: { type: "boolean" } });
    return withDatabase(async () => {
      const db = getDb();
      try {
        const result = await verifyAuditChain(db);
        if (values.json) console.log(JSON.stringify(result));
        else if (result.ok) console.log(`audit chain intact: ${result.checked} events, head ${result.headHash}`);
        else
          console.log(
            `audit chain BROKEN at event ${result.brokenAt.id} (${result.brokenAt.action}, ${result.brokenAt.occurredAt}): ${result.brokenAt.reason}; ${result.checked} events before it verified`,
          );
        return result.ok ? 0 : 1;
      } finally {
        await db.$disconnect();
      }
    });
  },
};
