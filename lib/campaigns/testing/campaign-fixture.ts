/*
 * Test support for the campaigns module (not shipped code): an inventory with owners, backups,
 * managers and a departed owner, loaded through the real sync runner (lib/ownership's toy
 * connector), plus risk scores and an explicit assignment written as their modules would.
 */
import type pg from "pg";
import { withClient } from "@/lib/sync/testing/run-fixtures";
import { activeKey, createToySources, ownerHint, syncDirectory, syncInventory, toyUser, type ToySources } from "@/lib/ownership/testing/ownership-fixture";

export { callerAs } from "@/lib/ownership/testing/ownership-fixture";

export const SECURITY_QUEUE = "security@example.com";
/** An analyst whose own service identity ("sec-bot") falls to the security queue they work. */
export const ANALYST_EMAIL = "sec-analyst@example.com";

export const directoryPerson = (email: string, status: "active" | "left", managerEmail?: string) =>
  ({ kind: "person", externalId: email, email, status, ...(managerEmail ? { managerEmail } : {}) }) as const;

export const DIRECTORY = [
  directoryPerson("alice@example.com", "active", "mgr@example.com"),
  directoryPerson("bob@example.com", "left", "mgr@example.com"),
  directoryPerson("carol@example.com", "active", "mgr@example.com"),
  directoryPerson("dave@example.com", "active"),
  directoryPerson("mgr@example.com", "active"),
  directoryPerson("gone@example.com", "left"),
];

/**
 * deployer   owned by alice (active, manager mgr)            → alice, mgr, queue
 * builder    owned by bob, who left (manager mgr)            → mgr, queue
 * backed     explicitly owned by bob (left), backup dave     → dave, mgr, queue
 * orphan     nobody named                                    → queue
 * personal   owned by alice, but it *is* alice (its e-mail)  → mgr, queue
 * sec-bot    nobody named; it is the analyst's own identity  → queue
 * =cmd|calc  owned by carol; a name a spreadsheet would run  → carol, mgr, queue
 */
export const users = () => [
  toyUser("deployer", ownerHint("alice@example.com", "toy.tag:Owner")),
  toyUser("builder", ownerHint("bob@example.com", "toy.tag:Owner")),
  toyUser("backed"),
  toyUser("orphan"),
  toyUser("personal", { ...ownerHint("alice@example.com", "toy.tag:Owner"), attributes: { email: "alice@example.com" } }),
  toyUser("sec-bot", { attributes: { email: ANALYST_EMAIL } }),
  toyUser("=cmd|calc", { ...ownerHint("carol@example.com", "toy.tag:Owner"), environment: "prod" }),
];
export const keys = () => [activeKey("deployer-key", "deployer"), activeKey("builder-key", "builder"), activeKey("orphan-key", "orphan")];

export type CampaignWorld = { sources: ToySources; ids: Record<string, string>; options: { url: string; auditKey: Buffer } };

export async function buildCampaignWorld(url: string, auditKey: Buffer): Promise<CampaignWorld> {
  const options = { url, auditKey };
  const sources = await createToySources(url);
  await syncDirectory(options, sources.directory, DIRECTORY);
  await syncInventory(options, sources.inventory, users(), keys());
  const ids = await identityIds(url);
  await withClient(url, async (client) => {
    await client.query(`INSERT INTO owner_assignments (identity_id, owner_email, backup_email, assigned_by) VALUES ($1, 'bob@example.com', 'dave@example.com', 'test')`, [ids.backed]);
    await setRisk(client, ids.deployer!, 85);
    await setRisk(client, ids.orphan!, 20);
    // Direct edges for the reviewer's context: an admin and a read permission.
    for (const level of ["admin", "read"]) {
      await client.query(
        `INSERT INTO edges (source_id, scope, external_type, type, from_external_type, from_external_id, to_external_type, to_external_id, from_id, level, content_hash, last_seen_generation)
         VALUES ($1, 's', 'edge:has_permission', 'has_permission', 'toy.user', 'deployer', 'toy.resource', $2, $3, $2, 'h', 1)`,
        [sources.inventory, level, ids.deployer],
      );
    }
  });
  return { sources, ids, options };
}

export async function setRisk(client: pg.ClientBase, identityId: string, score: number): Promise<void> {
  await client.query(
    `INSERT INTO identity_risk_scores (identity_id, score, factors, computed_at) VALUES ($1, $2, '[]', now())
     ON CONFLICT (identity_id) DO UPDATE SET score = excluded.score`,
    [identityId, score],
  );
}

export async function identityIds(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const rows = (await client.query<{ external_id: string; id: string }>(`SELECT external_id, id::text FROM identities`)).rows;
    return Object.fromEntries(rows.map((r) => [r.external_id, r.id]));
  });
}

/** Everything a refused call must leave as it was. */
export async function campaignState(url: string) {
  return withClient(url, async (client) => {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      campaigns: await q(`SELECT * FROM campaigns ORDER BY id`),
      items: await q(`SELECT * FROM campaign_items ORDER BY id`),
      tasks: await q(`SELECT * FROM remediation_tasks ORDER BY id`),
      audit: await q(`SELECT count(*)::int AS n, max(id)::text AS last FROM audit_events`),
    };
  });
}
