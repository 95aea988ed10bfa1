import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFingerprinter } from "@/connectors/sdk";
import {
  ALICE,
  BOB,
  bundleOf,
  buildTestRepository,
  CAROL,
  CONFIG_OWNER,
  PLANTED,
  PYTHON_OWNER,
  type TestRepository,
} from "@/connectors/code/__fixtures__/test-repository";
import { importPath } from "@/lib/sync/import/import-path";
import { IMPORT_KEYS, importOptions, tempFolder } from "@/lib/sync/import/testing/import-fixtures";
import { query } from "@/lib/sync/testing/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * Issue 5, "Done means" 2, through `keyward import` and the real sync runner: a git bundle of a
 * real repository built by the test (several commits and branches, a secret added then deleted,
 * decoys of every kind, a binary file, a large file) loads exactly the planted secrets, none of
 * the decoys; and each leaked secret's owners arrive with a provenance the ownership module ranks:
 * the repository's CODEOWNERS as `catalog` (level 3), the committer as `suggested` (level 4).
 */

const fingerprint = createFingerprinter(IMPORT_KEYS.fingerprintKey);

/**
 * What the bundle import must find. It scans with the default 1 MiB cap, over `data/big.sql`
 * (about 120 KB), so that file's value is found too (the unit tests scan with a smaller cap).
 */
const FOUND = {
  awsSecret: "aws-secret-access-key",
  githubToken: "github-token",
  dbPassword: "database-url-password",
  stripeKey: "stripe-key",
  slackToken: "slack-token",
  sendgridKey: "sendgrid-api-key",
  privateKeyBody: "private-key",
  genericSecret: "generic-secret-assignment",
  gitlabToken: "gitlab-token",
  dockerToken: "dockerhub-pat",
  jwt: "jwt",
  slackWebhook: "slack-webhook",
  inLargeFile: "github-token",
} as const;
/** Planted but never to be a credential: in a binary file, in a fixture folder, marked as allowed, an access key id. */
const NOT_FOUND = ["inBinary", "inFixture", "markedAllowed", "awsKeyId"] as const;

type Row = { external_id: string; fingerprint: string; rule: string; history_only: boolean; locations: { path: string }[] };
type OwnerRow = { fp: string; email: string; provenance: string; kind: string; in_directory: boolean };

