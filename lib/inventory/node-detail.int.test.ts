import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { Caller } from "@/lib/auth/session-context";
import { TEST_AUDIT_KEY } from "@/test/support/test-database";

const fixture = useRuleFixture();
let getNodeDetail: typeof import("@/lib/inventory/node-detail").getNodeDetail;
const ids: Record<string, string> = {};
const caller = (role: Caller["role"], email = `${role}@example.com`): Caller => ({ type: "user", userId: null, email, name: null, role, sessionId: null });
const GONE = new Date("2026-02-01T00:00:00Z");

async function audit(action: string, target: { type: string; id: string }) {
  const client = fixture.fx.client;
  await client.query("BEGIN");
  await appendAuditEvents(client, [{ actor: { type: "user", label: "lead@example.com" }, action, target, summary: { note: action } }], TEST_AUDIT_KEY);
  await client.query("COMMIT");
}

beforeAll(async () => {
  process.env.DATABASE_URL = fixture.database.url;
  getNodeDetail = (await import("@/lib/inventory/node-detail")).getNodeDetail;
  const fx = fixture.fx;
  const aws = await fx.source("aws-prod", "aws", { generation: 7, last_complete_sync_at: new Date("2026-03-01T00:00:00Z") });
  const github = await fx.source("github-org", "github");
  ids.deployer = await fx.identity({
    name: "deployer", source_id: aws, external_type: "aws.iam_user", external_id: "AIDADEPLOYER", environment: "prod",
    owner_hint: { email: "ana@example.com", provenance: "aws.tag:owner" }, purpose: "ships releases", end_date: new Date("2027-01-01T00:00:00Z"),
    attributes: { accountId: "123456789012" }, tags: { team: "platform", cost: 3 }, last_seen_generation: 6,
  });
  ids.key = await fx.credential({
    name: "AKIADEPLOYER", source_id: aws, identity_id: ids.deployer, fingerprint: "hmac-sha256:f1", masked_hint: "AKIA…PLOY",
    locations: [{ source: "code", path: "deploy/env.sh", line: 3, commit: "abc123", historyOnly: true }],
  });
  ids.oldKey = await fx.credential({ name: "AKIAOLD", source_id: aws, identity_id: ids.deployer!, gone_since: GONE });
  ids.ciCopy = await fx.credential({ name: "AWS_SECRET", source_id: github, fingerprint: "hmac-sha256:f1" });
  ids.goneCopy = await fx.credential({ name: "AWS_SECRET_OLD", source_id: github, fingerprint: "hmac-sha256:f1", gone_since: GONE });
  ids.other = await fx.identity({ name: "someone-elses", source_id: aws });
  ids.ana = await fx.person({ email: "ana@example.com", name: "Ana", team: "platform" });
  await fx.edge("owned_by", ids.deployer!, ids.ana!, { source_id: aws });
  await fx.edge("owned_by", ids.deployer!, null, { source_id: aws, to_external_type: "person", to_external_id: "bob@example.com" });
  await fx.edge("owned_by", ids.deployer!, ids.ana!, { source_id: github, gone_since: GONE, to_external_id: "ana-gone" });
  ids.openFinding = await fx.insert("findings", { id: crypto.randomUUID(), rule: "credential-max-age", severity: "high", owasp: "NHI7", subject_type: "credential", subject_id: ids.key!, evidence: { ageDays: 400 } });
  ids.acceptedFinding = await fx.insert("findings", { id: crypto.randomUUID(), rule: "no-expiry", severity: "medium", owasp: "NHI7", subject_type: "credential", subject_id: ids.key!, status: "accepted", accepted_until: new Date("2026-12-01T00:00:00Z") });
  await fx.insert("findings", { id: crypto.randomUUID(), rule: "no-owner", severity: "high", owasp: "NHI1", subject_type: "identity", subject_id: ids.other! });
  await audit("ownership.confirmed", { type: "identity", id: ids.deployer });
  await audit("finding.accepted", { type: "finding", id: ids.acceptedFinding });
  await audit("ownership.assigned", { type: "identity", id: ids.other });
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
});

