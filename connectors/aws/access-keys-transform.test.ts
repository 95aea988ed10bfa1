import { describe, expect, it } from "vitest";
import { detectFormat } from "../sdk";
import { cliFile } from "./__fixtures__/cli-files";
import { liveKeyNeverUsed, liveKeyUsed } from "./__fixtures__/live-items";
import { credentials, edges, recordsOf } from "./__fixtures__/transform-helpers";
import { awsConnector } from "./index";

const imported = (path: string) => {
  const file = cliFile(path);
  return detectFormat(file, awsConnector.formats)!.format.parse(file);
};

describe("access keys transform", () => {
  it("records a key never used (GetAccessKeyLastUsed's N/A) as tracked, with no last use", () => {
    const [key] = credentials(recordsOf("access-keys", liveKeyNeverUsed));
    expect(key).toMatchObject({
      externalType: "aws.access_key",
      externalId: "AKIA4EXAMPLETFCI0001",
      type: "access_key",
      status: "active",
      environment: "prod",
      createdAt: "2024-12-01T00:00:00.000Z",
      identityRef: { externalType: "aws.iam_user", externalId: "arn:aws:iam::123456789012:user/terraform-ci" },
      attributes: { neverUsed: true, longTerm: true },
    });
    expect(key).not.toHaveProperty("lastUsedAt");
    expect(key?.attributes).not.toHaveProperty("lastUsedService");
    expect(key?.attributes).not.toHaveProperty("usageTracked");
  });

  it("keeps when, where and for what a key was last used, and never the secret saved next to it", () => {
    const records = recordsOf("access-keys", liveKeyUsed);
    expect(credentials(records)[0]).toMatchObject({
      lastUsedAt: "2025-02-04T11:27:00.000Z",
      attributes: { lastUsedService: "s3", lastUsedRegion: "eu-west-1", neverUsed: false },
    });
    expect(JSON.stringify(records)).not.toContain(liveKeyUsed.SecretAccessKey);
    expect(edges(records, "has_credential")).toEqual([
      expect.objectContaining({ from: { externalType: "aws.iam_user", externalId: "arn:aws:iam::123456789012:user/terraform-ci" }, to: { externalType: "aws.access_key", externalId: "AKIA4EXAMPLETFCI0002" } }),
    ]);
  });

  it("reads two active keys of one user from list-access-keys, saying the export does not track use", () => {
    const [batch] = imported("123456789012/list-access-keys/svc-deployer.json");
    expect(batch?.parent).toEqual({ stream: "users", id: "svc-deployer" });
    const keys = batch!.items.flatMap((item) => credentials(recordsOf("access-keys", item, batch!.parent)));
    expect(keys.map((k) => [k.externalId, k.status])).toEqual([
      ["AKIA4EXAMPLEDEPLOY01", "active"],
      ["AKIA4EXAMPLEDEPLOY02", "active"],
    ]);
    for (const key of keys) {
      expect(key.attributes).toMatchObject({ usageTracked: false, accountId: "123456789012" });
      expect(key.attributes).not.toHaveProperty("neverUsed");
      expect(key.identityRef).toEqual({ externalType: "aws.iam_user", externalId: "arn:aws:iam::123456789012:user/svc-deployer" });
    }
  });

  it("marks an inactive key inactive", () => {
    const [batch] = imported("123456789012/list-access-keys/legacy-batch.json");
    expect(credentials(recordsOf("access-keys", batch!.items[0]))[0]).toMatchObject({ externalId: "AKIA4EXAMPLELEGACY01", status: "inactive" });
  });

  it("keys a credential by its access key id whichever export it came from", () => {
    const [batch] = imported("123456789012/list-access-keys/svc-deployer.json");
    const fromExport = credentials(recordsOf("access-keys", batch!.items[0]))[0]!;
    const live = { UserName: "svc-deployer", AccessKeyId: "AKIA4EXAMPLEDEPLOY01", Status: "Active", AccessKeyLastUsed: { ServiceName: "N/A", Region: "N/A" }, keyward: { observedAt: "2025-02-06T00:00:00Z", accountId: "123456789012" } };
    const fromLive = credentials(recordsOf("access-keys", live))[0]!;
    expect([fromLive.externalType, fromLive.externalId, fromLive.identityRef]).toEqual([fromExport.externalType, fromExport.externalId, fromExport.identityRef]);
  });
});
