import { isAbsolute } from "node:path";
import { z } from "zod";

/*
 * Source config. Targets accept the short `host:port` form people paste from a scanner or a
 * load-balancer console, or an object when the TLS server name (SNI) differs from the host
 * connected to — e.g. scanning a virtual host on a shared IP.
 */

/** Port assumed when a target names none: HTTPS. */
export const DEFAULT_TLS_PORT = 443;

/** Default budget for DNS + TCP connect + TLS handshake of one target. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Largest file the directory scan reads; certificate bundles are kilobytes, not megabytes. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Most files one scan reads; past it the stream fails (a cap) instead of silently stopping. */
export const DEFAULT_MAX_FILES = 10_000;

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV6_LITERAL = /^[0-9A-Fa-f:.]+(?:%[A-Za-z0-9_.-]+)?$/;

const hostSchema = z
  .string()
  .trim()
  .transform((host) => (host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host))
  .refine((host) => HOST.test(host) || (host.includes(":") && IPV6_LITERAL.test(host)), "must be a host name or an IP address");

const portSchema = z.number().int().min(1).max(65_535);

const targetObjectSchema = z.strictObject({
  host: hostSchema,
  port: portSchema.default(DEFAULT_TLS_PORT),
  /** Server name sent in SNI; defaults to `host` when that is a name (never sent for IPs). */
  servername: z.string().trim().min(1).optional(),
});

/** `host`, `host:port`, `[v6]:port`, `v6` → object form. */
function splitHostPort(text: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed?.[1]) return { host: bracketed[1], port: Number(bracketed[2] ?? DEFAULT_TLS_PORT) };
  if ((text.match(/:/g) ?? []).length > 1) return { host: text, port: DEFAULT_TLS_PORT };
  const [host = "", port] = text.split(":");
  return { host, port: port === undefined ? DEFAULT_TLS_PORT : /^\d+$/.test(port) ? Number(port) : NaN };
}

export const targetSchema = z.preprocess(
  (value) => (typeof value === "string" ? splitHostPort(value.trim()) : value),
  targetObjectSchema,
);
export type Target = z.output<typeof targetSchema>;

export const certificatesConfigSchema = z.object({
  /** TLS endpoints to scan: `"host:port"` or `{ host, port, servername }`. */
  targets: z.array(targetSchema).default([]),
  /** Absolute paths of files or directories (searched recursively) on the worker's disk. */
  paths: z.array(z.string().min(1).refine(isAbsolute, "must be an absolute path")).default([]),
  connectTimeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_CONNECT_TIMEOUT_MS),
  /** Same meaning as the guarded HTTP client: loopback and private ranges for every target. */
  allowPrivateNetworks: z.boolean().default(false),
  /** Host names allowed to resolve to loopback/private addresses. */
  allowHosts: z.array(z.string().min(1)).default([]),
  /** CIDRs whose loopback/private addresses may be scanned. */
  allowCidrs: z.array(z.string().min(1)).default([]),
  maxFileBytes: z.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
  maxFiles: z.number().int().positive().default(DEFAULT_MAX_FILES),
});
export type CertificatesConfig = z.output<typeof certificatesConfigSchema>;

/** `host:port` with IPv6 in brackets. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Stable id of a target: the endpoint resource's external id and the parent id of its scan. */
export function targetId(target: { host: string; port: number; servername?: string | undefined }): string {
  const base = hostPort(target.host.toLowerCase(), target.port);
  const sni = target.servername?.toLowerCase();
  return sni && sni !== target.host.toLowerCase() ? `${base}#${sni}` : base;
}
