import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/*
 * A real git repository, built in a temp dir by the tests: four commits on main and one on a side
 * branch, secrets of every rule (one deleted later, so only in history; one only on the branch),
 * decoys of every kind, a binary file and a file over the size cap. Secret values are generated
 * (deterministically) rather than written out, so this source file holds no secret-shaped literal.
 */

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A deterministic pseudo-random string of `length` characters of `alphabet`. */
export function pseudoRandom(seed: number, length: number, alphabet = ALPHANUM): string {
  let state = seed * 2654435761;
  let out = "";
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5 + i) >>> 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

const B64 = ALPHANUM + "+/";
const UPPER_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Every planted secret value, by a short name (also the canaries: none may reach a record). */
export const PLANTED = {
  awsKeyId: "AKIA" + pseudoRandom(1, 16, UPPER_B32),
  awsSecret: pseudoRandom(2, 40, B64),
  githubToken: "gh" + "p_" + pseudoRandom(3, 36),
  dbPassword: "Pg" + pseudoRandom(4, 18),
  stripeKey: "sk" + "_live_" + pseudoRandom(5, 32),
  slackToken: "xo" + "xb-" + pseudoRandom(6, 12, "0123456789") + "-" + pseudoRandom(7, 24),
  sendgridKey: "SG." + pseudoRandom(8, 22) + "." + pseudoRandom(9, 43),
  privateKeyBody: "MIIEow" + pseudoRandom(10, 634, B64),
  genericSecret: pseudoRandom(11, 32),
  gitlabToken: "gl" + "pat-" + pseudoRandom(12, 20),
  dockerToken: "dckr" + "_pat_" + pseudoRandom(13, 27),
  jwt: "eyJ" + pseudoRandom(14, 30) + ".eyJ" + pseudoRandom(15, 40) + "." + pseudoRandom(16, 43),
  slackWebhook:
    "https://hooks.slack.com/services/T" +
    pseudoRandom(17, 8, UPPER_B32) +
    "/B" +
    pseudoRandom(18, 8, UPPER_B32) +
    "/" +
    pseudoRandom(19, 24),
  /** Inside the binary file and the oversized file: never scanned, so never found. */
  inBinary: "gh" + "p_" + pseudoRandom(20, 36),
  inLargeFile: "gh" + "p_" + pseudoRandom(21, 36),
  /** In a test fixture directory and on a line marked gitleaks:allow: decoys by marking. */
  inFixture: "sk" + "_live_" + pseudoRandom(22, 32),
  markedAllowed: "gh" + "p_" + pseudoRandom(23, 36),
} as const;

