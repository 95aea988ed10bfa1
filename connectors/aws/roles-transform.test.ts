import { describe, expect, it } from "vitest";
import { constrainsSubject } from "@/lib/domain/trust-conditions";
import { detectFormat, type KeywardRecord } from "../sdk";
import { cliFile } from "./__fixtures__/cli-files";
import { liveRole } from "./__fixtures__/live-items";
import { edges, identities, recordsOf } from "./__fixtures__/transform-helpers";
import { awsConnector } from "./index";

const file = cliFile("123456789012/list-roles.json");
const [batch] = detectFormat(file, awsConnector.formats)!.format.parse(file);
const byName = new Map(batch!.items.map((item) => [(item as { RoleName: string }).RoleName, recordsOf("roles", item)]));
const roleRecords = (name: string): KeywardRecord[] => byName.get(name) ?? [];
const trusts = (name: string) => edges(roleRecords(name), "can_assume");

describe("roles transform: trust policies", () => {
  it("keeps the sub and aud conditions of a GitHub Actions OIDC trust", () => {
    const [trust] = trusts("github-deploy-payments");
    expect(trust).toMatchObject({
      from: { externalType: "aws.oidc_provider", externalId: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" },
      to: { externalType: "aws.iam_role", externalId: "arn:aws:iam::123456789012:role/github-deploy-payments" },
      attributes: {
        principalType: "oidc",
        provider: "token.actions.githubusercontent.com",
        issuer: "github-actions",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        conditions: [
          { key: "token.actions.githubusercontent.com:aud", operator: "StringEquals", values: ["sts.amazonaws.com"] },
          { key: "token.actions.githubusercontent.com:sub", operator: "StringLike", values: ["repo:example-org/payments:ref:refs/heads/main"] },
        ],
      },
    });
    expect(constrainsSubject(trust?.attributes.conditions)).toBe(true);
  });

  it("leaves a GitHub trust with only an audience condition unconstrained (what oidc-trust-unconditioned reads)", () => {
    const [trust] = trusts("github-any-repo");
    expect(trust?.attributes.conditions).toEqual([{ key: "token.actions.githubusercontent.com:aud", operator: "StringEquals", values: ["sts.amazonaws.com"] }]);
    expect(constrainsSubject(trust?.attributes.conditions)).toBe(false);
  });

  it("recognises an EKS cluster's OIDC provider and keys the role without its path", () => {
    const [trust] = trusts("external-dns");
    expect(trust).toMatchObject({ to: { externalId: "arn:aws:iam::123456789012:role/external-dns" }, attributes: { issuer: "eks" } });
    expect(constrainsSubject(trust?.attributes.conditions)).toBe(true);
  });

  it("makes one edge per principal of a cross-account trust: a vendor account (external id required), a role at home, a user elsewhere", () => {
    const vendor = trusts("vendor-audit").map((e) => [e.from.externalType, e.from.externalId, e.attributes.principalType, e.attributes.external, e.attributes.requiresExternalId ?? false]);
    expect(vendor).toEqual([
      ["aws.account", "464622532012", "account", true, true],
      ["aws.iam_role", "arn:aws:iam::123456789012:role/break-glass", "role", false, false],
      ["aws.iam_user", "arn:aws:iam::210987654321:user/ci-github", "user", true, false],
    ]);
    const [role] = identities(roleRecords("vendor-audit"));
    expect(role?.attributes.accountId).toBe("123456789012");
  });

  it("marks a service-linked role as AWS's own, trusted by its service as a first party", () => {
    const records = roleRecords("AWSServiceRoleForECS");
    expect(identities(records)[0]).toMatchObject({ isHuman: false, interactive: false, attributes: { serviceLinked: true, path: "/aws-service-role/ecs.amazonaws.com/" } });
    expect(edges(records, "can_assume")[0]).toMatchObject({
      from: { externalType: "aws.service", externalId: "ecs.amazonaws.com" },
      attributes: { principalType: "service", provider: "ecs.amazonaws.com", firstParty: true },
    });
  });

  it("treats an SSO permission-set role as worn by people, trusted through SAML", () => {
    const records = roleRecords("AWSReservedSSO_AdministratorAccess_3f1e2d4c5b6a7980");
    expect(identities(records)[0]).toMatchObject({ isHuman: true, interactive: true, attributes: { ssoPermissionSet: true } });
    expect(edges(records, "can_assume")[0]?.attributes).toMatchObject({ principalType: "saml", external: false, actions: ["sts:AssumeRoleWithSAML"] });
  });

  it("takes the owner from an e-mail in the description when no tag names one", () => {
    expect(identities(roleRecords("github-deploy-payments"))[0]?.ownerHint).toEqual({ email: "priya.natarajan@example.com", provenance: "aws.description" });
  });

  it("merges statements trusting one principal, keeping only the conditions all of them impose", () => {
    const provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    const statement = (condition?: Record<string, Record<string, string>>) => ({
      Effect: "Allow",
      Principal: { Federated: provider },
      Action: "sts:AssumeRoleWithWebIdentity",
      ...(condition ? { Condition: condition } : {}),
    });
    const role = {
      RoleName: "two-statements",
      Arn: "arn:aws:iam::123456789012:role/two-statements",
      AssumeRolePolicyDocument: {
        Statement: [statement({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:org/app:*" } }), statement()],
      },
    };
    const found = edges(recordsOf("roles", role), "can_assume");
    expect(found).toHaveLength(1);
    expect(constrainsSubject(found[0]?.attributes.conditions)).toBe(false);
  });
});

describe("roles transform: privilege level", () => {
  it("grades a customer-managed policy from its document, with the evidence", () => {
    const records = recordsOf("roles", liveRole);
    expect(edges(records, "has_permission")[0]).toMatchObject({
      level: "write",
      attributes: {
        role: "orders-table-access",
        wildcard: false,
        privileged: false,
        policies: [{ kind: "customer-managed", level: "write", reason: "Allow dynamodb:PutItem on *" }],
      },
    });
    expect(identities(records)[0]).toMatchObject({ lastActivityAt: "2025-02-06T01:00:00.000Z", ownerHint: { team: "orders", provenance: "aws.tag:team" } });
    expect(edges(records, "can_assume")[0]?.attributes).toMatchObject({ principalType: "service", provider: "lambda.amazonaws.com" });
  });

  it("grades AdministratorAccess admin (what the privileged rule names), ReadOnlyAccess read, and Allow NotAction on * admin", () => {
    const level = (attached: { PolicyName: string; PolicyArn: string }[], inline: unknown[] = []) =>
      edges(recordsOf("roles", { ...liveRole, Policies: { attached, inline } }), "has_permission")[0];
    expect(level([{ PolicyName: "AdministratorAccess", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }])).toMatchObject({
      level: "admin",
      attributes: { role: "AdministratorAccess", wildcard: true, privileged: true },
    });
    expect(level([{ PolicyName: "ReadOnlyAccess", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }])?.level).toBe("read");
    const notAction = { PolicyName: "all-but-billing", PolicyDocument: { Statement: [{ Effect: "Allow", NotAction: "aws-portal:*", Resource: "*" }] } };
    expect(level([], [notAction])).toMatchObject({ level: "admin", attributes: { wildcard: true } });
    const passRole = { PolicyName: "pass-any-role", PolicyDocument: { Statement: [{ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }] } };
    expect(level([], [passRole])?.level).toBe("admin");
    const reader = { PolicyName: "reader", PolicyDocument: { Statement: [{ Effect: "Allow", Action: ["s3:Get*", "s3:ListBucket"], Resource: "arn:aws:s3:::logs/*" }] } };
    expect(level([], [reader])?.level).toBe("read");
  });

  it("reads no policies from list-roles (it carries none) and then emits no permission edge", () => {
    expect(edges(roleRecords("vendor-audit"), "has_permission")).toEqual([]);
    expect(identities(roleRecords("vendor-audit"))[0]?.attributes.policiesRead).toBe(false);
  });
});
