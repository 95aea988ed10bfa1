import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANALYST_EMAIL, SECURITY_QUEUE, buildCampaignWorld, callerAs } from "@/lib/campaigns/testing/campaign-fixture";
import { query } from "@/lib/sync/testing/run-fixtures";
import type { Notifier } from "@/lib/notify/notifier";
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from "@/test/support/test-database";

/*
 * Reminders with a shifted clock, delivered through a real SMTP server (smtp-server, parsed with
 * mailparser) and a local Slack-style webhook: kickoff, every N days, N days before the due date,
 * overdue escalation along each item's chain; a re-run at the same instant sends nothing; a failed
 * delivery is retried by the next pass and then never again.
 */
type Mail = { to: string; subject: string; text: string };
let t: TestDatabase;
let smtp: SMTPServer;
let hook: http.Server;
const mails: Mail[] = [];
const posts: Array<{ text: string }> = [];
let failNextPost = false;
let notifier: Notifier;
let reminders: typeof import("@/lib/campaigns/campaign-reminders");
let campaignId: string;
const DAY = 86_400_000;
const T0 = new Date("2027-03-01T08:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

async function pass(days: number) {
  mails.length = 0;
  posts.length = 0;
  const summary = await reminders.runCampaignReminders(t.db, at(days), notifier);
  await new Promise((resolve) => setTimeout(resolve, 50)); // the SMTP server parses after it answers
  return { summary, mails: [...mails].sort((a, b) => a.to.localeCompare(b.to)), posts: [...posts] };
}

const reviewerOf = async (name: string) =>
  (await query<{ reviewer_email: string; reviewer_basis: string }>(t.url, `SELECT reviewer_email, reviewer_basis FROM campaign_items WHERE campaign_id = $1 AND identity_name = $2`, [campaignId, name]))[0];

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await buildCampaignWorld(t.url, TEST_AUDIT_KEY);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          for (const rcpt of session.envelope.rcptTo) mails.push({ to: rcpt.address, subject: mail.subject ?? "", text: mail.text ?? "" });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  hook = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (failNextPost) {
        failNextPost = false;
        res.writeHead(500).end("down");
        return;
      }
      posts.push(JSON.parse(body));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  const { createNotifier } = await import("@/lib/notify/notifier");
  notifier = createNotifier({
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    smtpFrom: "Keyward <keyward@example.com>",
    webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/T000/B000/secret-token`,
    baseUrl: "https://keyward.example.com/",
  });
  reminders = await import("@/lib/campaigns/campaign-reminders");
  const life = await import("@/lib/campaigns/campaign-lifecycle");
  const analyst = callerAs("analyst", ANALYST_EMAIL);
  campaignId = (
    await life.createCampaign(analyst, {
      name: "Spring review",
      securityQueue: SECURITY_QUEUE,
      dueAt: at(14),
      reminders: { kickoff: true, everyDays: 5, beforeDueDays: 2, escalateEveryDays: 3, webhook: true },
    })
  ).id;
  await life.activateCampaign(analyst, campaignId, T0);
});
afterAll(async () => {
  notifier.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise((resolve) => hook.close(resolve));
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
  await t.drop();
});

describe("reminders and escalation", () => {
  it("sends the kickoff to every reviewer; a failed webhook is retried by the next pass, nothing twice", async () => {
    failNextPost = true;
    const first = await pass(0);
    expect(first.mails.map((m) => m.to)).toEqual(["alice@example.com", "carol@example.com", "dave@example.com", "mgr@example.com", SECURITY_QUEUE]);
    const mgr = first.mails.find((m) => m.to === "mgr@example.com")!;
    expect(mgr.subject).toBe('Access review "Spring review" has started: 2 items to review by 2027-03-15');
    expect(mgr.text).toContain("- builder\n- personal");
    expect(mgr.text).toContain("https://keyward.example.com/reviews");
    expect(first.posts).toEqual([]);
    expect(first.summary.failed).toEqual([expect.objectContaining({ recipient: "webhook", slot: "kickoff", error: expect.stringContaining("answered 500") })]);
    expect(first.summary.failed[0]!.error).not.toContain("secret-token");

    const retry = await pass(0);
    expect(retry.mails).toEqual([]);
    expect(retry.posts).toEqual([{ text: expect.stringContaining("7 items to review by 2027-03-15 (5 reviewers)") }]);
    expect((await pass(1)).summary).toEqual({ sent: 0, escalated: 0, failed: [] });
  });

  it("reminds every N days and N days before due, only those with open items", async () => {
    const { decideItems } = await import("@/lib/campaigns/decide-items");
    const deployer = (await query<{ id: string }>(t.url, `SELECT id::text FROM campaign_items WHERE campaign_id = $1 AND identity_name = 'deployer'`, [campaignId]))[0]!;
    await decideItems(callerAs("owner", "alice@example.com"), { itemIds: [deployer.id], decision: "keep", comment: "Still deploys." }, at(3));

    const fifth = await pass(5);
    expect(fifth.mails.map((m) => m.to)).toEqual(["carol@example.com", "dave@example.com", "mgr@example.com", SECURITY_QUEUE]);
    expect(fifth.mails[0]!.subject).toBe('Reminder: 1 item still to review in "Spring review" (due 2027-03-15)');
    expect(fifth.posts).toHaveLength(1);
    expect((await pass(6)).summary.sent).toBe(0);

    const twelfth = await pass(12);
    expect(twelfth.mails.map((m) => m.subject.split(":")[0])).toEqual(["Reminder", "Due 2027-03-15", "Reminder", "Due 2027-03-15", "Reminder", "Due 2027-03-15", "Reminder", "Due 2027-03-15"]);
    expect(twelfth.posts).toHaveLength(2);
    expect((await pass(12.5)).summary.sent).toBe(0);
  });

  it("escalates overdue items one step along their chain per period and tells the new reviewer", async () => {
    const due = await pass(14);
    expect(due.summary.escalated).toBe(4);
    expect(await reviewerOf("builder")).toEqual({ reviewer_email: SECURITY_QUEUE, reviewer_basis: "escalated" });
    expect(await reviewerOf("backed")).toEqual({ reviewer_email: "mgr@example.com", reviewer_basis: "escalated" });
    expect(await reviewerOf("orphan")).toEqual({ reviewer_email: SECURITY_QUEUE, reviewer_basis: "security_queue" });
    expect(due.mails.map((m) => [m.to, m.subject])).toEqual([
      ["mgr@example.com", 'Overdue since 2027-03-15: 2 items to review in "Spring review"'],
      [SECURITY_QUEUE, 'Overdue since 2027-03-15: 4 items to review in "Spring review"'],
    ]);
    expect(due.mails[0]!.text).toContain("escalated to you");
    expect((await pass(15)).summary).toEqual({ sent: 0, escalated: 0, failed: [] });

    const later = await pass(17);
    expect(later.summary.escalated).toBe(2);
    expect(later.mails.map((m) => m.to)).toEqual([SECURITY_QUEUE]);
    expect(later.mails[0]!.subject).toContain("6 items");
    expect((await pass(17)).summary).toEqual({ sent: 0, escalated: 0, failed: [] });

    const recorded = await query<{ n: number }>(t.url, `SELECT count(*)::int AS n FROM campaign_reminders WHERE campaign_id = $1`, [campaignId]);
    const audited = await query<{ n: number }>(t.url, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'campaign.reminder_sent' AND target_id = $1`, [campaignId]);
    expect(audited[0]!.n).toBe(recorded[0]!.n);
    const escalations = await query<{ n: number }>(t.url, `SELECT sum((summary->>'count')::int)::int AS n FROM audit_events WHERE action = 'campaign.escalated' AND target_id = $1`, [campaignId]);
    expect(escalations[0]!.n).toBe(6);
  });
});
