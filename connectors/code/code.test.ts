import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BlockedAddressError,
  createFingerprinter,
  detectFormat,
  expectHarnessPasses,
  FormatError,
  HARNESS_SCOPE,
  inspectFile,
  type ConnectorContext,
  type KeywardRecordInput,
} from "../sdk";
import {
  ALICE,
  BOB,
  bundleOf,
  buildTestRepository,
  PLANTED,
  TEST_MAX_FILE_BYTES,
  CONFIG_OWNER,
  PYTHON_OWNER,
  type TestRepository,
} from "./__fixtures__/test-repository";
import { codeConfigSchema, type CodeConfig } from "./config";
import { scanRepository } from "./scan/scan-repository";
import type { CodeItem } from "./schemas";
import { codeConnector } from ".";

const fingerprint = createFingerprinter(Buffer.alloc(32, 7));
const stream = codeConnector.streams[0]!;
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function contextFor(config: Partial<CodeConfig>): ConnectorContext<CodeConfig> {
  return {
    config: codeConfigSchema.parse(config),
    http: {} as never,
    fingerprint,
    signal: new AbortController().signal,
    log: silent,
  };
}

const transformAll = (items: readonly unknown[]) =>
  items.flatMap((item) => stream.transform(item, { scope: HARNESS_SCOPE, parent: undefined, fingerprint }));

/** Every value the scan finds in the test repository: the harness's canaries. */
const FOUND_VALUES = [
  "awsSecret",
  "githubToken",
  "dbPassword",
  "stripeKey",
  "slackToken",
  "sendgridKey",
  "privateKeyBody",
  "genericSecret",
  "gitlabToken",
  "dockerToken",
  "jwt",
  "slackWebhook",
].map((name) => PLANTED[name as keyof typeof PLANTED]);

let repo: TestRepository;
let items: CodeItem[];
let records: KeywardRecordInput[];

beforeAll(() => {
  repo = buildTestRepository();
  items = scanRepository(`${repo.dir}/.git`, { repository: "git@example/app", name: "app", maxFileBytes: TEST_MAX_FILE_BYTES });
  records = transformAll(items);
});
afterAll(() => repo.remove());

const credentialFor = (value: string) => {
  const found = records.find((r) => r.kind === "credential" && r.fingerprint === fingerprint(value));
  if (!found || found.kind !== "credential") throw new Error("no credential for that value");
  return found;
};

