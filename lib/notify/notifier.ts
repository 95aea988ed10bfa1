import "server-only";
import nodemailer from "nodemailer";

/*
 * Outbound notifications: e-mail over SMTP (nodemailer) and a Slack-compatible incoming webhook
 * (a JSON POST with `text`). Configuration is passed in (lib/env.ts reads it), so tests point it
 * at their own SMTP and HTTP servers on 127.0.0.1.
 */

export type NotifyConfig = {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; absent: no e-mail. */
  smtpUrl?: string;
  /** The From header, e.g. `Keyward <keyward@example.com>`. */
  smtpFrom?: string;
  /** A Slack-compatible incoming webhook URL; absent: no webhook. */
  webhookUrl?: string;
  /** How long one webhook POST may take before it counts as failed [10 s]. */
  webhookTimeoutMs?: number;
  /** Keyward's own URL, for links in messages. */
  baseUrl?: string;
};

/** A file sent with an e-mail; the content goes out base64-encoded, byte for byte. */
export type EmailAttachment = { filename: string; content: Buffer; contentType: string };

export type EmailMessage = { to: string; subject: string; text: string; attachments?: EmailAttachment[] };
export type WebhookMessage = { text: string };

export type Notifier = {
  readonly email: boolean;
  readonly webhook: boolean;
  readonly baseUrl: string | null;
  sendEmail(message: EmailMessage): Promise<void>;
  postWebhook(message: WebhookMessage): Promise<void>;
  close(): void;
};

/** A delivery that failed: the reminder is not recorded, so the next pass tries again. */
export class NotifyError extends Error {
  readonly code = "NOTIFY_FAILED";
}

/** Without a reply in 10 s a chat webhook is down; the worker tries again on its next pass. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

export function createNotifier(config: NotifyConfig): Notifier {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const from = config.smtpFrom ?? "Keyward <keyward@localhost>";
  return {
    email: transport !== null,
    webhook: Boolean(config.webhookUrl),
    baseUrl: config.baseUrl?.replace(/\/$/, "") ?? null,
    async sendEmail(message) {
      if (!transport) throw new NotifyError("E-mail is not configured (no SMTP URL).");
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          attachments: message.attachments?.map(({ filename, content, contentType }) => ({ filename, content, contentType })),
        });
      } catch (error) {
        throw new NotifyError(`E-mail to ${message.to} failed: ${(error as Error).message}`);
      }
    },
    async postWebhook(message) {
      if (!config.webhookUrl) throw new NotifyError("No webhook is configured.");
      await postJson(config.webhookUrl, message, config.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS);
    },
    close() {
      transport?.close();
    },
  };
}

async function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (error as Error).message;
    // The URL may carry a token in its path: name only its host.
    throw new NotifyError(`Webhook POST to ${new URL(url).host} failed: ${reason}`);
  }
  await response.body?.cancel();
  if (!response.ok) throw new NotifyError(`Webhook POST to ${new URL(url).host} answered ${response.status}.`);
}
