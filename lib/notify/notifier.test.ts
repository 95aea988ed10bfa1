import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifier, NotifyError } from "@/lib/notify/notifier";

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
