import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardedHttp } from "./http";
import { BlockedAddressError } from "./http-errors";
import { sdkFetch } from "./sdk-fetch";

let server: Server;
let base: string;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (req.url === "/throttle") {
        res.writeHead(429, { "retry-after": "0", "content-type": "application/json" });
        res.end('{"error":"slow down"}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("sdkFetch", () => {
  const http = () => createGuardedHttp({ allowPrivateNetworks: true, allowInsecureHttp: true });

  it("sends method, headers and body through the guarded client", async () => {
    const fetchFn = sdkFetch(http());
    const response = await fetchFn(`${base}/x`, { method: "POST", headers: { authorization: "AWS4 x" }, body: "a=1" });
    expect(await response.json()).toEqual({ method: "POST", body: "a=1", auth: "AWS4 x" });
  });

  it("accepts a Request object", async () => {
    const fetchFn = sdkFetch(http());
    const response = await fetchFn(new Request(`${base}/y`, { method: "PUT", body: "z" }));
    expect(await response.json()).toMatchObject({ method: "PUT", body: "z" });
  });

  it("returns a throttling status to the SDK once instead of retrying it itself", async () => {
    const before = hits;
    const response = await sdkFetch(http())(`${base}/throttle`);
    expect(response.status).toBe(429);
    expect(hits - before).toBe(1);
  });

  it("keeps the SSRF guard: loopback is refused unless the source allows private networks", async () => {
    const strict = sdkFetch(createGuardedHttp({ allowInsecureHttp: true }));
    await expect(strict(`${base}/x`)).rejects.toBeInstanceOf(BlockedAddressError);
  });
});
