import "server-only";
import pg from "pg";
import { KIND_SPECS, stageColumns } from "@/lib/sync/kind-specs";

/*
 * The run's one dedicated connection (not Prisma: COPY, session advisory locks and TEMP tables
 * all belong to one session). Everything temporary lives and dies with it.
 */

/**
 * Local buffers for the TEMP staging tables (default 8 MB). Staging a million rows is a few
 * hundred MB; with more room PostgreSQL keeps them in memory instead of writing them out.
 * It can only be set before the session touches its first temporary table.
 */
const TEMP_BUFFERS = "1GB";
/** Sort/hash memory for the merge joins and the sweep's anti-join over a large seen set. */
const WORK_MEM = "128MB";

export async function openRunSession(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString, application_name: "keyward-sync" });
  await client.connect();
  try {
    await client.query(`SET temp_buffers = '${TEMP_BUFFERS}'`);
    await client.query(`SET work_mem = '${WORK_MEM}'`);
    // The merge statements look expensive to the planner, so PostgreSQL would JIT-compile them:
    // measured 0.4–0.9 s of compilation per statement, for plans that then run in about a second.
    await client.query("SET jit = off");
    await client.query(stagingDdl());
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

function stagingDdl(): string {
  const statements = KIND_SPECS.flatMap((spec) => {
    const columns = stageColumns(spec);
    return [
      `CREATE TEMP TABLE ${spec.stage} (${columns.map(([name, type]) => `${name} ${type}`).join(", ")})`,
      // No index: it is only appended to, and read once per swept group by a hash anti-join.
      `CREATE TEMP TABLE ${spec.seen} (id ${spec.idType} NOT NULL)`,
    ];
  });
  statements.push(`CREATE TEMP TABLE kw_new_nodes (kind text NOT NULL, external_type text NOT NULL, external_id text NOT NULL, id uuid NOT NULL)`);
  return statements.join(";\n");
}
