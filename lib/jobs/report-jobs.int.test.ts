import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { QUEUES } from "@/lib/jobs/queues";
import { startSmtpSink, type SmtpSink } from "@/lib/notify/testing/smtp-sink";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * The scheduled delivery job: scheduled on KEYWARD_REPORT_SCHEDULE only while recipients (and SMTP)
 * are configured, its schedule removed when they are not; the handler e-mails the report through a
 * real SMTP server; a job sent to the queue is picked up by the registered worker.
 */
let t: TestDatabase;
let sink: SmtpSink;
let boss: PgBoss;
let jobs: typeof import("@/lib/jobs/report-jobs");
const lines: string[] = [];
const log = (line: string) => lines.push(line);
const SMTP_PASSWORD = "smtp-pass-canary-9b2e";

const envWith = (vars: Record<string, string>) =>
  parseEnv({ KEYWARD_URL: "https://keyward.example.com", KEYWARD_SMTP_URL: sink.url({ user: "keyward", password: SMTP_PASSWORD }), ...vars });
const reportSchedule = async () => (await boss.getSchedules()).find((s) => s.name === QUEUES.reportsDeliver) ?? null;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  sink = await startSmtpSink();
  boss = new PgBoss({ connectionString: t.url, schema: "pgboss", application_name: "keyward-test" });
  boss.on("error", (error) => lines.push(`boss error: ${error.message}`));
  await boss.start();
  jobs = await import("@/lib/jobs/report-jobs");
});

afterAll(async () => {
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  await sink?.close();
  await t?.drop();
});

describe("reports.deliver job", () => {
  it("the handler e-mails the report to every configured recipient and logs the outcome", async () => {
    const env = envWith({ KEYWARD_REPORT_RECIPIENTS: "ciso@example.com,audit@example.com" });
    const result = await jobs.reportDeliveryHandler(t.db, env, log)();
    expect(result).toMatchObject({ delivered: ["ciso@example.com", "audit@example.com"], failed: [] });
    expect(sink.mails.map((m) => m.to[0]).sort()).toEqual(["audit@example.com", "ciso@example.com"]);
    for (const { mail } of sink.mails) {
      expect(mail.subject).toMatch(/^Keyward compliance report — \d{4}-\d{2}-\d{2}$/);
      expect(mail.attachments.map((a) => a.contentType)).toEqual(["application/pdf", "text/csv"]);
      expect(mail.text).toContain("https://keyward.example.com/reports");
    }
    expect(lines).toContain(`worker: compliance report of ${result!.asOf} delivered to 2 of 2 recipients`);
    expect(lines.join("\n")).not.toContain(SMTP_PASSWORD);
  });

  it("the handler logs a refusal instead of failing when SMTP is missing", async () => {
    lines.length = 0;
    const env = parseEnv({ KEYWARD_REPORT_RECIPIENTS: "ciso@example.com" });
    expect(await jobs.reportDeliveryHandler(t.db, env, log)()).toBeNull();
    expect(lines).toEqual([expect.stringMatching(/^worker: compliance report not delivered: .*no SMTP server is configured/)]);
  });

  it("is scheduled on KEYWARD_REPORT_SCHEDULE and runs when a job arrives", async () => {
    sink.mails.length = 0;
    await jobs.registerReportJobs(boss, t.db, envWith({ KEYWARD_REPORT_RECIPIENTS: "ciso@example.com", KEYWARD_REPORT_SCHEDULE: "15 5 * * 2" }), log);
    expect(await reportSchedule()).toMatchObject({ name: "reports.deliver", cron: "15 5 * * 2", timezone: "UTC" });
    // Never retried: a retry after a partial send would e-mail the report twice.
    expect(await boss.getQueue(QUEUES.reportsDeliver)).toMatchObject({ retryLimit: 0 });
    // What the cron tick would do, without waiting for Tuesday.
    await boss.send(QUEUES.reportsDeliver, {});
    await expect.poll(() => sink.mails.map((m) => m.to), { timeout: 20_000, interval: 200 }).toEqual([["ciso@example.com"]]);
    await expect.poll(async () => (await t.db.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.delivered'"))[0]!.n).toBe(2);
  });

  it("schedules nothing without recipients and removes a schedule left by an earlier configuration", async () => {
    expect(await reportSchedule()).not.toBeNull();
    await jobs.registerReportJobs(boss, t.db, envWith({}), log);
    expect(await reportSchedule()).toBeNull();
    lines.length = 0;
    await jobs.registerReportJobs(boss, t.db, parseEnv({ KEYWARD_REPORT_RECIPIENTS: "ciso@example.com" }), log);
    expect(await reportSchedule()).toBeNull();
    expect(lines).toEqual(["worker: KEYWARD_REPORT_RECIPIENTS is set but KEYWARD_SMTP_URL is not: the compliance report is not e-mailed"]);
  });
});
