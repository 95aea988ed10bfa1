import { isIPv6 } from "node:net";

/**
 * What an IP address is, from the SSRF guard's point of view.
 * - metadata: cloud instance-metadata endpoints (hand out credentials) — always refused
 * - link_local, unspecified, reserved (multicast, 240/4) — always refused
 * - loopback, private — refused unless the policy allows private networks
 */
export type AddressClass = "public" | "private" | "loopback" | "link_local" | "metadata" | "unspecified" | "reserved";

type Range = readonly [network: string, prefix: number, cls: AddressClass];

/** First match wins, so single metadata addresses come before the ranges that contain them. */
const IPV4_RANGES: readonly Range[] = [
  ["169.254.169.254", 32, "metadata"], // AWS, GCP, Azure, OCI, DigitalOcean IMDS
  ["169.254.170.2", 32, "metadata"], // AWS ECS task credentials endpoint
  ["100.100.100.200", 32, "metadata"], // Alibaba Cloud metadata
  ["168.63.129.16", 32, "metadata"], // Azure WireServer (a public-looking virtual IP)
  ["0.0.0.0", 8, "unspecified"], // "this host": connecting to 0.0.0.0 reaches localhost on Linux
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link_local"],
  ["10.0.0.0", 8, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
  ["100.64.0.0", 10, "private"], // carrier-grade NAT, used inside clouds
  ["198.18.0.0", 15, "private"], // benchmarking, used by some internal networks
  ["192.0.0.0", 24, "reserved"], // IETF protocol assignments
  ["224.0.0.0", 4, "reserved"], // multicast
  ["240.0.0.0", 4, "reserved"], // future use and broadcast
];

/** Parses a strict dotted quad (no leading zeros, which some resolvers read as octal). */
export function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** Parses an IPv6 address (zone id and dotted IPv4 tail allowed) into a 128-bit integer. */
export function parseIPv6(text: string): bigint | null {
  const address = text.replace(/%.*$/, "");
  if (!isIPv6(address)) return null;
  let normalised = address;
  const lastColon = address.lastIndexOf(":");
  const tail = address.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = parseIPv4(tail);
    if (v4 === null) return null;
    normalised = `${address.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = normalised.split("::");
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length > 1 && halves[1] ? halves[1].split(":") : [];
  const zeros = halves.length > 1 ? 8 - head.length - rest.length : 0;
  const groups = [...head, ...Array<string>(zeros).fill("0"), ...rest];
  if (groups.length !== 8) return null;
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function inV4Range(value: number, network: string, prefix: number): boolean {
  const base = parseIPv4(network) ?? 0;
  const size = 2 ** (32 - prefix);
  return Math.floor(value / size) === Math.floor(base / size);
}

function classifyIPv4(value: number): AddressClass {
  for (const [network, prefix, cls] of IPV4_RANGES) {
    if (inV4Range(value, network, prefix)) return cls;
  }
  return "public";
}

const V6 = (text: string): bigint => parseIPv6(text) ?? 0n;
const inV6Range = (value: bigint, network: string, prefix: number): boolean =>
  value >> BigInt(128 - prefix) === V6(network) >> BigInt(128 - prefix);

/** IPv6 prefixes that carry an IPv4 address, and where it sits; the IPv4 rules then apply. */
const EMBEDDED_V4: readonly (readonly [network: string, prefix: number, shift: bigint])[] = [
  ["::ffff:0:0", 96, 0n], // IPv4-mapped (::ffff:127.0.0.1 reaches 127.0.0.1 on dual-stack sockets)
  ["64:ff9b::", 96, 0n], // NAT64 well-known prefix
  ["::", 96, 0n], // deprecated IPv4-compatible (::127.0.0.1)
  ["2002::", 16, 80n], // 6to4: bits 16..47 are an IPv4 address
];

const IPV6_RANGES: readonly Range[] = [
  ["fd00:ec2::254", 128, "metadata"], // AWS IMDS over IPv6
  ["fe80::", 10, "link_local"],
  ["fec0::", 10, "private"], // deprecated site-local
  ["fc00::", 7, "private"], // unique local addresses
  ["64:ff9b:1::", 48, "private"], // local-use NAT64
  ["100::", 64, "reserved"], // discard-only
  ["ff00::", 8, "reserved"], // multicast
];

function classifyIPv6(value: bigint): AddressClass {
  if (value === 0n) return "unspecified";
  if (value === 1n) return "loopback";
  for (const [network, prefix, shift] of EMBEDDED_V4) {
    if (inV6Range(value, network, prefix)) return classifyIPv4(Number((value >> shift) & 0xffffffffn));
  }
  for (const [network, prefix, cls] of IPV6_RANGES) {
    if (inV6Range(value, network, prefix)) return cls;
  }
  return "public";
}

/**
 * Classifies an IP literal (IPv4, IPv6, IPv6 in URL brackets, IPv4-mapped IPv6).
 * Returns null when `address` is not an IP literal (i.e. it is a hostname).
 */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const v4 = parseIPv4(bare);
  if (v4 !== null) return classifyIPv4(v4);
  const v6 = parseIPv6(bare);
  return v6 === null ? null : classifyIPv6(v6);
}
