import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedAddressError, createFingerprinter, HARNESS_SCOPE, type ConnectorContext } from "../../sdk";
import { serveOverDumbHttp, type DumbHttpServer } from "../__fixtures__/dumb-http-server";
import { buildTestRepository, PLANTED, TEST_MAX_FILE_BYTES, type TestRepository } from "../__fixtures__/test-repository";
import { codeConfigSchema, repositoryId, type CodeConfig } from "../config";
import { codeConnector } from "..";

const fingerprint = createFingerprinter(Buffer.alloc(32, 9));
const stream = codeConnector.streams[0]!;
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const contextFor = (config: Partial<CodeConfig>): ConnectorContext<CodeConfig> => ({
  config: codeConfigSchema.parse(config),
  http: {} as never,
  fingerprint,
  signal: new AbortController().signal,
  log: silent,
});

let repo: TestRepository;
let server: DumbHttpServer;

beforeAll(async () => {
  repo = buildTestRepository();
  server = await serveOverDumbHttp(repo);
});
afterAll(async () => {
  await server.close();
  repo.remove();
});

describe("secrets stream on a clone URL", () => {
  it("mirrors the repository over HTTP and scans every ref of it", async () => {
    const ctx = contextFor({
      repositories: [server.url],
      allowPrivateNetworks: true,
      allowInsecureHttp: true,
      maxFileBytes: TEST_MAX_FILE_BYTES,
    });
    const [scope] = await codeConnector.scopes(ctx);
    expect(scope?.id).toBe(repositoryId(server.url));
    const page = await stream.list({ scope: scope!, cursor: undefined, parent: undefined, ctx });
    const records = page.items.flatMap((item) =>
      stream.transform(item, { scope: HARNESS_SCOPE, parent: undefined, fingerprint }),
    );
    const found = records.flatMap((r) => (r.kind === "credential" ? [r.fingerprint] : []));
    expect(found).toHaveLength(12);
    // The side-branch secret proves all refs were mirrored, not just the default branch.
    expect(found).toContain(fingerprint(PLANTED.slackWebhook));
    expect(found).toContain(fingerprint(PLANTED.githubToken));
    expect(server.requests).toContain("/served.git/info/refs");
    expect(await codeConnector.check(ctx)).toEqual({ ok: true, detail: "1 repository(ies) reachable" });
  });

  it("refuses the loopback server unless private networks are allowed, and plain http unless allowed", async () => {
    const scope = { id: repositoryId(server.url), label: "served" };
    const before = server.requests.length;
    const loopback = contextFor({ repositories: [server.url], allowInsecureHttp: true });
    await expect(stream.list({ scope, cursor: undefined, parent: undefined, ctx: loopback })).rejects.toThrow(
      BlockedAddressError,
    );
    const http = contextFor({ repositories: [server.url], allowPrivateNetworks: true });
    await expect(stream.list({ scope, cursor: undefined, parent: undefined, ctx: http })).rejects.toThrow(/allowInsecureHttp/);
    expect(server.requests.length).toBe(before);
  });
});
