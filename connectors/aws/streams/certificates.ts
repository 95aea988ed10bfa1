import { DescribeCertificateCommand, KeyAlgorithm, ListCertificatesCommand } from "@aws-sdk/client-acm";
import { defineStream } from "../../sdk";
import { callAws } from "../client/aws-errors";
import { awsSessionOf } from "../client/aws-session";
import { awsConfigSchema, DETAIL_CONCURRENCY, type AwsConfig } from "../config";
import { CERTIFICATE_TYPE } from "../external-types";
import { certificateItemSchema, type CertificateItem } from "../schemas";
import { scopePartsOf } from "../scopes";
import { certificateRecords } from "../transform/certificate-records";
import { asJson, liveContext, mapInBatches } from "./live-context";

/**
 * ACM certificates of one account × region: ListCertificates (every key type — by default ACM
 * lists only RSA_1024/RSA_2048) then DescribeCertificate each, for issuer, signature algorithm and
 * the resources using it.
 */
export const certificatesStream = defineStream<AwsConfig, CertificateItem>({
  name: "certificates",
  externalTypes: [CERTIFICATE_TYPE],
  item: certificateItemSchema,
  config: awsConfigSchema,
  async list({ scope, cursor, ctx }) {
    const { accountId, region } = scopePartsOf(scope.id);
    if (!region) return { items: [] };
    const client = await awsSessionOf(ctx).acm(accountId, region);
    const page = await callAws("acm:ListCertificates", () =>
      client.send(
        new ListCertificatesCommand({ NextToken: cursor, MaxItems: ctx.config.pageSize, Includes: { keyTypes: Object.values(KeyAlgorithm) } }),
        { abortSignal: ctx.signal },
      ),
    );
    const keyward = liveContext(ctx.config, accountId, region);
    const items = await mapInBatches(page.CertificateSummaryList ?? [], DETAIL_CONCURRENCY, async (summary) => {
      const detail = await callAws("acm:DescribeCertificate", () =>
        client.send(new DescribeCertificateCommand({ CertificateArn: summary.CertificateArn }), { abortSignal: ctx.signal }),
      );
      return asJson({ ...summary, ...detail.Certificate, keyward });
    });
    return { items, ...(page.NextToken ? { nextCursor: page.NextToken } : {}) };
  },
  transform: (cert) => certificateRecords(cert),
});
