import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityEntry, keywardDoc, tempFolder } from "@/lib/sync/import/testing/import-fixtures";
import { dumpDatabase, leakForms } from "@/lib/sync/import/testing/dump-database";
import { query } from "@/lib/sync/testing/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

/*
 * The canary test (issue 3, "Done means" 3): known secret values are planted in every field of
 * the import files; `keyward import` runs as a user would run it; then neither `pg_dump` of the
 * whole database nor anything the command printed may contain any of them. Where a value may
 * legitimately be given (a credential's `value`) it must arrive only as its keyed fingerprint.
 */

const HOME = path.resolve(import.meta.dirname, "../../..");
const TAG = "KWCANARY";
const FINGERPRINT_KEY = Buffer.alloc(32, 0x11);
let serial = 0;
const filler = (n: number) => "Zq7Xw3Vb9Tn5Rm1Kp8Hj2Gf6Dc4Sa0Le".repeat(4).slice(0, n);

/** Secret-shaped canaries every secret scanner knows, each unique. */
const token = (shape: "ghp" | "glpat" | "xoxb" | "pem") => {
  const id = `${TAG}${String(serial++).padStart(4, "0")}`;
  if (shape === "ghp") return `ghp_${id}${filler(36 - id.length)}`;
  if (shape === "glpat") return `glpat-${id}${filler(12)}`;
  if (shape === "xoxb") return `xoxb-${id}-${filler(16)}`;
  return `-----BEGIN PRIVATE KEY-----\nMII${id}${filler(30)}\n-----END PRIVATE KEY-----`;
};
const shapes = ["ghp", "glpat", "xoxb", "pem"] as const;
const nextToken = () => token(shapes[serial % shapes.length]!);
/** Values a scanner would not recognise: only safe in a field that is always fingerprinted. */
const plain = () => `correct horse battery staple ${TAG}${String(serial++).padStart(4, "0")}`;
const awsShaped = () => `wJalr${TAG}${String(serial++).padStart(4, "0")}K7MDENG/bPxRfiCYzz`.padEnd(40, "Q").slice(0, 40);

