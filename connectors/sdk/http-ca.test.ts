import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issue } from "../certificates/__fixtures__/test-pki";
import { createGuardedHttp } from "./http";
import { NetworkError } from "./http-errors";

let server: Server;
let url: string;
let caPem: string;

beforeAll(async () => {
  const cert = await issue({ cn: "127.0.0.1", sans: ["localhost"] });
  caPem = cert.pem;
  server = createServer({ cert: cert.pem, key: cert.keyPem }, (_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://localhost:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("guarded HTTP: extra trusted CAs", () => {
  it("refuses a certificate no trusted CA signed", async () => {
    const http = createGuardedHttp({ allowPrivateNetworks: true, maxAttempts: 1 });
    await expect(http.request(url)).rejects.toBeInstanceOf(NetworkError);
    await http.close();
  });

  it("accepts it when its CA is given, without weakening verification for anyone else", async () => {
    const http = createGuardedHttp({ allowPrivateNetworks: true, ca: caPem });
    expect(await (await http.request(url)).text()).toBe("ok");
    await http.close();
    const other = createGuardedHttp({ allowPrivateNetworks: true, maxAttempts: 1 });
    await expect(other.request(url)).rejects.toBeInstanceOf(NetworkError);
    await other.close();
  });
});
