import { describe, expect, it } from "vitest";
import { expectHarnessPasses } from "../sdk";
import { cliFiles } from "./__fixtures__/cli-files";
import {
  liveCertificate,
  liveHumanUser,
  liveKeyNeverUsed,
  liveKeyUsed,
  liveRole,
  liveSecret,
  liveUser,
  SECRET_ACCESS_KEY_CANARY,
  SECRET_STRING_CANARY,
} from "./__fixtures__/live-items";
import { awsConfigSchema } from "./config";
import { awsConnector } from "./index";

describe("aws connector", () => {
  it("passes the connector harness with live items and every CLI export, secrets planted", async () => {
    await expectHarnessPasses(awsConnector, {
      fixtures: [
        { stream: "account", items: [{ Account: "123456789012", AccountAliases: ["example-prod"] }] },
        { stream: "users", items: [liveUser, liveHumanUser] },
        { stream: "access-keys", parent: { stream: "users", id: "terraform-ci" }, items: [liveKeyNeverUsed, liveKeyUsed] },
        { stream: "roles", items: [liveRole] },
        { stream: "secrets", items: [liveSecret] },
        { stream: "certificates", items: [liveCertificate] },
      ],
      files: cliFiles,
      canaries: [SECRET_ACCESS_KEY_CANARY, SECRET_STRING_CANARY],
    });
  });

  it("keeps the credentials in secret fields and defaults to read-only, public-network settings", () => {
    expect(awsConnector.secretFields).toEqual(["accessKeyId", "secretAccessKey", "sessionToken"]);
    const config = awsConfigSchema.parse({});
    expect(config).toMatchObject({ regions: ["us-east-1"], accounts: [], allowPrivateNetworks: false, allowInsecureHttp: false, endpoints: {} });
    expect(awsConfigSchema.safeParse({ regions: ["mars-1"] }).success).toBe(false);
    expect(awsConfigSchema.safeParse({ accounts: [{ accountId: "12345" }] }).success).toBe(false);
    expect(awsConfigSchema.safeParse({ machineUserPatterns: ["(unclosed"] }).success).toBe(false);
  });

  it("declares only read-only permissions, and at least one for every stream", () => {
    for (const stream of awsConnector.streams) {
      expect(awsConnector.permissions.some((p) => p.stream === stream.name), stream.name).toBe(true);
    }
    const actions = awsConnector.permissions.flatMap((p) => p.permission.match(/[a-z]+:[A-Za-z]+/g) ?? []);
    for (const action of actions) expect(action).toMatch(/:(List|Get|Describe|AssumeRole)/);
  });

  it("syncs one IAM scope per account and one scope per account and configured region", async () => {
    const config = awsConfigSchema.parse({ accounts: [{ accountId: "123456789012" }, { accountId: "210987654321" }], regions: ["us-east-1", "eu-west-1"] });
    const ctx = { config, signal: new AbortController().signal } as Parameters<typeof awsConnector.scopes>[0];
    const scopes = await awsConnector.scopes(ctx);
    expect(scopes.map((s) => s.id)).toEqual([
      "123456789012",
      "123456789012/us-east-1",
      "123456789012/eu-west-1",
      "210987654321",
      "210987654321/us-east-1",
      "210987654321/eu-west-1",
    ]);
  });
});