/** Decoy lines, by kind: the scanner must flag none of them. */
export const DECOY_LINES = {
  documentedExample: ["AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
  placeholder: [
    "API_KEY=changeme",
    'api_token: "<your-key>"',
    "SECRET_KEY=xxxxxxxxxxxxxxxxxxxxxxxx",
    "GITHUB_TOKEN=gh" + "p_" + "x".repeat(36),
  ],
  templateReference: [
    "          token: ${{ secrets.DEPLOY_TOKEN }}",
    "  password = var.db_password",
    "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app",
    'api_key = "${API_KEY}"',
  ],
  testFixture: [`STRIPE_KEY=${PLANTED.inFixture}`, `token = "${PLANTED.markedAllowed}"  # gitleaks:allow`],
} as const;

export interface TestRepository {
  readonly dir: string;
  /** Commit ids by name: c1…c4 on main, side on the `experiment` branch. */
  readonly commits: Record<"c1" | "c2" | "c3" | "c4" | "side", string>;
  remove(): void;
}

/** Size cap the tests scan with; `data/big.sql` is over it. */
export const TEST_MAX_FILE_BYTES = 64 * 1024;

export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  // A fixed environment: the developer's git config (signing, hooks, default branch) must not leak in.
  const base = {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: "1",
    LC_ALL: "C",
    NODE_ENV: "test",
  } as const;
  const result = spawnSync("git", args, { cwd: dir, env: { ...base, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

export function commitAll(dir: string, message: string, author: { name: string; email: string }, date: string): string {
  const env = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_COMMITTER_DATE: date,
  };
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", message], env);
  return git(dir, ["rev-parse", "HEAD"]);
}

export const ALICE = { name: "Alice Dev", email: "Alice@Example.com" };
export const BOB = { name: "Bob Ops", email: "bob@example.com" };
export const CAROL = { name: "Carol Data", email: "carol@example.com" };

/** Owners named by the repository's CODEOWNERS (added in c4): e-mails become owners, handles stay attributes. */
export const CONFIG_OWNER = "config-owner@example.com";
export const PYTHON_OWNER = "py-owner@example.com";

/** `.github/CODEOWNERS` of c4: later lines win; `/src/legacy.py` has no owner; `.env` names Alice, its committer. */
export const CODEOWNERS = [
  "# Code owners (last matching pattern wins)",
  "*                 @acme/platform",
  `/config/          ${CONFIG_OWNER} @acme/config`,
  `*.py              ${PYTHON_OWNER}`,
  "/src/legacy.py",
  "/.env             alice@example.com",
  "",
].join("\n");

const notebook = () =>
  JSON.stringify(
    {
      cells: [
        {
          cell_type: "code",
          source: [
            'key = """-----BEGIN RSA PRIVATE KEY-----\n',
            ...(PLANTED.privateKeyBody.match(/.{1,64}/g) ?? []).map((l) => `${l}\n`),
            '-----END RSA PRIVATE KEY-----"""\n',
          ],
        },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );

function clientSource(extraHeader: boolean): string {
  return [
    ...(extraHeader ? ["// retries are handled by the SDK"] : []),
    'import { Client } from "./sdk";',
    "",
    `const apiSecret = "${PLANTED.genericSecret}";`,
    "export const client = new Client(apiSecret);",
    "",
  ].join("\n");
}

export function buildTestRepository(): TestRepository {
  const dir = mkdtempSync(join(tmpdir(), "keyward-code-test-"));
  git(dir, ["init", "-q", "-b", "main"]);
  writeFiles(dir, {
    ".env": `# prod\nAWS_ACCESS_KEY_ID=${PLANTED.awsKeyId}\nAWS_SECRET_ACCESS_KEY=${PLANTED.awsSecret}\nREGION=eu-west-1\n`,
    "config/app.yaml": `service: billing\ngithub_token: ${PLANTED.githubToken}\n`,
    ".env.example": [...DECOY_LINES.documentedExample, ...DECOY_LINES.placeholder].join("\n") + "\n",
    "assets/logo.png": Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      Buffer.from(`token=${PLANTED.inBinary}`),
      Buffer.alloc(64),
    ]),
  });
  const c1 = commitAll(dir, "initial config", ALICE, "2024-01-01T10:00:00Z");
  writeFiles(dir, {
    "src/client.ts": clientSource(false),
    "deploy/db.json": JSON.stringify({ url: `postgres://app:${PLANTED.dbPassword}@db.internal:5432/app` }, null, 2) + "\n",
    "infra/main.tf": `resource "stripe_webhook" "x" {\n  stripe_key = "${PLANTED.stripeKey}"\n${DECOY_LINES.templateReference[1]}\n}\n`,
    Dockerfile: `FROM node:20\nENV SENDGRID_API_KEY=${PLANTED.sendgridKey}\n${DECOY_LINES.templateReference[2]}\n`,
    ".github/workflows/ci.yml": `jobs:\n  deploy:\n    steps:\n      - env:\n          SLACK_TOKEN: ${PLANTED.slackToken}\n${DECOY_LINES.templateReference[0]}\n`,
    "config/defaults.toml": `${DECOY_LINES.templateReference[3]}\n`,
  });
  const c2 = commitAll(dir, "client, deploy and CI", BOB, "2024-02-01T10:00:00Z");
  git(dir, ["checkout", "-q", "-b", "experiment"]);
  writeFiles(dir, { "scripts/notify.sh": `#!/bin/sh\ncurl -X POST ${PLANTED.slackWebhook} -d '{}'\n` });
  const side = commitAll(dir, "notify on deploy", BOB, "2024-02-15T10:00:00Z");
  git(dir, ["checkout", "-q", "main"]);
  rmSync(join(dir, "config/app.yaml"));
  writeFiles(dir, {
    "notebooks/analysis.ipynb": notebook(),
    "config/settings.toml": `[registry]\ngitlab_token = "${PLANTED.gitlabToken}"\ndocker_token = "${PLANTED.dockerToken}"\n`,
    "src/auth.py": `SESSION = "${PLANTED.jwt}"\n`,
    "test/fixtures/stripe.env": `${DECOY_LINES.testFixture[0]}\n`,
    "src/legacy.py": `${DECOY_LINES.testFixture[1]}\n`,
    "data/big.sql":
      `-- dump\nINSERT INTO t VALUES ('${PLANTED.inLargeFile}');\n` + "INSERT INTO t VALUES ('row');\n".repeat(4000),
  });
  const c3 = commitAll(dir, "remove leaked token; notebooks", CAROL, "2024-03-01T10:00:00Z");
  writeFiles(dir, { "src/client.ts": clientSource(true), ".github/CODEOWNERS": CODEOWNERS });
  const c4 = commitAll(dir, "comment; code owners", ALICE, "2024-04-01T10:00:00Z");
  return { dir, commits: { c1, c2, c3, c4, side }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A repository whose secret is first written by a merge: both branches change one line, and the
 * conflict resolution puts the secret there. `git log` shows no diff for merges by default.
 */
export function buildMergeRepository(): TestRepository {
  const dir = mkdtempSync(join(tmpdir(), "keyward-code-merge-"));
  git(dir, ["init", "-q", "-b", "main"]);
  writeFiles(dir, { "app.cfg": "mode = a\n" });
  const c1 = commitAll(dir, "base", ALICE, "2024-01-01T10:00:00Z");
  git(dir, ["checkout", "-q", "-b", "other"]);
  writeFiles(dir, { "app.cfg": "mode = b\n" });
  const side = commitAll(dir, "b", BOB, "2024-01-02T10:00:00Z");
  git(dir, ["checkout", "-q", "main"]);
  writeFiles(dir, { "app.cfg": "mode = c\n" });
  const c2 = commitAll(dir, "c", ALICE, "2024-01-03T10:00:00Z");
  const env = {
    GIT_AUTHOR_NAME: CAROL.name,
    GIT_AUTHOR_EMAIL: CAROL.email,
    GIT_AUTHOR_DATE: "2024-01-04T10:00:00Z",
    GIT_COMMITTER_NAME: CAROL.name,
    GIT_COMMITTER_EMAIL: CAROL.email,
    GIT_COMMITTER_DATE: "2024-01-04T10:00:00Z",
  };
  spawnSync("git", ["merge", "-q", "other"], {
    cwd: dir,
    env: { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: dir, NODE_ENV: "test", ...env },
  }); // conflicts, by design
  writeFiles(dir, { "app.cfg": `mode = merged\nstripe_key = "${PLANTED.stripeKey}"\n` });
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "--no-edit"], env);
  const c3 = git(dir, ["rev-parse", "HEAD"]);
  return { dir, commits: { c1, c2, c3, c4: c3, side }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `git bundle create <file> --all` of the repository, as bytes. */
export function bundleOf(repo: TestRepository): Buffer {
  const file = join(repo.dir, "..", `${repo.dir.split("/").pop()}.bundle`);
  git(repo.dir, ["bundle", "create", "-q", file, "--all"]);
  const bytes = readFileSync(file);
  rmSync(file, { force: true });
  return bytes;
}
