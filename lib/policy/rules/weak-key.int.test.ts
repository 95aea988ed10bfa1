import { beforeAll, describe, expect, it } from "vitest";
import { useRuleFixture } from "@/lib/policy/testing/rule-fixture";

const asOf = new Date("2025-06-01T00:00:00Z");
const t = useRuleFixture();

describe("weak-key", () => {
  beforeAll(async () => {
    const { fx } = t;
    await fx.credential({ name: "rsa-1024", type: "certificate", algorithm: "RSA", key_size: 1024 });
    await fx.credential({ name: "ssh-rsa-2047", type: "ssh_key", algorithm: "ssh-rsa", key_size: 2047 });
    await fx.credential({ name: "rsa-2048", type: "certificate", algorithm: "rsaEncryption", key_size: 2048 });
    await fx.credential({ name: "ecdsa-256", type: "certificate", algorithm: "ECDSA", key_size: 256 });
    await fx.credential({ name: "rsa-unknown-size", type: "private_key", algorithm: "RSA" });
    await fx.credential({ name: "sha1-signed", type: "certificate", algorithm: "RSA", key_size: 2048, attributes: { signatureAlgorithm: "sha1WithRSAEncryption" } });
    await fx.credential({ name: "sha256-signed", type: "certificate", algorithm: "RSA", key_size: 2048, attributes: { signatureAlgorithm: "sha256WithRSAEncryption" } });
    await fx.credential({ name: "md5-algorithm", type: "certificate", algorithm: "md5WithRSAEncryption", key_size: 4096 });
    await fx.credential({ name: "revoked-rsa-1024", type: "certificate", algorithm: "RSA", key_size: 1024, status: "revoked" });
    await fx.credential({ name: "no-algorithm", type: "access_key" });
  });

  it("fires on short RSA keys and SHA-1/MD5 signatures, and on no near miss", async () => {
    expect(await t.fx.fired("weak-key", asOf)).toEqual(["credential:md5-algorithm", "credential:rsa-1024", "credential:sha1-signed", "credential:ssh-rsa-2047"]);
    expect(await t.fx.evidenceOf("weak-key", asOf, "sha1-signed")).toEqual({
      algorithm: "RSA",
      keySize: 2048,
      signatureAlgorithm: "sha1WithRSAEncryption",
      minRsaBits: 2048,
      reasons: ["weak-signature"],
    });
  });
});
