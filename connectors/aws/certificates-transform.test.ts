import { describe, expect, it } from "vitest";
import { detectFormat } from "../sdk";
import { cliFile } from "./__fixtures__/cli-files";
import { liveCertificate } from "./__fixtures__/live-items";
import { credentials, edges, recordsOf } from "./__fixtures__/transform-helpers";
import { awsConnector } from "./index";

const imported = (path: string) => {
  const file = cliFile(path);
  return detectFormat(file, awsConnector.formats)!.format.parse(file)[0]!.items.map((item) => recordsOf("certificates", item));
};

describe("ACM certificates transform", () => {
  it("reads an issued certificate from list-certificates: expiry, RSA key size, issued by ACM, in use", () => {
    const [www, api] = imported("123456789012/us-east-1/acm-list-certificates.json");
    expect(credentials(www!)[0]).toMatchObject({
      externalType: "aws.acm_certificate",
      externalId: "arn:aws:acm:us-east-1:123456789012:certificate/1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b",
      name: "www.example.com",
      type: "certificate",
      algorithm: "RSA",
      keySize: 2048,
      expiresAt: "2025-12-30T23:59:59.000Z",
      createdAt: "2024-12-01T16:04:02.518Z",
      attributes: { imported: false, certificateType: "AMAZON_ISSUED", inUse: true, subjectAlternativeNames: ["www.example.com", "example.com"] },
    });
    expect(credentials(api!)[0]).toMatchObject({ algorithm: "EC", keySize: 256, attributes: { inUse: false } });
  });

  it("reads an imported, expired, weak certificate from describe-certificate, with where it is deployed", () => {
    const [legacy] = imported("123456789012/us-east-1/acm-describe-certificate.json");
    expect(credentials(legacy!)[0]).toMatchObject({
      status: "expired",
      algorithm: "RSA",
      keySize: 1024,
      createdAt: "2019-05-20T12:00:00.000Z",
      attributes: { imported: true, signatureAlgorithm: "SHA1WITHRSA", issuer: "Example Corp Issuing CA", inUse: true, keyUsages: ["DIGITAL_SIGNATURE", "KEY_ENCIPHERMENT"] },
    });
    expect(edges(legacy!, "stored_in").map((e) => e.to)).toEqual([
      { externalType: "aws.account", externalId: "123456789012" },
      { externalType: "aws.resource", externalId: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/legacy-alb/50dc6c495c0c9188" },
    ]);
  });

  it("calls an ISSUED certificate past its notAfter expired as of the listing", () => {
    // Listed on 2025-02-06, expired on 2025-01-31: ACM may not have flipped its status yet.
    expect(credentials(recordsOf("certificates", liveCertificate))[0]).toMatchObject({ status: "expired", environment: "prod" });
    const later = { ...liveCertificate, NotAfter: "2026-01-31T23:59:59.000Z" };
    expect(credentials(recordsOf("certificates", later))[0]?.status).toBe("active");
  });
});
