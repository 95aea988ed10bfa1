import { defineFormat, FormatError, type FormatBatch, type InspectedFile } from "../../sdk";
import { CertificateFileError, hasPemContent, readCertificateFile } from "../pem/certificate-file";
import { isDerCertificate } from "../pem/der";

/*
 * Offline import of certificate files. PEM is recognised by its BEGIN markers; DER has none and
 * is recognised by parsing the bytes as X.509, which is why its confidence is lower: a detector
 * that parses is still a guess about a binary file, a marker line is not.
 */

/** Confidence of the PEM detector: certain of the markers, below 1 to yield to formats that own a JSON/YAML container. */
export const PEM_CONFIDENCE = 0.9;
/** Confidence of the DER detector. */
export const DER_CONFIDENCE = 0.6;

function parseCertificateFile(file: InspectedFile): readonly FormatBatch[] {
  let item;
  try {
    item = readCertificateFile(file.path, file.bytes, new Date().toISOString());
  } catch (error) {
    if (!(error instanceof CertificateFileError)) throw error;
    throw new FormatError("parse_failed", { file: file.path, line: error.line, reason: error.reason });
  }
  if (!item) throw new FormatError("parse_failed", { file: file.path, reason: "no certificate or private key block" });
  return [{ stream: "files", items: [item] }];
}

export const pemFormat = defineFormat({
  id: "certificates.pem",
  description: "PEM certificates, bundles and private keys (-----BEGIN CERTIFICATE----- / … PRIVATE KEY-----)",
  // A JSON document (Terraform state, a Kubernetes Secret list) may embed PEM text; it belongs to its own format.
  // A PEM block inside a JSON document or a CSV table belongs to that container's format (and is
  // refused there as a secret-looking value); only a file that is not a table is PEM.
  detect: (file) => (file.json === undefined && file.csvHeader === undefined && hasPemContent(file.text) ? PEM_CONFIDENCE : false),
  parse: parseCertificateFile,
});

export const derFormat = defineFormat({
  id: "certificates.der",
  description: "A single DER-encoded X.509 certificate (.cer/.der/.crt as Windows and Java tools export it)",
  detect: (file) => (isDerCertificate(file.bytes) ? DER_CONFIDENCE : false),
  parse: parseCertificateFile,
});
