import { describe, expect, it } from "vitest";
import { coverageGapSchema, credentialRecordSchema, recordSchema, type KeywardRecordInput } from "./records";

const fingerprint = `hmac-sha256:${"ab".repeat(32)}`;

const identity: KeywardRecordInput = {
  kind: "identity",
  externalType: "aws.iam_user",
  externalId: "AIDAEXAMPLE",
  name: "deploy-bot",
  type: "iam_user",
  createdAt: "2024-01-02T03:04:05Z",
  isHuman: null,
  ownerHint: { email: "Alice@Example.COM", provenance: "aws.tag:owner" },
  attributes: { arn: "arn:aws:iam::123456789012:user/deploy-bot", mfa: false, groups: ["ci"] },
  tags: { team: "platform" },
};

const credential: KeywardRecordInput = {
  kind: "credential",
  externalType: "aws.iam_access_key",
  externalId: "AKIAIOSFODNN7EXAMPLE",
  name: "AKIAIOSFODNN7EXAMPLE",
  type: "access_key",
  identityRef: { externalType: "aws.iam_user", externalId: "AIDAEXAMPLE" },
  status: "active",
  lastUsedAt: "2024-05-01T10:00:00+02:00",
  fingerprint,
  maskedHint: "wJal…",
  locations: [{ source: "github", path: "deploy/.env", line: 3, commit: "abc123", historyOnly: true }],
};

describe("recordSchema", () => {
  it("accepts one valid record of each kind and applies defaults", () => {
    const records: KeywardRecordInput[] = [
      identity,
      credential,
      { kind: "resource", externalType: "aws.account", externalId: "123456789012", name: "prod", type: "cloud_account" },
      { kind: "person", externalId: "E42", email: "Bob@Example.com", status: "left", managerEmail: "CARol@example.com" },
      {
        kind: "edge",
        type: "has_permission",
        from: { externalType: "aws.iam_user", externalId: "AIDAEXAMPLE" },
        to: { externalType: "aws.account", externalId: "123456789012" },
        level: "admin",
      },
    ];
    const parsed = records.map((r) => recordSchema.parse(r));
    expect(parsed.map((r) => r.kind)).toEqual(["identity", "credential", "resource", "person", "edge"]);
    expect(parsed[2]).toMatchObject({ attributes: {} });
    expect(parsed[4]).toMatchObject({ attributes: {} });
    expect(credentialRecordSchema.parse({ ...credential, locations: undefined }).locations).toEqual([]);
  });

  it("lowercases e-mail addresses", () => {
    const person = recordSchema.parse({ kind: "person", externalId: "1", email: " Bob@Example.COM ", status: "active" });
    expect(person).toMatchObject({ email: "bob@example.com" });
    expect(recordSchema.parse(identity)).toMatchObject({ ownerHint: { email: "alice@example.com" } });
  });

  it.each([
    ["an unknown kind", { ...identity, kind: "secret" }],
    ["an unknown identity type", { ...identity, type: "robot" }],
    ["an extra field (strict objects reject smuggled values)", { ...credential, value: "hunter2" }],
    ["a raw, unkeyed fingerprint", { ...credential, fingerprint: "sha256:" + "ab".repeat(32) }],
    ["an uppercase fingerprint", { ...credential, fingerprint: fingerprint.toUpperCase() }],
    ["a masked hint longer than 8 characters", { ...credential, maskedHint: "wJalrXUt…" }],
    ["a timestamp without a zone", { ...credential, expiresAt: "2024-05-01T10:00:00" }],
    ["a date object instead of an ISO string", { ...credential, expiresAt: new Date() }],
    ["a location line of 0", { ...credential, locations: [{ line: 0 }] }],
    ["a credential without status", { ...credential, status: undefined }],
    ["an empty externalId", { ...identity, externalId: "" }],
    ["non-JSON attributes", { ...identity, attributes: { at: new Date() } }],
    ["non-string tags", { ...identity, tags: { count: 3 } }],
    ["an owner hint without provenance", { ...identity, ownerHint: { email: "a@b.example" } }],
    ["an invalid e-mail", { kind: "person", externalId: "1", email: "not-an-email", status: "active" }],
    ["an unknown person status", { kind: "person", externalId: "1", email: "a@b.example", status: "retired" }],
    [
      "an edge with an unknown relation",
      {
        kind: "edge",
        type: "likes",
        from: { externalType: "a.b", externalId: "1" },
        to: { externalType: "a.b", externalId: "2" },
      },
    ],
    [
      "an edge level outside read/write/admin",
      {
        kind: "edge",
        type: "has_permission",
        level: "owner",
        from: { externalType: "a.b", externalId: "1" },
        to: { externalType: "a.b", externalId: "2" },
      },
    ],
  ])("rejects %s", (_label, record) => {
    expect(recordSchema.safeParse(record).success).toBe(false);
  });

  it("accepts a 5-code-point hint made of astral characters (counted in code points)", () => {
    expect(recordSchema.safeParse({ ...credential, maskedHint: "🔑🔑🔑🔑…" }).success).toBe(true);
  });
});

describe("coverageGapSchema", () => {
  it("accepts the documented reasons and nothing else", () => {
    const gap = { scope: "123456789012/us-east-1", stream: "access-keys", reason: "permission_denied", detail: "403" };
    expect(coverageGapSchema.parse(gap)).toEqual(gap);
    expect(coverageGapSchema.safeParse({ ...gap, reason: "skipped" }).success).toBe(false);
  });
});
