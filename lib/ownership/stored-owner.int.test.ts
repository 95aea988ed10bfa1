import { describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";

/*
 * Each identity's stored owner (migration 20261205000000_identity_owners), what the inventory
 * shows, filters and counts by: kept true by triggers when people change assignments, and by
 * refresh_identity_owners when a load changed hints, owned_by edges or the directory. It must equal
 * resolved_owners(now()) after each, and a refresh that changes nothing writes nothing.
 */
const fixture = useRuleFixture();

/** name → "email kind owned|unowned", or "-" for nobody. */
async function stored(): Promise<Record<string, string>> {
  const { rows } = await fixture.fx.client.query<{ name: string; owner: string }>(
    `SELECT name, coalesce(owner_email || ' ' || owner_kind, '-') || CASE WHEN owned THEN ' owned' ELSE '' END AS owner
     FROM identities ORDER BY name`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.owner]));
}

/** The same, resolved the slow way: what the stored columns must equal. */
async function resolvedNow(): Promise<Record<string, string>> {
  const { rows } = await fixture.fx.client.query<{ name: string; owner: string }>(
    `SELECT i.name, coalesce(r.email || ' ' || r.kind, '-') || CASE WHEN r.kind <> 'suggested' THEN ' owned' ELSE '' END AS owner
     FROM identities i LEFT JOIN resolved_owners(now()) r ON r.identity_id = i.id ORDER BY i.name`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.owner]));
}

const refresh = async () => (await fixture.fx.client.query<{ n: number }>("SELECT refresh_identity_owners(NULL) AS n")).rows[0]!.n;
const sql = (text: string, values: unknown[]) => fixture.fx.client.query(text, values);

describe("identities' stored owner", () => {
  it("follows assignments in the same statement, and loads through refresh_identity_owners", async () => {
    const { fx } = fixture;
    const hinted = await fx.identity({ name: "hinted", owner_hint: { email: "Ana@Example.com", provenance: "aws.tag:owner" } });
    await fx.identity({ name: "suggested", owner_hint: { email: "sam@example.com", provenance: "suggested.creator" } });
    const assigned = await fx.identity({ name: "assigned" });
    const edged = await fx.identity({ name: "edged" });
    const bob = await fx.person({ email: "bob@example.com" });

    // Written as a load writes them: nothing is stored until the load's refresh.
    expect(await stored()).toEqual({ assigned: "-", edged: "-", hinted: "-", suggested: "-" });
    const edge = await fx.edge("owned_by", edged, bob);
    expect(await refresh()).toBe(3);
    expect(await stored()).toEqual({
      assigned: "-", edged: "bob@example.com source owned", hinted: "ana@example.com source owned", suggested: "sam@example.com suggested",
    });
    expect(await refresh()).toBe(0);

    // People's changes: the assignment triggers, no refresh call.
    const assign = (id: string, email: string) =>
      sql("INSERT INTO owner_assignments (identity_id, owner_email, assigned_by) VALUES ($1, $2, 'test')", [id, email]);
    await assign(assigned, "pat@example.com");
    expect((await stored()).assigned).toBe("pat@example.com explicit owned");
    await sql("UPDATE owner_assignments SET owner_email = 'olga@example.com' WHERE identity_id = $1", [assigned]);
    expect((await stored()).assigned).toBe("olga@example.com explicit owned");
    await assign(hinted, "pat@example.com");
    expect((await stored()).hinted).toBe("pat@example.com explicit owned");
    await sql("DELETE FROM owner_assignments WHERE identity_id = ANY($1::uuid[])", [[assigned, hinted]]);
    // Clearing an assignment falls back to what the source names.
    expect(await stored()).toMatchObject({ assigned: "-", hinted: "ana@example.com source owned" });

    // A load retires the owned_by edge and drops the hint.
    await sql("UPDATE edges SET gone_since = now() - interval '1 second' WHERE id = $1", [edge]);
    await sql("UPDATE identities SET owner_hint = NULL WHERE id = $1", [hinted]);
    expect(await refresh()).toBe(2);
    expect(await stored()).toEqual({ assigned: "-", edged: "-", hinted: "-", suggested: "sam@example.com suggested" });
    expect(await stored()).toEqual(await resolvedNow());
  });
});
