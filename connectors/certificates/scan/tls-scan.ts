import { isIP } from "node:net";
import tls, { type DetailedPeerCertificate, type TLSSocket } from "node:tls";
import { NetworkError, TimeoutError, type NetworkPolicy } from "../../sdk";
import { hostPort, targetId, type Target } from "../config";
import type { EndpointScanItem } from "../schemas";

/*
 * One TLS handshake with a target, to read what it presents. The network policy is the guarded
 * HTTP client's: every address the name resolves to is checked (metadata and link-local always
 * refused, private/loopback only when allowed), and the socket connects to the checked address
 * itself, so a rebinding DNS answer cannot redirect it. SNI still carries the name.
 *
 * The scan inventories, it does not trust: verification failures are recorded, not fatal, and
 * old protocols and weak keys are accepted (SECLEVEL=0), since a legacy endpoint with an RSA-1024
 * certificate is exactly what the inventory must show. Nothing secret is sent on this connection.
 */

/** Options of `scanTlsEndpoint`. */
export interface TlsScanOptions {
  readonly policy: NetworkPolicy;
  /** Budget for DNS + connect + handshake. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly now?: () => Date;
}

/** The presented chain, leaf first, following issuer links until a self-issued or missing issuer. */
function peerChain(socket: TLSSocket): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(current.raw.toString("base64"));
    current = current.issuerCertificate;
  }
  return chain;
}

function describeSession(socket: TLSSocket, target: Target, address: string, now: Date): EndpointScanItem {
  const failure = socket.authorizationError as unknown;
  const reason = failure instanceof Error ? ((failure as { code?: string }).code ?? failure.message) : failure;
  return {
    target: targetId(target),
    address,
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    authorized: socket.authorized,
    authorizationError: reason ? String(reason) : null,
    observedAt: now.toISOString(),
    chain: peerChain(socket),
  };
}

/**
 * Connects, completes the handshake, reads the chain and closes. Throws the SDK's typed errors —
 * `BlockedAddressError`, `TimeoutError`, `NetworkError` — so the runner records a coverage gap.
 */
export function scanTlsEndpoint(target: Target, options: TlsScanOptions): Promise<EndpointScanItem> {
  const label = `tls://${hostPort(target.host, target.port)}`;
  const servername = target.servername ?? (isIP(target.host) ? undefined : target.host);
  return new Promise((resolve, reject) => {
    let socket: TLSSocket | undefined;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener("abort", onAbort);
      socket?.destroy();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new TimeoutError(label, options.timeoutMs))), options.timeoutMs);
    const onAbort = () => settle(() => reject(options.signal.reason));
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener("abort", onAbort, { once: true });

    options.policy.resolve(target.host, label).then(
      (addresses) => {
        const address = addresses[0]?.address;
        if (settled || address === undefined) return;
        const fail = (error: Error & { code?: string }) => settle(() => reject(new NetworkError(label, error.code, error)));
        socket = tls.connect({
          host: address,
          port: target.port,
          ...(servername && !isIP(servername) ? { servername } : {}),
          rejectUnauthorized: false,
          minVersion: "TLSv1",
          ciphers: "DEFAULT:@SECLEVEL=0",
        });
        socket.once("secureConnect", () => {
          const session = describeSession(socket as TLSSocket, target, address, (options.now ?? (() => new Date()))());
          settle(() => resolve(session));
        });
        socket.once("error", fail);
        socket.once("close", () =>
          fail(Object.assign(new Error("connection closed before the handshake"), { code: "ECONNRESET" })),
        );
      },
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