describe("code connector", () => {
  it("passes the connector harness (live items and a bundle file)", async () => {
    await expectHarnessPasses(codeConnector, {
      fixtures: [{ stream: "secrets", items }],
      files: [{ path: "repos/app.bundle", content: bundleOf(repo) }],
      canaries: FOUND_VALUES,
    });
  });

  it("puts no planted value, found or decoy, into any record", () => {
    const json = JSON.stringify(records);
    for (const value of Object.values(PLANTED)) {
      if (value === PLANTED.awsKeyId) continue; // an access key id is not secret: it links the pair
      expect(json).not.toContain(value);
      expect(json).not.toContain(value.slice(8, 24));
    }
  });

  it("makes one credential per secret value, located by file, line and commit, history-only or not", () => {
    expect(records.filter((r) => r.kind === "credential")).toHaveLength(12);
    const deleted = credentialFor(PLANTED.githubToken);
    expect(deleted).toMatchObject({
      externalType: "code.secret",
      externalId: `git@example/app#${fingerprint(PLANTED.githubToken)}`,
      name: "GitHub token in config/app.yaml",
      type: "token",
      status: "unknown",
      locations: [{ source: "git", path: "config/app.yaml", line: 2, commit: repo.commits.c1, historyOnly: true }],
      attributes: { ruleId: "github-token", inHead: false, historyOnly: true, firstCommit: repo.commits.c1 },
    });
    expect(credentialFor(PLANTED.genericSecret).locations).toEqual([
      { source: "git", path: "src/client.ts", line: 3, commit: repo.commits.c2, historyOnly: true },
      { source: "git", path: "src/client.ts", line: 4, commit: repo.commits.c4, historyOnly: false },
    ]);
    expect(credentialFor(PLANTED.genericSecret).attributes).toMatchObject({ inHead: true, historyOnly: false });
  });

  it("links the AWS secret to the AWS connector's access key node, and marks it as an AWS secret key", () => {
    const aws = credentialFor(PLANTED.awsSecret);
    expect(aws.attributes).toMatchObject({ accessKeyId: PLANTED.awsKeyId, valueKind: "aws_secret_access_key" });
    const links = records.filter((r) => r.kind === "edge" && r.type === "has_credential");
    expect(links).toEqual([
      {
        kind: "edge",
        type: "has_credential",
        from: { externalType: "code.secret", externalId: aws.externalId },
        to: { externalType: "aws.access_key", externalId: PLANTED.awsKeyId },
        attributes: { relation: "secret_half" },
      },
    ]);
  });

  const ownerEdgesOf = (value: string) => {
    const id = credentialFor(value).externalId;
    return records.filter((r) => r.kind === "edge" && r.type === "owned_by" && r.from.externalId === id);
  };
  const person = (email: string) => ({ externalType: "person", externalId: email });

  it("names the CODEOWNERS owner of the file (catalog provenance) and suggests the first commit's author (committer provenance)", () => {
    const ghRef = { externalType: "code.secret", externalId: credentialFor(PLANTED.githubToken).externalId };
    expect(ownerEdgesOf(PLANTED.githubToken)).toEqual([
      {
        kind: "edge",
        type: "owned_by",
        from: ghRef,
        to: person(CONFIG_OWNER),
        attributes: { provenance: "code.codeowners:.github/CODEOWNERS", pattern: "/config/", line: 3 },
      },
      {
        kind: "edge",
        type: "owned_by",
        from: ghRef,
        to: person(ALICE.email.toLowerCase()),
        attributes: { provenance: "code.committer", commit: repo.commits.c1 },
      },
    ]);
    expect(credentialFor(PLANTED.githubToken).attributes).toMatchObject({
      codeowners: [CONFIG_OWNER, "@acme/config"],
      codeownersFile: ".github/CODEOWNERS",
    });
  });

  it("keeps one edge per person (CODEOWNERS over committer), and only handles as attributes when CODEOWNERS names no e-mail", () => {
    // .env: CODEOWNERS names alice@example.com, who also committed it.
    expect(ownerEdgesOf(PLANTED.awsSecret).map((e) => e.kind === "edge" && [e.to.externalId, e.attributes?.provenance])).toEqual([
      ["alice@example.com", "code.codeowners:.github/CODEOWNERS"],
    ]);
    // src/client.ts: only `* @acme/platform` matches; the committer stays the (suggested) lead.
    expect(
      ownerEdgesOf(PLANTED.genericSecret).map((e) => e.kind === "edge" && [e.to.externalId, e.attributes?.provenance]),
    ).toEqual([[BOB.email, "code.committer"]]);
    expect(credentialFor(PLANTED.genericSecret).attributes).toMatchObject({ codeowners: ["@acme/platform"] });
    // src/auth.py: `*.py` (a later line) wins over `*`.
    expect(ownerEdgesOf(PLANTED.jwt).map((e) => e.kind === "edge" && e.to.externalId)).toEqual([
      PYTHON_OWNER,
      "carol@example.com",
    ]);
  });

  it("emits the repository with its coverage notes, and each file stored in it", () => {
    const repository = records.find((r) => r.kind === "resource" && r.externalType === "code.repository");
    expect(repository).toMatchObject({
      externalId: "git@example/app",
      type: "repository",
      attributes: { binaryBlobsSkipped: 1, largeBlobsSkippedCount: 1 },
    });
    const file = records.find((r) => r.kind === "resource" && r.externalId === "git@example/app:config/app.yaml");
    expect(file).toMatchObject({ type: "file", attributes: { inHead: false } });
    expect(records).toContainEqual({
      kind: "edge",
      type: "stored_in",
      from: { externalType: "code.secret", externalId: credentialFor(PLANTED.githubToken).externalId },
      to: { externalType: "code.file", externalId: "git@example/app:config/app.yaml" },
    });
  });

  it("lists a configured local repository through its scope, and the bundle import gives the same secrets", async () => {
    const ctx = contextFor({ repositories: [repo.dir], maxFileBytes: TEST_MAX_FILE_BYTES });
    const [scope] = await codeConnector.scopes(ctx);
    expect(scope).toEqual({ id: repo.dir, label: repo.dir.split("/").pop() });
    const page = await stream.list({ scope: scope!, cursor: undefined, parent: undefined, ctx });
    const fingerprints = (list: readonly unknown[]) =>
      transformAll(list)
        .flatMap((r) => (r.kind === "credential" ? [r.fingerprint] : []))
        .sort();
    expect(page.nextCursor).toBeUndefined();
    expect(fingerprints(page.items)).toEqual(FOUND_VALUES.map((v) => fingerprint(v)).sort());

    const file = inspectFile("repos/app.bundle", bundleOf(repo));
    const detected = detectFormat(file, codeConnector.formats);
    expect(detected?.format.id).toBe("code.git-bundle");
    const batches = detected!.format.parse(file);
    expect(batches.map((b) => b.stream)).toEqual(["secrets"]);
    // The default cap (1 MiB) is over the big file's size: the bundle scan reads it and finds its value too.
    expect(fingerprints(batches[0]!.items)).toEqual([...FOUND_VALUES, PLANTED.inLargeFile].map((v) => fingerprint(v)).sort());
  });

  it("refuses a truncated bundle with a format error, and recognises no other file", () => {
    const bytes = bundleOf(repo);
    const truncated = inspectFile("broken.bundle", bytes.subarray(0, 200));
    expect(() => codeConnector.formats[0]!.parse(truncated)).toThrow(FormatError);
    expect(detectFormat(inspectFile("x.env", "# v2 git bundle? no\n"), codeConnector.formats)).toBeNull();
  });

  it("refuses clone URLs of other schemes, with user-info, or resolving to a metadata address, before cloning", async () => {
    const scopeFor = (location: string) => ({ id: location, label: "x" });
    const refusals: [string, RegExp | typeof BlockedAddressError][] = [
      ["file:///etc", /only https:\/\/ and ssh:\/\//],
      ["https://169.254.169.254/a.git", BlockedAddressError],
      ["https://127.0.0.1:9/a.git", BlockedAddressError],
    ];
    for (const [location, reason] of refusals) {
      const ctx = contextFor({ repositories: [location] });
      await expect(stream.list({ scope: scopeFor(location), cursor: undefined, parent: undefined, ctx })).rejects.toThrow(reason);
    }
    expect(codeConfigSchema.safeParse({ repositories: ["https://user:pw@github.com/a/b.git"] }).success).toBe(false);
    expect(codeConfigSchema.safeParse({ repositories: ["ssh://git@github.com/a/b.git"] }).success).toBe(true);
    const ctx = contextFor({ repositories: [repo.dir] });
    await expect(stream.list({ scope: scopeFor("/elsewhere"), cursor: undefined, parent: undefined, ctx })).rejects.toThrow(
      /no configured repository/,
    );
  });

  it("checks that git works and the repositories open", async () => {
    expect(await codeConnector.check(contextFor({ repositories: [repo.dir] }))).toEqual({
      ok: true,
      detail: "1 repository(ies) reachable",
    });
    const bad = await codeConnector.check(contextFor({ repositories: [`${repo.dir}/missing`] }));
    expect(bad.ok).toBe(false);
  });
});