describe("getNodeDetail: identity", () => {
  it("shows attributes, tags, purpose, credentials (present first) and sync facts", async () => {
    const detail = await getNodeDetail(caller("analyst"), "identity", ids.deployer!);
    expect(detail).toMatchObject({
      kind: "identity", name: "deployer", environment: "prod", purpose: "ships releases", endDate: "2027-01-01T00:00:00.000Z",
      attributes: { accountId: "123456789012" },
      // Tags are strings; anything else a source slipped in is not shown as a tag.
      tags: { team: "platform" },
      sync: {
        source: { name: "aws-prod", provider: "aws", generation: "7", lastCompleteSyncAt: "2026-03-01T00:00:00.000Z" },
        externalType: "aws.iam_user", externalId: "AIDADEPLOYER", lastSeenGeneration: "6", goneSince: null,
      },
    });
    expect(detail.credentials.items.map((c) => [c.name, c.gone])).toEqual([["AKIADEPLOYER", false], ["AKIAOLD", true]]);
    expect(detail.credentials.more).toBe(false);
  });

  it("shows the owner hint with provenance and the present owned_by edges, dangling ones included", async () => {
    const { owner } = await getNodeDetail(caller("analyst"), "identity", ids.deployer!);
    expect(owner.hint).toEqual({ email: "ana@example.com", provenance: "aws.tag:owner" });
    expect(owner.inheritedFrom).toBeNull();
    expect(owner.ownedBy).toEqual([
      { person: { id: ids.ana, email: "ana@example.com", name: "Ana", team: "platform", status: "active" }, reference: `test.node:${ids.ana}`, sourceName: "aws-prod" },
      { person: null, reference: "person:bob@example.com", sourceName: "aws-prod" },
    ]);
  });

  it("includes the audit events aimed at the node only, for roles that read the audit log", async () => {
    const detail = await getNodeDetail(caller("auditor"), "identity", ids.deployer!);
    expect(detail.audit?.events.map((e) => e.action)).toEqual(["ownership.confirmed"]);
    const asOwner = await getNodeDetail(caller("owner", "ana@example.com"), "identity", ids.deployer!);
    expect(asOwner.audit).toBeNull();
  });
});

describe("getNodeDetail: credential", () => {
  it("links its identity, keeps locations, and lists the same secret elsewhere (present, not itself)", async () => {
    const detail = await getNodeDetail(caller("admin"), "credential", ids.key!);
    expect(detail).toMatchObject({
      kind: "credential", name: "AKIADEPLOYER", fingerprint: "hmac-sha256:f1", maskedHint: "AKIA…PLOY",
      identity: { id: ids.deployer, name: "deployer" }, identityRef: null,
      locations: [{ source: "code", path: "deploy/env.sh", line: 3, commit: "abc123", historyOnly: true }],
    });
    expect(detail.sameSecret.items.map((c) => [c.name, c.sourceName])).toEqual([["AWS_SECRET", "github-org"]]);
  });

  it("inherits the owner from its identity", async () => {
    const { owner } = await getNodeDetail(caller("admin"), "credential", ids.key!);
    expect(owner.hint?.email).toBe("ana@example.com");
    expect(owner.inheritedFrom).toEqual({ id: ids.deployer, name: "deployer" });
    expect(owner.ownedBy.map((o) => o.person?.email ?? o.reference)).toEqual(["ana@example.com", "person:bob@example.com"]);
  });

  it("lists its findings open first, with evidence, and their audit events", async () => {
    const detail = await getNodeDetail(caller("admin"), "credential", ids.key!);
    expect(detail.findings.map((f) => [f.rule, f.status])).toEqual([["credential-max-age", "open"], ["no-expiry", "accepted"]]);
    expect(detail.findings[0]!.evidence).toEqual({ ageDays: 400 });
    expect(detail.audit?.events.map((e) => [e.action, e.target])).toEqual([["finding.accepted", `finding:${ids.acceptedFinding}`]]);
  });

  it("has no owner and no identity when unattached", async () => {
    const detail = await getNodeDetail(caller("admin"), "credential", ids.ciCopy!);
    expect(detail).toMatchObject({ identity: null, owner: { hint: null, inheritedFrom: null, ownedBy: [] } });
    expect(detail.sameSecret.items.map((c) => c.name)).toEqual(["AKIADEPLOYER"]);
  });
});

describe("getNodeDetail: who may open what", () => {
  it("lets an owner open the identities that name them and their credentials, and nothing else", async () => {
    const ana = caller("owner", "ana@example.com");
    expect((await getNodeDetail(ana, "credential", ids.key!)).name).toBe("AKIADEPLOYER");
    await expect(getNodeDetail(ana, "identity", ids.other!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getNodeDetail(ana, "credential", ids.ciCopy!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An owned_by edge naming an e-mail the directory does not know yet still names that person.
    expect((await getNodeDetail(caller("owner", "bob@example.com"), "identity", ids.deployer!)).name).toBe("deployer");
    await expect(getNodeDetail(caller("owner", "carol@example.com"), "identity", ids.deployer!)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers NOT_FOUND for unknown ids, malformed ids and the wrong kind", async () => {
    const admin = caller("admin");
    await expect(getNodeDetail(admin, "identity", crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getNodeDetail(admin, "identity", "../etc")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getNodeDetail(admin, "credential", ids.deployer!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getNodeDetail(admin, "identity", ids.key!)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
