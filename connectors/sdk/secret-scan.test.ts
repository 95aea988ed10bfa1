import { describe, expect, it } from "vitest";
import { findSecretLikeStrings } from "./secret-scan";

const AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

describe("findSecretLikeStrings", () => {
  it.each([
    ["a PEM private key", { attributes: { pem: "-----BEGIN RSA PRIVATE KEY-----\nMIIE..." } }, "private-key-pem"],
    ["a GitHub PAT", { name: "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789" }, "github-token"],
    ["a fine-grained PAT", { n: "github_pat_11ABCDEFG0123456789_abcdefghijklmnop" }, "github-fine-grained-pat"],
    ["a GitLab token", { n: "glpat-abcdefghij0123456789" }, "gitlab-token"],
    ["a Slack token", { n: "xoxb-123456789012-abcdefABCDEF" }, "slack-token"],
    ["an AWS secret next to a key word", { env: `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}` }, "aws-secret-access-key"],
    ["an AWS secret under a secret-named field", { attributes: { secretAccessKey: AWS_SECRET } }, "aws-secret-access-key"],
  ])("finds %s", (_label, value, pattern) => {
    expect(findSecretLikeStrings(value).map((f) => f.pattern)).toContain(pattern);
  });

  it("reports the path of the field, not the value", () => {
    const findings = findSecretLikeStrings([{ attributes: { env: { KEY: `aws_secret=${AWS_SECRET}` } } }]);
    expect(findings).toEqual([{ path: "0.attributes.env.KEY", pattern: "aws-secret-access-key" }]);
    expect(JSON.stringify(findings)).not.toContain(AWS_SECRET);
  });

  it.each([
    ["a 40-hex SHA-1 thumbprint", { thumbprint: "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3" }],
    ["a GCP key id under a key-named field", { keyId: "0123456789abcdef0123456789abcdef01234567" }],
    [
      "a 40-char mixed-case string with no key word nearby",
      { description: "build tag Xq9fKe2LmN4pQr7StUv0WxYz1aBcDeFgHiJkLmNo" },
    ],
    ["an access key id (not secret)", { externalId: "AKIAIOSFODNN7EXAMPLE" }],
    ["a fingerprint", { fingerprint: `hmac-sha256:${"ab".repeat(32)}` }],
    ["a masked hint", { maskedHint: "ghp_…" }],
    ["a public certificate", { pem: "-----BEGIN CERTIFICATE-----" }],
  ])("does not flag %s", (_label, value) => {
    expect(findSecretLikeStrings(value)).toEqual([]);
  });
});
