import { spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

/** pg_dump binaries to try: the one on PATH, then Debian's per-version ones, newest first. */
function pgDumpCandidates(): string[] {
  const root = "/usr/lib/postgresql";
  const versioned = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `${root}/${v}/bin/pg_dump`)
        .filter((p) => fs.existsSync(p))
    : [];
  return ["pg_dump", ...versioned];
}

/**
 * The whole database as text: `pg_dump` (schema and every row, all tables including the audit log
 * and sync runs). Falls back to reading every table when no pg_dump matches the server's version
 * (e.g. the embedded PostgreSQL 18 with Debian's pg_dump 15), so the check never silently passes.
 */
export async function dumpDatabase(url: string): Promise<{ text: string; via: string }> {
  for (const bin of pgDumpCandidates()) {
    const result = spawnSync(bin, ["--no-owner", "--dbname", url], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
    if (result.status === 0 && result.stdout.length > 0) return { text: result.stdout, via: bin };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      parts.push(`-- ${name}`, ...rows.rows.map((r) => r.row));
    }
    return { text: parts.join("\n"), via: "SELECT * of every table" };
  } finally {
    await client.end();
  }
}

/** Every textual form in which a leaked value could appear (as the SDK harness checks). */
export function leakForms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const forms = [
    value,
    bytes.toString("base64"),
    bytes.toString("base64url"),
    bytes.toString("hex"),
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
  ];
  return [...new Set(forms)];
}
