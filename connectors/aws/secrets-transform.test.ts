import { describe, expect, it } from "vitest";
import { detectFormat } from "../sdk";
import { cliFile } from "./__fixtures__/cli-files";
import { liveSecret } from "./__fixtures__/live-items";
import { credentials, edges, recordsOf } from "./__fixtures__/transform-helpers";
import { awsConnector } from "./index";

const file = cliFile("123456789012/us-east-1/secretsmanager-list-secrets.json");
const [batch] = detectFormat(file, awsConnector.formats)!.format.parse(file);
const byName = new Map(batch!.items.map((item) => [(item as { Name: string }).Name, recordsOf("secrets", item)]));

describe("secrets transform", () => {
  it("keeps rotation, last rotated and last accessed of a rotated secret, and its owner as an owned_by edge", () => {
    const records = byName.get("prod/payments/db")!;
    expect(credentials(records)[0]).toMatchObject({
      externalType: "aws.secretsmanager_secret",
      externalId: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/payments/db-AbCdEf",
      type: "stored_secret",
      status: "active",
      environment: "prod",
      createdAt: "2022-03-01T12:00:00.000Z",
      lastRotatedAt: "2025-01-15T02:00:11.523Z",
      lastUsedAt: "2025-02-05T00:00:00.000Z",
      attributes: { rotationEnabled: true, rotationAfterDays: 30, accountId: "123456789012", region: "us-east-1", nextRotationAt: "2025-02-14T23:59:59.000Z" },
      tags: { owner: "dmitri.volkov@example.com", env: "prod" },
    });
    expect(edges(records, "owned_by")).toEqual([
      expect.objectContaining({ to: { externalType: "person", externalId: "dmitri.volkov@example.com" }, attributes: { provenance: "aws.tag:owner" } }),
    ]);
    expect(edges(records, "stored_in")[0]).toMatchObject({ to: { externalType: "aws.account", externalId: "123456789012" }, attributes: { service: "secretsmanager", region: "us-east-1" } });
  });

  it("says rotation is off for a secret that was never rotated, without inventing dates", () => {
    const [secret] = credentials(byName.get("legacy/ftp-password")!);
    expect(secret?.attributes.rotationEnabled).toBe(false);
    expect(secret).not.toHaveProperty("lastRotatedAt");
    expect(secret).not.toHaveProperty("lastUsedAt");
    expect(edges(byName.get("legacy/ftp-password")!, "owned_by")).toEqual([]);
  });

  it("marks a secret scheduled for deletion inactive, and keeps the owning service of a managed secret", () => {
    expect(credentials(byName.get("old/api-token")!)[0]).toMatchObject({ status: "inactive", attributes: { scheduledDeletionAt: "2025-02-01T09:00:00.000Z" } });
    expect(credentials(byName.get("rds!db-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")!)[0]?.attributes).toMatchObject({
      owningService: "rds",
      rotationSchedule: "rate(7 days)",
    });
  });

  it("drops a secret value saved next to the metadata", () => {
    const records = recordsOf("secrets", liveSecret);
    expect(JSON.stringify(records)).not.toContain(liveSecret.SecretString);
    expect(credentials(records)[0]).toMatchObject({ environment: "prod", status: "active" });
  });
});
