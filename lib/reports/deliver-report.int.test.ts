import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/session-context";
import { createNotifier, type Notifier } from "@/lib/notify/notifier";
import { closedPort, startSmtpSink, type CapturedMail, type SmtpSink } from "@/lib/notify/testing/smtp-sink";
import type { ReportDeliveryResult } from "@/lib/reports/deliver-report";
import { seedReportFixture } from "@/lib/reports/testing/report-fixture";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * Scheduled delivery end to end against a real SMTP server (smtp-server, parsed with mailparser)
 * over the report fixture (known figures): one message per recipient carrying the PDF and the CSV
 * of the same report, the audit event with their SHA-256s, a refused mailbox that does not stop
 * the others, an unreachable server that delivers nothing and audits the failure, and no secret of
 * the installation (source configuration, sealed credentials, the SMTP password) in any message.
 */
let t: TestDatabase;
let client: pg.Client;
let sink: SmtpSink;
let deliver: typeof import("@/lib/reports/deliver-report");
let reports: typeof import("@/lib/reports/build-compliance-report");
let exportCsv: typeof import("@/lib/reports/compliance-export").complianceReportCsv;
const CANARY = "kw-canary-7f3a9c1e5b";
const SMTP_PASSWORD = "smtp-pass-canary-42d1";
const auditor: Caller = { type: "user", userId: null, email: "auditor@example.com", name: null, role: "auditor", sessionId: null };
const analyst: Caller = { ...auditor, email: "analyst@example.com", role: "analyst" };

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

type AuditRow = { action: string; actor_type: string; actor_label: string; summary: Record<string, unknown> };
const reportEvents = async () =>
  (await client.query<AuditRow>("SELECT action, actor_type, actor_label, summary FROM audit_events WHERE action LIKE 'report.%' ORDER BY id")).rows;

async function run(notifier: Notifier, recipients: string[]): Promise<ReportDeliveryResult> {
  try {
    return await deliver.deliverComplianceReport(t.db, { recipients, now: new Date(), notifier });
  } finally {
    notifier.close();
  }
}

const notifierFor = (smtpUrl: string) => createNotifier({ smtpUrl, smtpFrom: "Keyward <keyward@example.com>", baseUrl: "https://keyward.example.com/" });

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  await seedReportFixture(client, analyst);
  // Secrets a report must never carry: a source's configuration and its sealed credentials.
  await client.query("UPDATE sources SET config = $1::jsonb, credentials_encrypted = $2", [JSON.stringify({ token: CANARY }), Buffer.from(CANARY)]);
  sink = await startSmtpSink();
  deliver = await import("@/lib/reports/deliver-report");
  reports = await import("@/lib/reports/build-compliance-report");
  exportCsv = (await import("@/lib/reports/compliance-export")).complianceReportCsv;
});

afterAll(async () => {
  await sink?.close();
  await client?.end();
  await t?.drop();
});

