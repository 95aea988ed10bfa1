import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readImportRoot } from "@/lib/sync/import/read-import-root";

const keys = { fingerprintKey: Buffer.alloc(32, 3), auditKey: Buffer.alloc(32, 4) };
const DEMO = path.resolve(import.meta.dirname, "../../../demo");
let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "kw-import-"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (rel: string, content: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), content);
};
const doc = (sections: object) => JSON.stringify({ keyward: "inventory/v1", ...sections }, null, 2);
const identity = (id: string, extra: object = {}) => ({
  externalType: "keyward.identity",
  externalId: id,
  name: id,
  type: "service_account",
  ...extra,
});
const summary = async () =>
  (await readImportRoot(root, true, { keys })).map((f) => ({
    path: path.relative(root, f.report.path),
    status: f.report.status,
    format: f.report.format,
    records: f.report.records,
    errors: f.report.errors,
  }));

describe("readImportRoot", () => {
  it("recognises every demo file and counts its records", async () => {
    const files = await readImportRoot(DEMO, true, { keys });
    expect(files.map((f) => [path.basename(f.report.path), f.report.status, f.report.format])).toEqual([
      ["aws.json", "ok", "keyward.inventory-json"],
      ["github.json", "ok", "keyward.inventory-json"],
      ["kubernetes.csv", "ok", "keyward.inventory-csv"],
      ["people.csv", "ok", "people.directory-csv"],
      ["platform.json", "ok", "keyward.inventory-json"],
      ["vault.json", "ok", "keyward.inventory-json"],
    ]);
    expect(files.reduce((n, f) => n + f.report.records, 0)).toBe(40 + 80 + 21 + 109 + 25);
  });

  it("lists unrecognised and skipped entries, and leaves out hidden folders and node_modules", async () => {
    write("a/inventory.json", doc({ identities: [identity("svc-1")] }));
    write("a/README.md", "# notes\n");
    write(".git/config.json", doc({ identities: [identity("hidden")] }));
    write("node_modules/x/people.json", '[{"email":"a@b.io","name":"A"}]');
    fs.symlinkSync("/etc", path.join(root, "etc-link"));
    fs.symlinkSync(path.join(root, "a"), path.join(root, "a-again"));
    expect(await summary()).toEqual([
      { path: "a/README.md", status: "unrecognised", format: null, records: 0, errors: [] },
      { path: "a/inventory.json", status: "ok", format: "keyward.inventory-json", records: 1, errors: [] },
      {
        path: "etc-link",
        status: "skipped",
        format: null,
        records: 0,
        errors: [{ reason: "symbolic link to outside the import root (not followed)" }],
      },
    ]);
  });

  it("marks a malformed file invalid with file-level problems naming field and line", async () => {
    write("bad.json", doc({ identities: [identity("svc-1", { createdAt: "yesterday" })] }));
    const [file] = await summary();
    expect(file).toMatchObject({
      status: "invalid",
      records: 0,
      errors: [{ field: "identities.0.createdAt", line: 9, reason: expect.stringContaining("ISO-8601") }],
    });
  });

  it("refuses the same record in two files, naming the first file", async () => {
    write("one.json", doc({ identities: [identity("svc-1")] }));
    write("two.json", doc({ identities: [identity("svc-1", { name: "other" })] }));
    const files = await summary();
    expect(files[1]).toMatchObject({
      status: "invalid",
      errors: [{ field: "identities.0", reason: `the same identity is also in ${path.join(root, "one.json")}` }],
    });
  });

  it("refuses secret-looking values outside a credential's value, without echoing them", async () => {
    const token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0".repeat(2).slice(0, 36);
    write("leak.json", doc({ identities: [identity("svc-1", { attributes: { note: `token ${token}` } })] }));
    const [file] = await summary();
    expect(file).toMatchObject({
      status: "invalid",
      errors: [{ field: "identities.0.attributes.note", line: 10, reason: expect.stringContaining("github-token") }],
    });
    expect(JSON.stringify(file)).not.toContain(token);
  });

  it("reads a single file with its own path as the display name", async () => {
    write("people.csv", "email,name,status\na@example.com,A,active\n");
    const [file] = await readImportRoot(path.join(root, "people.csv"), false, { keys });
    expect(file!.report).toMatchObject({
      path: path.join(root, "people.csv"),
      status: "ok",
      format: "people.directory-csv",
      records: 1,
    });
  });
});