function runCli(args: string[], url: string, dataDir: string) {
  const env = {
    ...process.env,
    DATABASE_URL: url,
    KEYWARD_DATA_DIR: dataDir,
    KEYWARD_FINGERPRINT_KEY: FINGERPRINT_KEY.toString("hex"),
    KEYWARD_AUDIT_KEY: Buffer.alloc(32, 0x22).toString("hex"),
    KEYWARD_ENCRYPTION_KEY: Buffer.alloc(32, 0x33).toString("hex"),
    KEYWARD_SESSION_SECRET: "s".repeat(48),
  };
  const result = spawnSync(process.execPath, [path.join(HOME, "bin/keyward.mjs"), ...args], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const credential = (id: string, extra: object) => ({
  externalType: "keyward.credential",
  externalId: id,
  name: id,
  type: "api_key",
  status: "active",
  ...extra,
});

describe("canary: no planted secret reaches the database or the output", () => {
  let t: TestDatabase;
  const planted: string[] = [];
  const outputs: string[] = [];
  const plant = (value: string) => (planted.push(value), value);

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("fingerprints and drops every secret given as a credential value; ignored columns and file names leak nothing", async () => {
    const values = [nextToken(), nextToken(), nextToken(), nextToken(), plain(), awsShaped()].map(plant);
    const csvValue = plant(`a, "quoted"\nmulti-line ${nextToken()}`);
    const folder = tempFolder({
      "secrets.json": keywardDoc({
        identities: [identityEntry("svc-1")],
        credentials: values.map((value, i) => credential(`cred-${i}`, { value })),
      }),
      "secrets.csv": `kind,externalType,externalId,name,type,status,value\ncredential,keyward.credential,csv-cred,csv cred,password,active,"${csvValue.replace(/"/g, '""')}"\n`,
      "people.csv": `email,name,status,Notes\nann@acme.example,Ann,active,"${plant(nextToken())}"\n`,
      [`${plant(token("ghp"))}.json`]: keywardDoc({ identities: [identityEntry("svc-from-odd-file")] }),
    });
    try {
      const run = runCli(["import", folder.dir], t.url, folder.dir + "-data");
      outputs.push(run.output);
      expect(run.status, run.output).toBe(0);
    } finally {
      folder.remove();
    }
    const fingerprint = (value: string) =>
      `hmac-sha256:${createHmac("sha256", FINGERPRINT_KEY).update(value, "utf8").digest("hex")}`;
    const rows = await query<{ external_id: string; fingerprint: string; masked_hint: string }>(
      t.url,
      "SELECT external_id, fingerprint, masked_hint FROM credentials ORDER BY external_id",
    );
    expect(rows.map((r) => [r.external_id, r.fingerprint])).toEqual([
      ...values.map((value, i) => [`cred-${i}`, fingerprint(value)]),
      ["csv-cred", fingerprint(csvValue)],
    ]);
    expect(rows.every((r) => Array.from(r.masked_hint).length <= 8)).toBe(true);
    expect((await query(t.url, "SELECT 1 FROM identities WHERE external_id = 'svc-from-odd-file'")).length).toBe(1);
  });

  it("refuses a file with a secret in any other field, naming file and field, never the value", async () => {
    type Plant = { file: string; content: string; field: string };
    const plants: Plant[] = [];
    const json = (file: string, field: string, doc: object) => plants.push({ file, field, content: keywardDoc(doc) });
    const id = (extra: object) => ({ identities: [identityEntry("svc-x", extra)] });
    for (const field of ["externalId", "name", "environment", "purpose", "businessService"])
      json(`identity-${field}.json`, `identities.0.${field}`, id({ [field]: plant(nextToken()) }));
    json(
      "identity-owner.json",
      "identities.0.owner.provenance",
      id({ owner: { email: "a@acme.example", provenance: plant(nextToken()) } }),
    );
    json("identity-owner-team.json", "identities.0.owner.team", id({ owner: { team: plant(nextToken()) } }));
    json("identity-attr.json", "identities.0.attributes.note", id({ attributes: { note: plant(nextToken()) } }));
    json(
      "identity-attr-deep.json",
      "identities.0.attributes.env.0.value",
      id({ attributes: { env: [{ name: "TOKEN", value: plant(nextToken()) }] } }),
    );
    json("identity-attr-key.json", "identities.0.attributes.<key>", id({ attributes: { [plant(token("ghp"))]: 1 } }));
    json("identity-tag.json", "identities.0.tags.owner", id({ tags: { owner: plant(nextToken()) } }));
    json("identity-tag-key.json", "identities.0.tags.<key>", id({ tags: { [plant(token("glpat"))]: "x" } }));
    const cred = (extra: object) => ({ credentials: [credential("c-x", extra)] });
    for (const field of ["externalId", "name", "algorithm", "thumbprint", "environment"])
      json(`credential-${field}.json`, `credentials.0.${field}`, cred({ [field]: plant(nextToken()) }));
    json(
      "credential-ref.json",
      "credentials.0.identityRef.externalId",
      cred({ identityRef: { externalType: "keyward.identity", externalId: plant(nextToken()) } }),
    );
    for (const field of ["path", "commit", "source"])
      json(
        `credential-location-${field}.json`,
        `credentials.0.locations.0.${field}`,
        cred({ locations: [{ [field]: plant(nextToken()) }] }),
      );
    json("credential-tag.json", "credentials.0.tags.k", cred({ tags: { k: plant(nextToken()) } }));
    const resource = { externalType: "keyward.resource", externalId: "r-x", name: "r", type: "database" };
    json("resource-name.json", "resources.0.name", { resources: [{ ...resource, name: plant(nextToken()) }] });
    json("resource-attr.json", "resources.0.attributes.url", {
      resources: [{ ...resource, attributes: { url: plant(nextToken()) } }],
    });
    const edge = {
      type: "has_permission",
      from: { externalType: "keyward.identity", externalId: "a" },
      to: { externalType: "keyward.resource", externalId: "b" },
    };
    json("edge-from.json", "edges.0.from.externalId", {
      edges: [{ ...edge, from: { externalType: "keyward.identity", externalId: plant(nextToken()) } }],
    });
    json("edge-attr.json", "edges.0.attributes.why", { edges: [{ ...edge, attributes: { why: plant(nextToken()) } }] });
    json("person-name.json", "people.0.name", { people: [{ email: "b@acme.example", name: plant(nextToken()) }] });
    json("person-team.json", "people.0.team", { people: [{ email: "b@acme.example", team: plant(nextToken()) }] });
    const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
    plants.push({
      file: "k-name.csv",
      field: "name",
      content: `kind,externalType,externalId,name,type\nidentity,keyward.identity,i,${csvCell(plant(nextToken()))},other\n`,
    });
    plants.push({
      file: "k-attr.csv",
      field: "attributes.k",
      content: `kind,externalType,externalId,name,type,attributes\nidentity,keyward.identity,i,n,other,${csvCell(JSON.stringify({ k: plant(nextToken()) }))}\n`,
    });
    plants.push({
      file: "p-name.csv",
      field: "name",
      content: `email,name,team\nc@acme.example,${csvCell(plant(nextToken()))},x\n`,
    });
    plants.push({
      file: "p-team.csv",
      field: "Department",
      content: `Email,Department\nc@acme.example,${csvCell(plant(nextToken()))}\n`,
    });
    plants.push({
      file: "p.json",
      field: "0.name",
      content: JSON.stringify([{ email: "d@acme.example", name: plant(nextToken()) }]),
    });

    const before = await query(t.url, "SELECT count(*)::int AS n FROM audit_events");
    const folder = tempFolder(Object.fromEntries(plants.map((p) => [p.file, p.content])));
    let run;
    try {
      run = runCli(["import", folder.dir, "--json"], t.url, folder.dir + "-data");
    } finally {
      folder.remove();
    }
    outputs.push(run.output);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.output.slice(0, run.output.lastIndexOf("}") + 1)) as {
      files: { path: string; status: string; errors: { field?: string }[] }[];
    };
    for (const p of plants) {
      const file = report.files.find((f) => f.path.endsWith(`/${p.file}`));
      expect(file, p.file).toMatchObject({ status: "invalid" });
      expect(
        file!.errors.map((e) => e.field),
        p.file,
      ).toContain(p.field);
    }
    expect(await query(t.url, "SELECT count(*)::int AS n FROM audit_events")).toEqual(before);
  });

  it("finds none of the planted values in pg_dump of the whole database or in anything the CLI printed", async () => {
    expect(planted.length).toBeGreaterThan(40);
    const dump = await dumpDatabase(t.url);
    expect(dump.text).toContain("hmac-sha256:");
    expect(dump.text).toContain("svc-from-odd-file");
    const haystacks = { [`database dump (${dump.via})`]: dump.text, "CLI output": outputs.join("\n") };
    for (const [where, text] of Object.entries(haystacks)) {
      expect(text.toLowerCase().includes(TAG.toLowerCase()), `${where} contains a canary tag`).toBe(false);
      for (const value of planted) {
        for (const form of leakForms(value)) expect(text.includes(form), `${where} contains a planted value`).toBe(false);
      }
    }
  });
});
