import { randomBytes } from "node:crypto";
import { createFingerprinter, HARNESS_SCOPE, recordSchema, type KeywardRecord, type TransformContext } from "../../sdk";
import { readCertificateFile } from "../pem/certificate-file";
import type { EndpointScanItem } from "../schemas";
import { endpointsStream } from "../streams/endpoints";
import { filesStream } from "../streams/files";

/** Transform context with a random fingerprint key; `fingerprint` is exposed for assertions. */
export function transformContext(): TransformContext {
  return { scope: HARNESS_SCOPE, parent: undefined, fingerprint: createFingerprinter(randomBytes(32)) };
}

/** Reads `content` as the file `path` and transforms it, as an import of that file would. */
export function transformFile(
  path: string,
  content: string | Uint8Array,
  ctx = transformContext(),
  observedAt = new Date().toISOString(),
) {
  const item = readCertificateFile(path, typeof content === "string" ? Buffer.from(content) : content, observedAt);
  if (!item) throw new Error(`${path} holds no certificate`);
  return filesStream.transform(item, ctx).map((record) => recordSchema.parse(record));
}

/** A scan result as `scanTlsEndpoint` would return it. */
export function scanItem(target: string, chain: readonly Buffer[], overrides: Partial<EndpointScanItem> = {}): EndpointScanItem {
  return {
    target,
    address: "127.0.0.1",
    protocol: "TLSv1.3",
    cipher: "TLS_AES_256_GCM_SHA384",
    authorized: false,
    authorizationError: "SELF_SIGNED_CERT_IN_CHAIN",
    observedAt: new Date().toISOString(),
    chain: chain.map((der) => der.toString("base64")),
    ...overrides,
  };
}

export function transformScan(item: EndpointScanItem, ctx = transformContext()): KeywardRecord[] {
  return endpointsStream.transform(item, ctx).map((record) => recordSchema.parse(record));
}

type Credential = Extract<KeywardRecord, { kind: "credential" }>;

export function credentials(records: readonly KeywardRecord[]): Credential[] {
  return records.filter((r): r is Credential => r.kind === "credential");
}

export function byThumbprint(records: readonly KeywardRecord[], thumbprint: string): Credential {
  const found = credentials(records).find((r) => r.externalId === thumbprint);
  if (!found) throw new Error(`no certificate ${thumbprint}`);
  return found;
}
