import { z } from "zod";
import { defineFormat, parseFileWith, type FormatBatch } from "../../sdk";
import { certificateItemSchema, secretItemSchema } from "../schemas";
import { hasListOf, importedAt, objectOf } from "./json-shape";

/*
 * Secrets Manager and ACM outputs of the AWS CLI v2. Every item names its account and region in
 * its ARN, so the path is free. Items keep their fields as printed; the stream's item schema
 * drops anything else (a `SecretString` saved by mistake never reaches a transform).
 */

const secretsFileSchema = z.object({ SecretList: z.array(secretItemSchema.omit({ keyward: true })) });

export const listSecretsFormat = defineFormat({
  id: "aws.secretsmanager-list-secrets",
  description: "aws secretsmanager list-secrets --include-planned-deletion",
  detect: (file) => hasListOf(objectOf(file), "SecretList", ["ARN", "Name"]),
  parse: (file): FormatBatch[] => {
    const { SecretList } = parseFileWith(file, secretsFileSchema);
    const keyward = { observedAt: importedAt() };
    return [{ stream: "secrets", items: SecretList.map((secret) => ({ ...secret, keyward })) }];
  },
});

const certificateFields = certificateItemSchema.omit({ keyward: true });

export const listCertificatesFormat = defineFormat({
  id: "aws.acm-list-certificates",
  description: "aws acm list-certificates --includes keyTypes=… (summaries)",
  detect: (file) => hasListOf(objectOf(file), "CertificateSummaryList", ["CertificateArn"]),
  parse: (file): FormatBatch[] => {
    const { CertificateSummaryList } = parseFileWith(file, z.object({ CertificateSummaryList: z.array(certificateFields) }));
    const keyward = { observedAt: importedAt() };
    return [{ stream: "certificates", items: CertificateSummaryList.map((cert) => ({ ...cert, keyward })) }];
  },
});

export const describeCertificateFormat = defineFormat({
  id: "aws.acm-describe-certificate",
  description: "aws acm describe-certificate --certificate-arn <arn>",
  detect: (file) => {
    const certificate = objectOf(file)?.Certificate;
    return typeof certificate === "object" && certificate !== null && typeof (certificate as { CertificateArn?: unknown }).CertificateArn === "string";
  },
  parse: (file): FormatBatch[] => {
    const { Certificate } = parseFileWith(file, z.object({ Certificate: certificateFields }));
    return [{ stream: "certificates", items: [{ ...Certificate, keyward: { observedAt: importedAt() } }] }];
  },
});
