import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifier, NotifyError } from "@/lib/notify/notifier";
import { closedPort, startSmtpSink, type SmtpSink } from "@/lib/notify/testing/smtp-sink";

/*
 * The e-mail half against a real SMTP server on 127.0.0.1 (lib/notify/testing/smtp-sink.ts:
 * smtp-server, parsed with mailparser): attachments arrive byte for byte with their names and types.
 */
describe("e-mail notifier", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it("sends text and attachments that arrive byte-identical", async () => {
    // Every byte value, so an encoding that mangles binary (or CRLF) would show.
    const binary = Buffer.concat([Buffer.from("%PDF-1.4\r\n"), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]);
    const csv = Buffer.from("a,b\r\n1,\"x, y\"\r\n", "utf8");
    const notifier = createNotifier({ smtpUrl: sink.url(), smtpFrom: "Keyward <keyward@example.com>" });
    try {
      await notifier.sendEmail({
        to: "auditor@example.com",
        subject: "Report",
        text: "See the attachments.",
        attachments: [
          { filename: "report.pdf", content: binary, contentType: "application/pdf" },
          { filename: "report.csv", content: csv, contentType: "text/csv" },
        ],
      });
    } finally {
      notifier.close();
    }
    expect(sink.mails.map((m) => m.to)).toEqual([["auditor@example.com"]]);
    const { mail } = sink.mails[0]!;
    expect(mail.subject).toBe("Report");
    expect(mail.text?.trim()).toBe("See the attachments.");
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["report.pdf", "application/pdf"],
      ["report.csv", "text/csv"],
    ]);
    expect(mail.attachments[0]!.content.equals(binary)).toBe(true);
    expect(mail.attachments[1]!.content.equals(csv)).toBe(true);
  });

  it("turns an unreachable server into a NotifyError naming the recipient, not the password", async () => {
    const notifier = createNotifier({ smtpUrl: `smtp://user:hunter2-secret@127.0.0.1:${await closedPort()}` });
    const error = await notifier.sendEmail({ to: "x@example.com", subject: "s", text: "t" }).catch((e: unknown) => e);
    notifier.close();
    expect(error).toBeInstanceOf(NotifyError);
    expect((error as Error).message).toMatch(/^E-mail to x@example.com failed: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain("hunter2-secret");
  });
});

/*
 * The webhook half of the notifier against a local HTTP server: a JSON POST, a timeout that turns a
 * hanging endpoint into a NotifyError, and error messages that never repeat the URL's token.
 */
let server: http.Server;
let base: string;
const received: unknown[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.url?.startsWith("/hang")) return; // never answers
      if (req.url?.startsWith("/redirect")) return void res.writeHead(302, { location: "/ok" }).end();
      received.push({ type: req.headers["content-type"], body: JSON.parse(body) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("webhook notifier", () => {
  it("posts the message as JSON", async () => {
    await createNotifier({ webhookUrl: `${base}/ok/T1/B1/token-123` }).postWebhook({ text: "hello" });
    expect(received).toEqual([{ type: "application/json", body: { text: "hello" } }]);
  });

  it("gives up after the timeout and never names the token", async () => {
    const notifier = createNotifier({ webhookUrl: `${base}/hang/T1/B1/token-123`, webhookTimeoutMs: 200 });
    const error = await notifier.postWebhook({ text: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotifyError);
    expect((error as Error).message).toMatch(/no answer within 200 ms/);
    expect((error as Error).message).not.toContain("token-123");
  });

  it("refuses redirects and reports what is not configured", async () => {
    await expect(createNotifier({ webhookUrl: `${base}/redirect/token-123` }).postWebhook({ text: "x" })).rejects.toBeInstanceOf(NotifyError);
    const none = createNotifier({});
    expect([none.email, none.webhook]).toEqual([false, false]);
    await expect(none.sendEmail({ to: "a@example.com", subject: "s", text: "t" })).rejects.toThrow(/not configured/);
  });
});