describe("deliverComplianceReport", () => {
  let result: ReportDeliveryResult;
  let mails: CapturedMail[];

  beforeAll(async () => {
    result = await run(notifierFor(sink.url({ user: "keyward", password: SMTP_PASSWORD })), ["ciso@example.com", "audit@example.com"]);
    // The sink stores a message before it answers 250, so it is there once sendMail returns.
    expect(sink.mails.length).toBe(2);
    mails = [...sink.mails].sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
  });

  it("sends one message per recipient, each with the PDF and the CSV", () => {
    expect(result.delivered).toEqual(["ciso@example.com", "audit@example.com"]);
    expect(result.failed).toEqual([]);
    expect(mails.map((m) => m.to)).toEqual([["audit@example.com"], ["ciso@example.com"]]);
    const day = result.asOf.slice(0, 10);
    for (const { mail } of mails) {
      expect(mail.subject).toBe(`Keyward compliance report — ${day}`);
      expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        [`keyward-compliance-${day}.pdf`, "application/pdf"],
        [`keyward-compliance-${day}.csv`, "text/csv"],
      ]);
      const [pdf, csv] = mail.attachments;
      expect(pdf!.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(sha256(pdf!.content)).toBe(result.pdfSha256);
      expect(sha256(csv!.content)).toBe(result.csvSha256);
    }
  });

  it("attaches a CSV whose figures are those of the JSON report at the same instant", async () => {
    const json = await reports.buildComplianceReport(auditor, { asOf: new Date(result.asOf) });
    const csv = mails[0]!.mail.attachments[1]!.content.toString("utf8");
    expect(csv).toBe(exportCsv(json));
    // And the fixture's known figures, read from the CSV itself: SOC 2 CC6.1 × credential-max-age.
    const row = csv.split("\r\n").find((line) => line.includes(",soc2,CC6.1,") && line.includes(",credential-max-age,"))!;
    expect(row.split(",").slice(-6)).toEqual(["2", "0", "0", "1", "0", "1"]);
  });

  it("states the headline figures and links to the reports page", () => {
    const text = mails[0]!.mail.text!;
    expect(text).toContain("Open findings: 3 (critical 0, high 1)");
    expect(text).toContain("Accepted risks: 1 · suppressed: 0 · resolved: 1");
    expect(text).toContain("- SOC 2: 6 / 0 / 2");
    expect(text).toContain("Coverage: 3 of 3 sources with gaps (1 gap)");
    expect(text).toContain("Open the report: https://keyward.example.com/reports");
  });

  it("audits the delivery once, with the recipients and the attachments' SHA-256", async () => {
    expect(await reportEvents()).toEqual([
      {
        action: "report.delivered",
        actor_type: "system",
        actor_label: "system:reports",
        summary: {
          recipients: ["ciso@example.com", "audit@example.com"],
          generatedAt: result.generatedAt,
          asOf: result.asOf,
          pdfSha256: result.pdfSha256,
          csvSha256: result.csvSha256,
        },
      },
    ]);
    const { verifyAuditChain } = await import("@/lib/audit/verify-audit-chain");
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("puts no secret of the installation in any message", () => {
    for (const { raw, mail } of mails) {
      const everything = [raw.toString("latin1"), mail.text ?? "", ...mail.attachments.map((a) => a.content.toString("latin1"))].join("\n");
      expect(everything).not.toContain(CANARY);
      expect(everything).not.toContain(SMTP_PASSWORD);
    }
  });
});

describe("failed deliveries", () => {
  it("a refused mailbox does not stop the others; both outcomes are audited", async () => {
    sink.mails.length = 0;
    sink.refused.add("gone@example.com");
    const before = (await reportEvents()).length;
    const result = await run(notifierFor(sink.url()), ["gone@example.com", "ciso@example.com"]);
    expect(result.delivered).toEqual(["ciso@example.com"]);
    expect(result.failed).toEqual([{ recipient: "gone@example.com", error: expect.stringMatching(/^E-mail to gone@example.com failed: .*550/) }]);
    expect(sink.mails.map((m) => m.to)).toEqual([["ciso@example.com"]]);
    const events = (await reportEvents()).slice(before);
    expect(events.map((e) => [e.action, e.summary.recipients ?? e.summary.failed])).toEqual([
      ["report.delivered", ["ciso@example.com"]],
      ["report.delivery_failed", [{ recipient: "gone@example.com", error: result.failed[0]!.error }]],
    ]);
  });

  it("an unreachable server delivers nothing, lists every recipient as failed and audits no delivery", async () => {
    const before = (await reportEvents()).length;
    const url = `smtp://keyward:${SMTP_PASSWORD}@127.0.0.1:${await closedPort()}`;
    const result = await run(notifierFor(url), ["ciso@example.com", "audit@example.com"]);
    expect(result.delivered).toEqual([]);
    expect(result.failed.map((f) => f.recipient)).toEqual(["ciso@example.com", "audit@example.com"]);
    expect(result.failed.every((f) => /ECONNREFUSED/.test(f.error))).toBe(true);
    const events = (await reportEvents()).slice(before);
    expect(events.map((e) => e.action)).toEqual(["report.delivery_failed"]);
    expect(JSON.stringify([result, events])).not.toContain(SMTP_PASSWORD);
  });

  it("refuses without SMTP or without recipients, before building anything", async () => {
    const before = (await reportEvents()).length;
    await expect(run(createNotifier({}), ["ciso@example.com"])).rejects.toMatchObject({ code: "INVALID_INPUT", field: "KEYWARD_SMTP_URL", message: expect.stringMatching(/no SMTP server is configured/) });
    await expect(run(notifierFor(sink.url()), [])).rejects.toMatchObject({ code: "INVALID_INPUT", field: "recipients" });
    await expect(run(notifierFor(sink.url()), ["not-an-address"])).rejects.toThrow('"not-an-address" is not an e-mail address');
    expect((await reportEvents()).length).toBe(before);
  });
});
