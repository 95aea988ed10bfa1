import { defineConnector } from "../sdk";
import { checkCertificates } from "./check";
import { certificatesConfigSchema } from "./config";
import { derFormat, pemFormat } from "./formats/certificate-formats";
import { endpointsStream } from "./streams/endpoints";
import { filesStream } from "./streams/files";
import { targetsStream } from "./streams/targets";

/** The whole source is one unit: its targets and paths are listed completely each run. */
export const CERTIFICATES_SCOPE = Object.freeze({ id: "certificates", label: "TLS endpoints and certificate files" });

/**
 * X.509 certificates from live TLS endpoints (full chain, SNI, negotiated protocol) and from
 * PEM/DER files and bundles, plus private keys found next to them (fingerprint only).
 * See docs/connectors/certificates.md.
 */
export const certificatesConnector = defineConnector({
  provider: "certificates",
  displayName: "Certificates and TLS endpoints",
  configSchema: certificatesConfigSchema,
  secretFields: [],
  permissions: [
    {
      stream: "endpoints",
      permission: "network: outbound TCP to each configured host:port",
      why: "one TLS handshake per target reads the certificate chain the endpoint presents; nothing is sent but the handshake",
    },
    {
      stream: "files",
      permission: "filesystem: read access to the configured paths (worker user)",
      why: "certificate and key files are read to parse certificates; private keys are only fingerprinted",
    },
  ],
  check: checkCertificates,
  scopes: async () => [CERTIFICATES_SCOPE],
  streams: [targetsStream, endpointsStream, filesStream],
  formats: [pemFormat, derFormat],
});
