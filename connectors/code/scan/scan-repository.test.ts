import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALICE,
  BOB,
  buildMergeRepository,
  buildTestRepository,
  CAROL,
  CONFIG_OWNER,
  PLANTED,
  TEST_MAX_FILE_BYTES,
  type TestRepository,
} from "../__fixtures__/test-repository";
import type { RepositoryItem, SecretItem } from "../schemas";
import { scanRepository } from "./scan-repository";

let repo: TestRepository;
let items: ReturnType<typeof scanRepository>;

beforeAll(() => {
  repo = buildTestRepository();
  items = scanRepository(`${repo.dir}/.git`, { repository: "test-repo", name: "test-repo", maxFileBytes: TEST_MAX_FILE_BYTES });
});
afterAll(() => repo.remove());

const secrets = () => items.filter((i): i is SecretItem => i.kind === "secret");
const secretWith = (value: string) => {
  const found = secrets().find((s) => s.value === value);
  if (!found) throw new Error("planted secret not found");
  return found;
};

describe("scanRepository on a real git repository", () => {
  it("finds exactly the planted secrets, including the deleted one and the one on a side branch", () => {
    const found = secrets()
      .map((s) => `${s.ruleId} ${s.locations[0]!.path}`)
      .sort();
    expect(found).toEqual(
      [
        "aws-secret-access-key .env",
        "database-url-password deploy/db.json",
        "dockerhub-pat config/settings.toml",
        "generic-secret-assignment src/client.ts",
        "github-token config/app.yaml",
        "gitlab-token config/settings.toml",
        "jwt src/auth.py",
        "private-key notebooks/analysis.ipynb",
        "sendgrid-api-key Dockerfile",
        "slack-token .github/workflows/ci.yml",
        "slack-webhook scripts/notify.sh",
        "stripe-key infra/main.tf",
      ].sort(),
    );
    const values = new Set(secrets().map((s) => s.value));
    for (const name of [
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
    ] as const) {
      expect(values.has(PLANTED[name]), name).toBe(true);
    }
  });

  it("flags none of the decoys, nor what sits in the binary and the oversized file", () => {
    const values = secrets().map((s) => s.value);
    for (const decoy of [PLANTED.inBinary, PLANTED.inLargeFile, PLANTED.inFixture, PLANTED.markedAllowed, PLANTED.awsKeyId])
      expect(values).not.toContain(decoy);
    const paths = secrets().flatMap((s) => s.locations.map((l) => l.path));
    for (const path of [
      ".env.example",
      "config/defaults.toml",
      "test/fixtures/stripe.env",
      "src/legacy.py",
      "assets/logo.png",
      "data/big.sql",
    ]) {
      expect(paths).not.toContain(path);
    }
  });

  it("records file, line, the introducing commit and its author, and whether the value is still in HEAD", () => {
    expect(secretWith(PLANTED.githubToken).locations).toEqual([
      {
        path: "config/app.yaml",
        line: 2,
        commit: repo.commits.c1,
        authorName: ALICE.name,
        authorEmail: ALICE.email,
        authoredAt: "2024-01-01T10:00:00+00:00",
        historyOnly: true,
      },
    ]);
    expect(secretWith(PLANTED.awsSecret).locations).toEqual([
      expect.objectContaining({ path: ".env", line: 3, commit: repo.commits.c1, historyOnly: false }),
    ]);
    expect(secretWith(PLANTED.privateKeyBody).locations).toEqual([
      expect.objectContaining({
        path: "notebooks/analysis.ipynb",
        commit: repo.commits.c3,
        authorEmail: CAROL.email,
        historyOnly: false,
      }),
    ]);
    expect(secretWith(PLANTED.slackWebhook).locations).toEqual([
      expect.objectContaining({ path: "scripts/notify.sh", line: 2, commit: repo.commits.side, historyOnly: true }),
    ]);
  });

  it("lists every version of a file that holds the same value under one secret, oldest first", () => {
    expect(secretWith(PLANTED.genericSecret).locations).toEqual([
      expect.objectContaining({
        path: "src/client.ts",
        line: 3,
        commit: repo.commits.c2,
        authorEmail: BOB.email,
        historyOnly: true,
      }),
      expect.objectContaining({
        path: "src/client.ts",
        line: 4,
        commit: repo.commits.c4,
        authorEmail: ALICE.email,
        historyOnly: false,
      }),
    ]);
  });

  it("attaches HEAD's CODEOWNERS rule (the last match) for each path; nothing without a CODEOWNERS file", () => {
    expect(secretWith(PLANTED.githubToken).codeowners).toEqual([
      {
        file: ".github/CODEOWNERS",
        line: 3,
        pattern: "/config/",
        owners: [CONFIG_OWNER, "@acme/config"],
        paths: ["config/app.yaml"],
      },
    ]);
    expect(secretWith(PLANTED.privateKeyBody).codeowners?.map((r) => r.pattern)).toEqual(["*"]);
    expect(secretWith(PLANTED.jwt).codeowners?.map((r) => r.pattern)).toEqual(["*.py"]);
    const merged = buildMergeRepository();
    try {
      const [, secret] = scanRepository(`${merged.dir}/.git`, { repository: "m", name: "m" });
      expect(secret).not.toHaveProperty("codeowners"); // no CODEOWNERS file in that repository
    } finally {
      merged.remove();
    }
  });

  it("pairs the AWS secret access key with the access key id next to it", () => {
    expect(secretWith(PLANTED.awsSecret).accessKeyId).toBe(PLANTED.awsKeyId);
    expect(secrets().filter((s) => s.accessKeyId !== undefined)).toHaveLength(1);
  });

  it("describes the repository with what it could not scan", () => {
    const repository = items[0] as RepositoryItem;
    expect(repository).toMatchObject({
      kind: "repository",
      headCommit: repo.commits.c4,
      binaryBlobsSkipped: 1,
      largeBlobsSkippedCount: 1,
      maxFileBytes: TEST_MAX_FILE_BYTES,
    });
    expect(repository.largeBlobsSkipped).toEqual([{ path: "data/big.sql", size: expect.any(Number) as number }]);
    expect(repository.files).toContainEqual({ path: "config/app.yaml", inHead: false });
    expect(repository.files).toContainEqual({ path: ".env", inHead: true });
    expect(repository.files).toContainEqual({ path: "scripts/notify.sh", inHead: false });
  });
});

describe("scanRepository on a secret first written by a merge", () => {
  it("attributes it to the merge commit", () => {
    const merged = buildMergeRepository();
    try {
      const found = scanRepository(`${merged.dir}/.git`, { repository: "m", name: "m" }).filter(
        (i): i is SecretItem => i.kind === "secret",
      );
      expect(found.map((s) => [s.ruleId, s.value === PLANTED.stripeKey])).toEqual([["stripe-key", true]]);
      expect(found[0]!.locations).toEqual([
        expect.objectContaining({
          path: "app.cfg",
          line: 2,
          commit: merged.commits.c3,
          authorEmail: CAROL.email,
          historyOnly: false,
        }),
      ]);
    } finally {
      merged.remove();
    }
  });
});
