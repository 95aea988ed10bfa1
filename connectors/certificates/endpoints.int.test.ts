import net, { type AddressInfo, type Socket } from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeywardRecord } from "../sdk";
import { driveConnector } from "../sdk/testing/drive-connector";
import { generateTestPki, type TestCertificate, type TestPki } from "./__fixtures__/test-pki";
import { certificatesConnector } from "./index";

/*
 * Real TLS servers on 127.0.0.1 (random ports) serving generated certificates, a TCP server
 * that accepts and never answers, and a closed port. The connector scans them through the
 * same path a sync takes: targets → one endpoints unit per target → transform.
 */

let pki: TestPki;
const servers: net.Server[] = [];
const sockets = new Set<Socket>();
const ports: Record<string, number> = {};
let connectionsSeen = 0;

async function listen(name: string, server: net.Server): Promise<void> {
  server.on("connection", (socket: Socket) => {
    connectionsSeen++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Handshake failures of the probes are expected; keep them off the test output.
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  ports[name] = (server.address() as AddressInfo).port;
}

const serve = (cert: TestCertificate, chain: TestCertificate[] = [], options: tls.TlsOptions = {}) =>
  tls.createServer({ cert: [cert, ...chain].map((c) => c.pem).join(""), key: cert.keyPem, ...options });

beforeAll(async () => {
  pki = await generateTestPki();
  const context = (cert: TestCertificate) => tls.createSecureContext({ cert: cert.pem, key: cert.keyPem });
  const byName: Record<string, tls.SecureContext> = {
    "wild.example.test": context(pki.wildcard),
    "decade.example.test": context(pki.tenYear),
  };
  await listen("chain", serve(pki.leaf, [pki.intermediate]));
  await listen("expired", serve(pki.expired, [pki.intermediate]));
  await listen("expiring", serve(pki.expiring, [pki.intermediate]));
  await listen(
    "sni",
    serve(pki.selfSigned, [], { SNICallback: (name, done) => done(null, byName[name] ?? context(pki.selfSigned)) }),
  );
  await listen("weak", serve(pki.rsa1024, [], { ciphers: "DEFAULT:@SECLEVEL=0" }));
  await listen("tls12", serve(pki.leaf, [pki.intermediate], { maxVersion: "TLSv1.2" }));
  await listen(
    "silent",
    net.createServer(() => undefined),
  );
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  ports.closed = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

const at = (name: string) => `127.0.0.1:${ports[name]}`;
type Credential = Extract<KeywardRecord, { kind: "credential" }>;

function certificatesAt(records: readonly KeywardRecord[], target: string): Credential[] {
  const stored = records.filter((r) => r.kind === "edge" && r.type === "stored_in" && r.to.externalId === target);
  const ids = stored.map((edge) => (edge.kind === "edge" ? edge.from.externalId : ""));
  return ids.map((id) => records.find((r): r is Credential => r.kind === "credential" && r.externalId === id) as Credential);
}

function edgeTo(records: readonly KeywardRecord[], target: string, thumbprint: string) {
  return records.find((r) => r.kind === "edge" && r.to.externalId === target && r.from.externalId === thumbprint);
}

describe("endpoints stream against real TLS servers", () => {
  let result: Awaited<ReturnType<typeof driveConnector>>;

  beforeAll(async () => {
    result = await driveConnector(certificatesConnector, {
      targets: [
        at("chain"),
        at("expired"),
        at("expiring"),
        { host: "127.0.0.1", port: ports.sni, servername: "wild.example.test" },
        { host: "127.0.0.1", port: ports.sni, servername: "decade.example.test" },
        at("weak"),
        at("tls12"),
        at("silent"),
        at("closed"),
        "169.254.169.254:443",
      ],
      allowPrivateNetworks: true,
      connectTimeoutMs: 400,
    });
  });

  it("reads the full chain, leaf first, with the negotiated protocol", () => {
    const chain = certificatesAt(result.records, at("chain"));
    expect(chain.map((c) => c.externalId)).toEqual([pki.leaf.thumbprint, pki.intermediate.thumbprint]);
    expect(chain[0]).toMatchObject({
      externalType: "certificates.tls_certificate",
      status: "active",
      locations: [{ source: "tls", path: at("chain") }],
    });
    expect(chain[0]?.attributes).toMatchObject({ issuerThumbprint: pki.intermediate.thumbprint, chainPosition: 0 });
    expect(chain[1]?.attributes).toMatchObject({ isCA: true, chainPosition: 1 });
    expect(edgeTo(result.records, at("chain"), pki.leaf.thumbprint)).toMatchObject({
      attributes: { protocol: "TLSv1.3", authorized: false, chainPosition: 0 },
    });
    expect(edgeTo(result.records, at("tls12"), pki.leaf.thumbprint)).toMatchObject({ attributes: { protocol: "TLSv1.2" } });
  });

  it("reports expired and expiring certificates", () => {
    const [expired] = certificatesAt(result.records, at("expired"));
    expect(expired).toMatchObject({
      externalId: pki.expired.thumbprint,
      status: "expired",
      expiresAt: pki.expired.notAfter.toISOString(),
    });
    const [expiring] = certificatesAt(result.records, at("expiring"));
    expect(expiring).toMatchObject({
      externalId: pki.expiring.thumbprint,
      status: "active",
      expiresAt: pki.expiring.notAfter.toISOString(),
    });
  });

  it("sends SNI, so one address yields the certificate of each name", () => {
    const wild = certificatesAt(result.records, `${at("sni")}#wild.example.test`);
    expect(wild.map((c) => [c.externalId, c.attributes.wildcard])).toEqual([[pki.wildcard.thumbprint, true]]);
    const decade = certificatesAt(result.records, `${at("sni")}#decade.example.test`);
    expect(decade.map((c) => [c.externalId, c.attributes.validityDays])).toEqual([[pki.tenYear.thumbprint, 3651]]);
  });

  it("scans a legacy endpoint with an RSA-1024 certificate instead of refusing it", () => {
    const [weak] = certificatesAt(result.records, at("weak"));
    expect(weak).toMatchObject({
      externalId: pki.rsa1024.thumbprint,
      algorithm: "RSA",
      keySize: 1024,
      attributes: { selfSigned: true },
    });
  });

  it("lists every configured endpoint, and records a coverage gap per target that timed out, refused or was blocked", () => {
    const endpoints = result.records.filter((r) => r.kind === "resource").map((r) => (r.kind === "resource" ? r.externalId : ""));
    expect(endpoints).toHaveLength(10);
    expect(endpoints).toContain(at("silent"));
    expect(result.gaps).toEqual([
      {
        scope: "certificates",
        stream: "endpoints",
        reason: "timeout",
        detail: `TimeoutError: tls://${at("silent")} did not answer within 400 ms`,
      },
      { scope: "certificates", stream: "endpoints", reason: "error", detail: expect.stringContaining("ECONNREFUSED") },
      {
        scope: "certificates",
        stream: "endpoints",
        reason: "error",
        detail: "BlockedAddressError: refused to connect to 169.254.169.254: metadata",
      },
    ]);
    expect(certificatesAt(result.records, at("silent"))).toEqual([]);
  });
});

describe("endpoint scans follow the guarded client's address rules", () => {
  it("refuses loopback targets unless the source allows private networks, without connecting", async () => {
    const before = connectionsSeen;
    const { records, gaps } = await driveConnector(certificatesConnector, { targets: [at("chain")], connectTimeoutMs: 400 });
    expect(gaps).toEqual([
      {
        scope: "certificates",
        stream: "endpoints",
        reason: "error",
        detail: "BlockedAddressError: refused to connect to 127.0.0.1: loopback",
      },
    ]);
    expect(records.filter((r) => r.kind === "credential")).toEqual([]);
    expect(connectionsSeen).toBe(before);
  });

  it("allows one loopback address through allowCidrs", async () => {
    const { records, gaps } = await driveConnector(certificatesConnector, {
      targets: [at("chain")],
      allowCidrs: ["127.0.0.1/32"],
    });
    expect(gaps).toEqual([]);
    expect(certificatesAt(records, at("chain"))).toHaveLength(2);
  });
});
