import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createGuardedHttp } from "./http";
import { BlockedAddressError, HttpError, NetworkError, ResponseError, TimeoutError } from "./http-errors";
import type { GuardedHttp, GuardedHttpOptions } from "./http-options";
import type { LookupFunction } from "./network-policy";

/** A real loopback server; each route counts its hits so tests can assert on retries. */
let server: Server;
let base: string;
let port: number;
const hits: string[] = [];

const failuresBeforeSuccess = new Map<string, number>();
function flaky(res: ServerResponse, key: string, status: number, headers: Record<string, string> = {}): boolean {
  const remaining = failuresBeforeSuccess.get(key) ?? 0;
  if (remaining === 0) return false;
  failuresBeforeSuccess.set(key, remaining - 1);
  res.writeHead(status, headers).end("try later");
  return true;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  hits.push(`${req.method} ${url.pathname}`);
  const json = (body: unknown, status = 200) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  switch (url.pathname) {
    case "/flaky":
      if (!flaky(res, "flaky", 503)) json({ ok: true });
      return;
    case "/rate-limited":
      if (!flaky(res, "rate", 429, { "retry-after": url.searchParams.get("after") ?? "1" })) json({ ok: true });
      return;
    case "/slow":
      setTimeout(() => json({ late: true }), 1_000).unref();
      return;
    case "/not-found":
      json({ message: "nope" }, 404);
      return;
    case "/echo-headers":
      json(req.headers);
      return;
    case "/redirect":
      res.writeHead(302, { location: url.searchParams.get("to") ?? "/echo-headers" }).end();
      return;
    case "/not-json":
      res.writeHead(200).end("<html>");
      return;
    case "/big":
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ blob: "x".repeat(10_000) }));
      return;
    default:
      json({ ok: true, path: url.pathname });
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const clients: GuardedHttp[] = [];
let sleeps: number[];
beforeEach(() => {
  hits.length = 0;
  failuresBeforeSuccess.clear();
  sleeps = [];
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** A client allowed to reach the loopback test server, with a recording fake sleep. */
function client(options: GuardedHttpOptions = {}): GuardedHttp {
  const http = createGuardedHttp({
    allowPrivateNetworks: true,
    allowInsecureHttp: true,
    backoffBaseMs: 100,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  clients.push(http);
  return http;
}

const fakeDns = (...answers: string[][]): LookupFunction => {
  let call = 0;
  return vi.fn(async () => {
    const answer = answers[Math.min(call++, answers.length - 1)] ?? [];
    return answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  });
};

describe("retries", () => {
  it("retries 503 with exponential full-jitter backoff, then succeeds", async () => {
    failuresBeforeSuccess.set("flaky", 2);
    const { data, status } = await client().json(`${base}/flaky`);
    expect(data).toEqual({ ok: true });
    expect(status).toBe(200);
    expect(hits).toEqual(["GET /flaky", "GET /flaky", "GET /flaky"]);
    // random 0.5 × ceiling 100 ms, then × 200 ms
    expect(sleeps).toEqual([50, 100]);
  });

  it("gives up after maxAttempts with an HttpError carrying the status", async () => {
    failuresBeforeSuccess.set("flaky", 10);
    const error = await client({ maxAttempts: 3 })
      .request(`${base}/flaky`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503, method: "GET" });
    expect(hits).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it("honours Retry-After: 1 by waiting exactly 1000 ms", async () => {
    failuresBeforeSuccess.set("rate", 1);
    await expect(client().json(`${base}/rate-limited?after=1`)).resolves.toMatchObject({ data: { ok: true } });
    expect(sleeps).toEqual([1000]);
    expect(hits).toHaveLength(2);
  });

  it("caps a long Retry-After at maxRetryAfterMs", async () => {
    failuresBeforeSuccess.set("rate", 1);
    await client({ maxRetryAfterMs: 5_000 }).json(`${base}/rate-limited?after=3600`);
    expect(sleeps).toEqual([5_000]);
  });

  it("does not retry other client errors, and keeps query-string secrets out of the error", async () => {
    const error = await client()
      .request(`${base}/not-found?api_key=SUPERSECRET`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(404);
    expect((error as HttpError).url).toBe(`${base}/not-found`);
    expect((error as Error).message).not.toContain("SUPERSECRET");
    expect(hits).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("returns accepted non-2xx responses instead of throwing", async () => {
    const response = await client().request(`${base}/not-found`, { acceptStatus: (s) => s === 404 });
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });

  it("does not retry a POST on 503 (not idempotent) but does on 429", async () => {
    failuresBeforeSuccess.set("flaky", 1);
    await expect(client().request(`${base}/flaky`, { method: "POST", body: "{}" })).rejects.toMatchObject({ status: 503 });
    expect(hits).toEqual(["POST /flaky"]);
    hits.length = 0;
    failuresBeforeSuccess.set("rate", 1);
    await client().json(`${base}/rate-limited`, { method: "POST", body: "{}" });
    expect(hits).toEqual(["POST /rate-limited", "POST /rate-limited"]);
  });

  it("times out a slow answer with TimeoutError, retrying it like a network error", async () => {
    await expect(client({ timeoutMs: 100, maxAttempts: 1 }).request(`${base}/slow`)).rejects.toBeInstanceOf(TimeoutError);
    hits.length = 0;
    const error = await client({ timeoutMs: 100, maxAttempts: 2 })
      .json(`${base}/slow`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, url: `${base}/slow` });
    expect(hits).toEqual(["GET /slow", "GET /slow"]);
    expect(sleeps).toHaveLength(1);
  });

  it("retries connection failures and then throws NetworkError with the errno", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await client({ maxAttempts: 3 })
      .request(`http://127.0.0.1:${deadPort}/`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ errno: "ECONNREFUSED", transient: true });
    expect(sleeps).toHaveLength(2);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const controller = new AbortController();
    const http = client({ signal: controller.signal, timeoutMs: 5_000 });
    const pending = http.request(`${base}/slow`);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(sleeps).toEqual([]);
    expect(hits).toEqual(["GET /slow"]);
  });
});

describe("SSRF guard", () => {
  it("refuses 169.254.169.254 and metadata names even with allowPrivateNetworks, without any DNS lookup", async () => {
    const lookup = fakeDns(["127.0.0.1"]);
    const http = client({ lookup });
    for (const url of [
      "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
      "http://[::ffff:169.254.169.254]/",
      "http://metadata.google.internal/computeMetadata/v1/",
    ]) {
      await expect(http.request(url)).rejects.toMatchObject({ name: "BlockedAddressError", reason: "metadata" });
    }
    expect(lookup).not.toHaveBeenCalled();
  });

  it("refuses a hostname that resolves to 127.0.0.1 unless private networks are allowed", async () => {
    const strict = client({ allowPrivateNetworks: false, lookup: fakeDns(["127.0.0.1"]) });
    await expect(strict.request(`http://svc.test:${port}/echo-headers`)).rejects.toMatchObject({
      reason: "loopback",
      address: "127.0.0.1",
    });
    expect(hits).toEqual([]);
    const open = client({ allowPrivateNetworks: true, lookup: fakeDns(["127.0.0.1"]) });
    const { data } = await open.json<Record<string, string>>(`http://svc.test:${port}/echo-headers`);
    expect(data.host).toBe(`svc.test:${port}`);
  });

  it("refuses real 'localhost' and the loopback literal by default", async () => {
    const strict = client({ allowPrivateNetworks: false });
    await expect(strict.request(`http://localhost:${port}/`)).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(strict.request(`${base}/`)).rejects.toMatchObject({ reason: "loopback" });
    await expect(strict.request(`http://[::ffff:127.0.0.1]:${port}/`)).rejects.toMatchObject({ reason: "loopback" });
    expect(hits).toEqual([]);
  });

  it("lets the loopback test server through with allowPrivateNetworks, allowHosts or allowCidrs", async () => {
    await expect(client({ allowPrivateNetworks: true }).json(`${base}/`)).resolves.toMatchObject({ status: 200 });
    await expect(client({ allowPrivateNetworks: false, allowHosts: ["127.0.0.1"] }).json(`${base}/`)).resolves.toMatchObject({
      status: 200,
    });
    const byCidr = client({ allowPrivateNetworks: false, allowCidrs: ["127.0.0.0/8"], lookup: fakeDns(["127.0.0.1"]) });
    await expect(byCidr.json(`http://svc.test:${port}/`)).resolves.toMatchObject({ status: 200 });
    expect(hits).toHaveLength(3);
  });

  it("refuses a name with one public and one private address", async () => {
    const http = client({ allowPrivateNetworks: false, lookup: fakeDns(["93.184.216.34", "127.0.0.1"]) });
    await expect(http.request(`http://mixed.test:${port}/`)).rejects.toMatchObject({ reason: "loopback" });
    expect(hits).toEqual([]);
  });

  it("checks the address the socket connects to (DNS rebinding after the pre-check)", async () => {
    // First answer passes the pre-connect check; the connect-time lookup then gets loopback.
    const lookup = fakeDns(["10.0.0.7"], ["127.0.0.1"]);
    const http = client({ allowPrivateNetworks: false, allowCidrs: ["10.0.0.0/8"], lookup });
    await expect(http.request(`http://rebind.test:${port}/`)).rejects.toMatchObject({
      name: "BlockedAddressError",
      reason: "loopback",
    });
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(hits).toEqual([]);
  });

  it("does not follow redirects by default", async () => {
    const error = await client()
      .request(`${base}/redirect?to=/echo-headers`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HttpError", status: 302 });
    expect(hits).toEqual(["GET /redirect"]);
  });

  it("re-checks every redirect hop and refuses one to the metadata service", async () => {
    const http = client({ maxRedirects: 3 });
    const to = encodeURIComponent("http://169.254.169.254/latest/meta-data/");
    await expect(http.request(`${base}/redirect?to=${to}`)).rejects.toMatchObject({ reason: "metadata" });
    await expect(http.json(`${base}/redirect?to=/`)).resolves.toMatchObject({ data: { path: "/" } });
  });

  it("drops credentials on a cross-origin redirect but keeps them on the same origin", async () => {
    const http = client({ maxRedirects: 2, lookup: fakeDns(["127.0.0.1"]), headers: { authorization: "Bearer T0KEN" } });
    const init = { headers: { "x-vault-token": "hvs.CANARY", "user-agent": "keyward-test" } };
    const same = await http.json<Record<string, string>>(`${base}/redirect?to=/echo-headers`, init);
    expect(same.data).toMatchObject({ authorization: "Bearer T0KEN", "x-vault-token": "hvs.CANARY" });
    const to = encodeURIComponent(`http://svc.test:${port}/echo-headers`);
    const cross = await http.json<Record<string, string>>(`${base}/redirect?to=${to}`, init);
    expect(cross.data.host).toBe(`svc.test:${port}`);
    expect(cross.data.authorization).toBeUndefined();
    expect(cross.data["x-vault-token"]).toBeUndefined();
    expect(cross.data["user-agent"]).toBe("keyward-test");
  });

  it("refuses plain http unless allowInsecureHttp, and URLs with user-info", async () => {
    await expect(client({ allowInsecureHttp: false }).request(`${base}/`)).rejects.toMatchObject({ reason: "insecure_scheme" });
    await expect(client().request(`http://user:pw@127.0.0.1:${port}/`)).rejects.toMatchObject({ reason: "userinfo" });
    expect(hits).toEqual([]);
  });
});

describe("json()", () => {
  it("returns data, headers and status, sending Accept: application/json", async () => {
    const result = await client().json<Record<string, string>>(`${base}/echo-headers`);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("application/json");
    expect(result.data.accept).toBe("application/json");
  });

  it("validates with a schema and reports the failing path", async () => {
    const schema = z.object({ ok: z.literal(true), path: z.number() });
    await expect(client().json(`${base}/`, { schema })).rejects.toMatchObject({ code: "invalid_response" });
    const ok = await client().json(`${base}/`, { schema: z.object({ ok: z.boolean() }) });
    expect(ok.data.ok).toBe(true);
  });

  it("refuses bodies that are not JSON or exceed maxResponseBytes", async () => {
    await expect(client().json(`${base}/not-json`)).rejects.toMatchObject({ code: "invalid_json" });
    const error = await client({ maxResponseBytes: 1_000 })
      .json(`${base}/big`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ code: "response_too_large" });
  });
});
