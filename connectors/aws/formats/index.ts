import { credentialReportCsvFormat, credentialReportJsonFormat } from "./credential-report";
import { callerIdentityFormat, listAccessKeysFormat, listRolesFormat, listUserTagsFormat } from "./iam-formats";
import { describeCertificateFormat, listCertificatesFormat, listSecretsFormat } from "./regional-formats";

/** Every offline export the AWS connector recognises (docs/connectors/aws.md, "Offline import"). */
export const awsFormats = [
  credentialReportCsvFormat,
  credentialReportJsonFormat,
  listAccessKeysFormat,
  listUserTagsFormat,
  listRolesFormat,
  callerIdentityFormat,
  listSecretsFormat,
  listCertificatesFormat,
  describeCertificateFormat,
];
