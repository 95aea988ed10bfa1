import { describe, expect, it } from "vitest";
import { DECOY_LINES, PLANTED, pseudoRandom } from "../__fixtures__/test-repository";
import { decoyReason } from "./decoys";
import { scanText } from "./scan-text";

describe("scanText", () => {
  it.each(Object.entries(DECOY_LINES).flatMap(([kind, lines]) => lines.map((line, index) => [kind, index, line] as const)))(
    "flags no %s decoy (#%i)",
    (_kind, _index, line) => {
      const path = line === DECOY_LINES.testFixture[0] ? "test/fixtures/stripe.env" : "src/settings.env";
      expect(scanText(`${line}\n`, path)).toEqual([]);
    },
  );

  it("gives each decoy kind its reason", () => {
    expect(decoyReason("AKIAIOSFODNN7EXAMPLE", "", "")).toBe("documented-example");
    expect(decoyReason("changeme", "", "")).toBe("placeholder");
    expect(decoyReason("<your-key>", "", "")).toBe("template-reference");
    expect(decoyReason("${{", "", "")).toBe("template-reference");
    expect(decoyReason("var.db_password", "", "")).toBe("template-reference");
    expect(decoyReason(PLANTED.stripeKey, "", "testdata/keys.env")).toBe("test-fixture");
    expect(decoyReason(PLANTED.stripeKey, "x = 1 # pragma: allowlist secret", "src/a.py")).toBe("test-fixture");
    expect(decoyReason(PLANTED.stripeKey, "", "src/a.py")).toBeUndefined();
  });

  it("reports the same secret on a fixture path once the file is elsewhere", () => {
    expect(scanText(`${DECOY_LINES.testFixture[0]}\n`, "deploy/stripe.env")).toEqual([
      { ruleId: "stripe-key", value: PLANTED.inFixture, line: 1 },
    ]);
  });

  it("counts lines from 1 and reports a multi-line private key at its BEGIN line", () => {
    const pem = `-----BEGIN OPENSSH PRIVATE KEY-----\n${PLANTED.privateKeyBody.slice(0, 70)}\n${PLANTED.privateKeyBody.slice(70, 140)}\n-----END OPENSSH PRIVATE KEY-----\n`;
    expect(scanText(`a\nb\n${pem}`, "id_ed25519")).toEqual([
      { ruleId: "private-key", value: PLANTED.privateKeyBody.slice(0, 140), line: 3 },
    ]);
  });

  it("does not report the generic rule again for a value a specific rule found, nor a bare access key id", () => {
    const hits = scanText(
      `aws_access_key_id = ${PLANTED.awsKeyId}\naws_secret_access_key = ${PLANTED.awsSecret}\napi_token = ${PLANTED.githubToken}\n`,
      "creds",
    );
    expect(hits.map((h) => h.ruleId)).toEqual(["aws-secret-access-key", "github-token"]);
    expect(hits[0]!.accessKeyId).toBe(PLANTED.awsKeyId);
  });

  it("leaves an AWS secret unpaired when no key id is within three lines", () => {
    const text = `AWS_ACCESS_KEY_ID=${PLANTED.awsKeyId}\n\n\n\n\nAWS_SECRET_ACCESS_KEY=${PLANTED.awsSecret}\n`;
    expect(scanText(text, ".env")).toEqual([{ ruleId: "aws-secret-access-key", value: PLANTED.awsSecret, line: 6 }]);
  });

  it("skips low-entropy assignments that only look like secrets", () => {
    expect(scanText('password = "password1234"\nsecret_name = "prod-db-credentials"\n', "a.py")).toEqual([]);
    expect(scanText(`client_secret = "${pseudoRandom(40, 24)}"\n`, "a.py")).toHaveLength(1);
  });
});
