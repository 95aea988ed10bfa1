import { z } from "zod";
import { timestampSchema } from "../sdk";

/*
 * Raw items of the three streams. Live listing and offline formats both produce these, so the
 * transforms are shared. Certificates travel as base64 DER: plain JSON, and exactly the bytes
 * the thumbprint is computed over.
 */

/** A configured TLS target, as the `targets` stream lists it. */
export const targetItemSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
  servername: z.string().min(1).optional(),
});
export type TargetItem = z.output<typeof targetItemSchema>;

/** What one TLS handshake showed: the peer's chain (leaf first) and the negotiated session. */
export const endpointScanItemSchema = z.object({
  /** Target id (`host:port`, `host:port#servername`): the endpoint resource's external id. */
  target: z.string().min(1),
  /** The address the scan connected to, after the network policy accepted it. */
  address: z.string().min(1),
  /** `TLSv1.3`, `TLSv1.2`, …; null if the socket could not tell. */
  protocol: z.string().nullable(),
  cipher: z.string().nullable(),
  /** Whether the chain verified against the worker's trust store (informational). */
  authorized: z.boolean(),
  authorizationError: z.string().nullable(),
  observedAt: timestampSchema,
  /** Base64 DER certificates, leaf first, as the peer presented them. */
  chain: z.array(z.string().min(1)),
});
export type EndpointScanItem = z.output<typeof endpointScanItemSchema>;

export const pemBlockItemSchema = z.object({
  label: z.string().min(1),
  /** Base64 of the block's DER. For a private key this is secret: it is only ever fingerprinted. */
  body: z.string(),
  line: z.number().int().min(1).optional(),
  encrypted: z.boolean().default(false),
});

/** A file holding certificates and/or private keys. */
export const certificateFileItemSchema = z.object({
  /** Absolute path (live scan) or path relative to the import root (offline import). */
  path: z.string().min(1),
  encoding: z.enum(["pem", "der"]),
  observedAt: timestampSchema,
  /** Only CERTIFICATE and `… PRIVATE KEY` blocks; a DER file is one CERTIFICATE block. */
  blocks: z.array(pemBlockItemSchema),
});
export type CertificateFileItem = z.output<typeof certificateFileItemSchema>;
export type CertificateFileItemInput = z.input<typeof certificateFileItemSchema>;
