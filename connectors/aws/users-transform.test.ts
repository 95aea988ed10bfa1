import { describe, expect, it } from "vitest";
import { detectFormat } from "../sdk";
import { cliFile } from "./__fixtures__/cli-files";
import { ACCOUNT, liveContext, liveHumanUser, liveUser } from "./__fixtures__/live-items";
import { edges, identities, recordsOf } from "./__fixtures__/transform-helpers";
import { awsConnector } from "./index";

/** Users items of a credential report fixture, through its format (as `keyward import` does). */
function reportItems(path: string): unknown[] {
  const file = cliFile(path);
  const detected = detectFormat(file, awsConnector.formats);
  return detected?.format.parse(file).flatMap((batch) => batch.items) ?? [];
}

const reportUsers = () => new Map(reportItems("123456789012/credential-report.csv").map((item) => {
  const [identity] = identities(recordsOf("users", item));
  return [identity!.name, identity!] as const;
}));

describe("users transform: credential report rows", () => {
  it("classifies the root user and a first.last user with console password and MFA as humans", () => {
    const users = reportUsers();
    expect(users.get("root (123456789012)")).toMatchObject({
      externalId: "arn:aws:iam::123456789012:root",
      isHuman: true,
      interactive: true,
      lastActivityAt: "2025-01-06T08:14:51.000Z",
      attributes: { root: true, mfaActive: true, activeAccessKeys: 0, accountId: ACCOUNT },
    });
    const alice = users.get("alice.martin");
    expect(alice).toMatchObject({
      // The IAM path is not part of the key: list-access-keys and list-user-tags know only the name.
      externalId: "arn:aws:iam::123456789012:user/alice.martin",
      isHuman: true,
      interactive: true,
      createdAt: "2019-07-15T09:02:33.000Z",
      // The latest of the password's and the keys' last use.
      lastActivityAt: "2025-02-03T17:45:10.000Z",
      attributes: { path: "/engineering/", consolePassword: true, mfaActive: true, passwordLastChanged: "2024-11-20T10:00:00.000Z" },
    });
  });

  it("keeps two active key slots, one used and one never used (N/A), on a machine user", () => {
    const svc = reportUsers().get("svc-deployer");
    expect(svc).toMatchObject({ isHuman: false, interactive: false, lastActivityAt: "2025-02-04T03:10:00.000Z" });
    expect(svc?.attributes).toMatchObject({
      classification: expect.stringContaining("machine pattern"),
      activeAccessKeys: 2,
      accessKeySlots: [
        { slot: 1, active: true, lastUse: "used", lastUsedAt: "2025-02-04T03:10:00.000Z", lastUsedRegion: "us-east-1", lastUsedService: "cloudformation" },
        { slot: 2, active: true, lastUse: "never", lastRotatedAt: "2024-09-30T08:00:00.000Z" },
      ],
    });
    expect((svc?.attributes.accessKeySlots as Record<string, unknown>[])[1]).not.toHaveProperty("lastUsedAt");
  });

  it("tells 'no_information' from 'never used' and keeps an inactive key slot", () => {
    const legacy = reportUsers().get("legacy-batch");
    expect(legacy?.attributes).toMatchObject({ activeAccessKeys: 0, accessKeySlots: [{ slot: 1, active: false, lastUse: "no_information" }] });
    expect(legacy).not.toHaveProperty("lastActivityAt");
  });

  it("cannot tell whether a neutral name with a password but no MFA is a person, but knows it is interactive", () => {
    expect(reportUsers().get("bob")).toMatchObject({ isHuman: null, interactive: true, attributes: { consolePassword: true, mfaActive: false } });
  });

  it("reads the base64 report of get-credential-report JSON, and links each user to its account", () => {
    const records = reportItems("210987654321/get-credential-report.json").flatMap((item) => recordsOf("users", item));
    expect(identities(records).map((u) => u.externalId)).toEqual(["arn:aws:iam::210987654321:root", "arn:aws:iam::210987654321:user/ci-github"]);
    expect(edges(records, "member_of").map((e) => e.to)).toEqual([
      { externalType: "aws.account", externalId: "210987654321" },
      { externalType: "aws.account", externalId: "210987654321" },
    ]);
  });
});

describe("users transform: live users", () => {
  it("takes owner and environment from tags, with the tag key as provenance, and grades a wildcard policy admin", () => {
    const records = recordsOf("users", liveUser);
    const [user] = identities(records);
    expect(user).toMatchObject({
      externalId: "arn:aws:iam::123456789012:user/terraform-ci",
      isHuman: false,
      interactive: false,
      environment: "staging",
      ownerHint: { email: "dmitri.volkov@example.com", provenance: "aws.tag:Owner" },
      tags: { Owner: "Dmitri.Volkov@example.com", Environment: "staging" },
      attributes: { consolePassword: false, mfaActive: false, accountId: ACCOUNT },
    });
    const [grant] = edges(records, "has_permission");
    expect(grant).toMatchObject({
      to: { externalType: "aws.account", externalId: ACCOUNT },
      level: "admin",
      attributes: {
        role: "everything",
        wildcard: true,
        privileged: true,
        policies: [
          { name: "everything", kind: "inline", level: "admin", reason: "Allow * on *" },
          { name: "ReadOnlyAccess", kind: "aws-managed", level: "read" },
        ],
      },
    });
  });

  it("uses the account's environment from the config when no tag says, and MFA + password for a person", () => {
    const [jane] = identities(recordsOf("users", liveHumanUser));
    expect(jane).toMatchObject({ environment: "prod", isHuman: true, interactive: true, lastActivityAt: "2025-02-05T08:00:00.000Z" });
    expect(jane).not.toHaveProperty("ownerHint");
    // No policy at all: no permission edge rather than an empty one.
    expect(edges(recordsOf("users", liveHumanUser), "has_permission")).toEqual([]);
  });

  it("follows the source's own naming conventions", () => {
    const conventions = { ...liveContext.conventions, machineUserPatterns: ["^jane$"] };
    const [jane] = identities(recordsOf("users", { ...liveHumanUser, keyward: { ...liveContext, conventions } }));
    expect(jane).toMatchObject({ isHuman: false, interactive: true, attributes: { classification: "name matches machine pattern ^jane$" } });
  });
});

describe("users transform: list-user-tags saved apart", () => {
  it("emits only the owner edge to the person, keyed like the user of any other export", () => {
    const file = cliFile("123456789012/list-user-tags/svc-deployer.json");
    const [batch] = detectFormat(file, awsConnector.formats)!.format.parse(file);
    const records = recordsOf("users", batch!.items[0]);
    expect(records).toEqual([
      {
        kind: "edge",
        type: "owned_by",
        from: { externalType: "aws.iam_user", externalId: "arn:aws:iam::123456789012:user/svc-deployer" },
        to: { externalType: "person", externalId: "priya.natarajan@example.com" },
        attributes: { provenance: "aws.tag:Owner" },
      },
    ]);
  });
});