describe("keyward import of a git bundle (code connector)", () => {
  let t: TestDatabase;
  let repo: TestRepository;
  const folder = tempFolder();

  beforeAll(async () => {
    t = await createTestDatabase();
    repo = buildTestRepository();
    fs.mkdirSync(path.join(folder.dir, "repos"));
    fs.writeFileSync(path.join(folder.dir, "repos/app.bundle"), bundleOf(repo));
    folder.write(
      "people.csv",
      [
        "email,name,status",
        ...[CONFIG_OWNER, PYTHON_OWNER, ALICE.email, BOB.email, CAROL.email].map((e) => `${e},${e},active`),
      ].join("\n") + "\n",
    );
  });
  afterAll(async () => {
    repo.remove();
    folder.remove();
    await t.drop();
  });

  it("recognises the bundle by content and loads exactly the planted secrets, the deleted one included, no decoy", async () => {
    const report = await importPath(folder.dir, importOptions(t.url));
    expect(report.ok, JSON.stringify(report.files)).toBe(true);
    expect(report.files.map((f) => [path.basename(f.path), f.format, f.status])).toEqual([
      ["people.csv", "people.directory-csv", "ok"],
      ["app.bundle", "code.git-bundle", "ok"],
    ]);
    const rows = await query<Row>(
      t.url,
      `SELECT external_id, fingerprint, attributes->>'ruleId' AS rule, (attributes->>'historyOnly')::boolean AS history_only, locations
       FROM credentials WHERE external_type = 'code.secret' ORDER BY fingerprint`,
    );
    const expected = Object.entries(FOUND)
      .map(([name, rule]) => [fingerprint(PLANTED[name as keyof typeof FOUND]), rule])
      .sort(([a], [b]) => a!.localeCompare(b!));
    expect(rows.map((r) => [r.fingerprint, r.rule])).toEqual(expected);
    const stored = new Set(rows.map((r) => r.fingerprint));
    for (const name of NOT_FOUND) expect(stored.has(fingerprint(PLANTED[name])), name).toBe(false);
    expect(rows.every((r) => r.external_id === `bundle:repos/app.bundle#${r.fingerprint}`)).toBe(true);

    const historyOnly = rows.filter((r) => r.history_only).map((r) => r.locations[0]!.path);
    expect(historyOnly.sort()).toEqual(["config/app.yaml", "scripts/notify.sh"]);
    const repository = await query<{ name: string; attributes: Record<string, unknown> }>(
      t.url,
      "SELECT name, attributes FROM resources WHERE external_type = 'code.repository'",
    );
    expect(repository).toEqual([
      { name: "app", attributes: expect.objectContaining({ binaryBlobsSkipped: 1, largeBlobsSkippedCount: 0 }) as unknown },
    ]);
  });

  it("stores CODEOWNERS owners at the catalog level and the committer at the suggested level, with provenance", async () => {
    const owners = await query<OwnerRow>(
      t.url,
      `SELECT c.fingerprint AS fp, lower(coalesce(p.email, e.to_external_id)) AS email,
              e.attributes->>'provenance' AS provenance,
              owner_provenance_kind(coalesce(e.attributes->>'provenance', '')) AS kind,
              p.id IS NOT NULL AS in_directory
       FROM edges e JOIN credentials c ON c.id = e.from_id LEFT JOIN people p ON p.id = e.to_id
       WHERE e.type = 'owned_by' AND e.gone_since IS NULL`,
    );
    const of = (name: keyof typeof FOUND) =>
      owners
        .filter((o) => o.fp === fingerprint(PLANTED[name]))
        .map((o) => [o.email, o.provenance, o.kind])
        .sort((a, b) => a[2]!.localeCompare(b[2]!));
    const CATALOG = "code.codeowners:.github/CODEOWNERS";
    // config/app.yaml (deleted since): `/config/` names an e-mail; Alice added the token.
    expect(of("githubToken")).toEqual([
      [CONFIG_OWNER, CATALOG, "catalog"],
      [ALICE.email.toLowerCase(), "code.committer", "suggested"],
    ]);
    // .env: CODEOWNERS names Alice, who also committed it: one claim, at the better level.
    expect(of("awsSecret")).toEqual([[ALICE.email.toLowerCase(), CATALOG, "catalog"]]);
    // src/client.ts: only `* @acme/platform` (a team handle, no mailbox): the committer is the only lead.
    expect(of("genericSecret")).toEqual([[BOB.email, "code.committer", "suggested"]]);
    expect(of("jwt")).toEqual([
      [PYTHON_OWNER, CATALOG, "catalog"],
      [CAROL.email, "code.committer", "suggested"],
    ]);
    // Every claim reached a person of the directory (imported from another file, another source).
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.every((o) => o.in_directory)).toBe(true);
    const handles = await query<{ codeowners: string[] }>(
      t.url,
      "SELECT attributes->'codeowners' AS codeowners FROM credentials WHERE fingerprint = $1",
      [fingerprint(PLANTED.genericSecret)],
    );
    expect(handles).toEqual([{ codeowners: ["@acme/platform"] }]);
  });

  it("re-imports the same bundle as the same records: nothing added or changed", async () => {
    const report = await importPath(folder.dir, importOptions(t.url));
    expect(report.ok).toBe(true);
    const code = report.sources.find((s) => s.provider === "code")!;
    expect(code.summary.status).toBe("succeeded");
    for (const kind of ["credential", "resource", "edge"] as const) {
      expect(code.summary.counts[kind], kind).toMatchObject({ added: 0, updated: 0, gone: 0 });
      expect(code.summary.counts[kind]!.unchanged, kind).toBeGreaterThan(0);
    }
  });
});
