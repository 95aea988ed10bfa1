import { defineStream, NetworkPolicy, SdkError, type KeywardRecordInput } from "../../sdk";
import { certificatesConfigSchema, targetId, type CertificatesConfig } from "../config";
import { ENDPOINT_TYPE, TLS_CERTIFICATE_TYPE } from "../external-types";
import { certificateRecord } from "../records/certificate-record";
import { scanTlsEndpoint } from "../scan/tls-scan";
import { endpointScanItemSchema, type EndpointScanItem } from "../schemas";
import { parseCertificate, verifies, type ParsedCertificate } from "../x509/certificate-facts";

/** Builds the scanner's network policy from the source config (same options as ctx.http). */
export function policyFor(config: CertificatesConfig): NetworkPolicy {
  return new NetworkPolicy({
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowHosts: config.allowHosts,
    allowCidrs: config.allowCidrs,
  });
}

/** Parses a presented chain once, dropping repeats (some servers send a certificate twice). */
function parseChain(chain: readonly string[]): ParsedCertificate[] {
  const byThumbprint = new Map<string, ParsedCertificate>();
  for (const der of chain) {
    const parsed = parseCertificate(Buffer.from(der, "base64"));
    if (!byThumbprint.has(parsed.facts.thumbprint)) byThumbprint.set(parsed.facts.thumbprint, parsed);
  }
  return [...byThumbprint.values()];
}

/** Certificates of one handshake, each `stored_in` the endpoint with where it sat in the chain. */
function transformScan(scan: EndpointScanItem): KeywardRecordInput[] {
  const endpoint = { externalType: ENDPOINT_TYPE, externalId: scan.target };
  const chain = parseChain(scan.chain);
  return chain.flatMap((cert, position) => {
    const next = chain[position + 1];
    const issuer = next && verifies(cert.native, next.native) ? next.facts.thumbprint : undefined;
    const record = certificateRecord(cert.facts, {
      externalType: TLS_CERTIFICATE_TYPE,
      location: { source: "tls", path: scan.target },
      chainPosition: position,
      observedAt: scan.observedAt,
      issuerThumbprint: issuer,
    });
    const attributes = {
      chainPosition: position,
      protocol: scan.protocol,
      cipher: scan.cipher,
      authorized: scan.authorized,
      authorizationError: scan.authorizationError,
    };
    const edge: KeywardRecordInput = {
      kind: "edge",
      type: "stored_in",
      from: { externalType: TLS_CERTIFICATE_TYPE, externalId: cert.facts.thumbprint },
      to: endpoint,
      attributes,
    };
    return [record, edge];
  });
}

/** Live TLS scan of one target (the parent); throws typed errors the runner turns into gaps. */
export const endpointsStream = defineStream<CertificatesConfig, EndpointScanItem>({
  name: "endpoints",
  externalTypes: [TLS_CERTIFICATE_TYPE],
  item: endpointScanItemSchema,
  config: certificatesConfigSchema,
  parent: "targets",
  async list({ parent, ctx }) {
    const target = ctx.config.targets.find((t) => targetId(t) === parent?.id);
    if (!target) throw new SdkError("unknown_target", `target ${parent?.id ?? "(none)"} is not configured`);
    const scan = await scanTlsEndpoint(target, {
      policy: policyFor(ctx.config),
      timeoutMs: ctx.config.connectTimeoutMs,
      signal: ctx.signal,
    });
    return { items: [scan] };
  },
  transform: (scan) => transformScan(scan),
});
