import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { SdkError } from "./errors";
import { BlockedAddressError, NetworkError } from "./http-errors";
import { classifyAddress, type AddressClass } from "./ip-address";

/** One resolved address, as `dns.lookup(…, { all: true })` returns it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has. Injected in tests to fake DNS. */
export type LookupFunction = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Which destinations a connector's HTTP client may reach. */
export interface NetworkPolicyOptions {
  /** Allow loopback and private ranges (RFC 1918, CGNAT, ULA…) for every host. Default false. */
  allowPrivateNetworks?: boolean;
  /** Host names (exact, case-insensitive) allowed to resolve to loopback/private addresses. */
  allowHosts?: readonly string[];
  /** CIDRs (`10.20.0.0/16`, `fd12::/48`) or single IPs whose loopback/private addresses are allowed. */
  allowCidrs?: readonly string[];
  /** Allow plain `http:`. Default false: connector credentials must not cross a network in clear. */
  allowInsecureHttp?: boolean;
  /** DNS resolver; defaults to `dns.lookup` with `all: true`. */
  lookup?: LookupFunction;
}

/**
 * Names of metadata services, refused before any DNS lookup: inside a cloud they resolve to
 * the metadata address, and on a workstation they may resolve to something else entirely.
 */
export const METADATA_HOSTNAMES: ReadonlySet<string> = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
]);

/** Classes refused whatever the policy says: no connector has a reason to reach them. */
const ALWAYS_BLOCKED: ReadonlySet<AddressClass> = new Set(["metadata", "link_local", "unspecified", "reserved"]);

const defaultLookup: LookupFunction = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Lowercase, no URL brackets, no trailing dot: the form compared against allow and block lists. */
export function normaliseHost(hostname: string): string {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return bare.toLowerCase().replace(/\.$/, "");
}

function buildCidrList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [network = "", prefixText] = entry.split("/");
    const type = isIPv4(network) ? "ipv4" : isIPv6(network) ? "ipv6" : undefined;
    const max = type === "ipv4" ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!type || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new SdkError("invalid_allow_cidr", `allowCidrs: "${entry}" is not an IP or CIDR`);
    }
    list.addSubnet(network, prefix, type);
  }
  return list;
}

/** The SSRF guard's decisions, shared by the pre-connect check and the connect-time lookup. */
export class NetworkPolicy {
  private readonly allowPrivate: boolean;
  private readonly allowHosts: ReadonlySet<string>;
  private readonly allowCidrs: BlockList;
  private readonly allowHttp: boolean;
  private readonly lookup: LookupFunction;

  constructor(options: NetworkPolicyOptions = {}) {
    this.allowPrivate = options.allowPrivateNetworks ?? false;
    this.allowHosts = new Set((options.allowHosts ?? []).map(normaliseHost));
    this.allowCidrs = buildCidrList(options.allowCidrs ?? []);
    this.allowHttp = options.allowInsecureHttp ?? false;
    this.lookup = options.lookup ?? defaultLookup;
  }

  /** Checks scheme, user-info, metadata names and literal IPs; throws `BlockedAddressError`. */
  checkUrl(url: URL): void {
    const host = normaliseHost(url.hostname);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new BlockedAddressError(host, "scheme");
    if (url.protocol === "http:" && !this.allowHttp) throw new BlockedAddressError(host, "insecure_scheme");
    // `https://good@evil/` reads as "good" to people and as "evil" to fetch.
    if (url.username || url.password) throw new BlockedAddressError(host, "userinfo");
    if (METADATA_HOSTNAMES.has(host)) throw new BlockedAddressError(host, "metadata");
    if (classifyAddress(host) !== null) this.checkAddress(host, host);
  }

  /** Throws when `address` (one of `host`'s addresses) may not be reached. */
  checkAddress(host: string, address: string): void {
    const cls = classifyAddress(address);
    if (cls === null) throw new BlockedAddressError(host, "reserved", address);
    if (cls === "public") return;
    if (ALWAYS_BLOCKED.has(cls)) throw new BlockedAddressError(host, cls, address);
    if (this.allowPrivate || this.allowHosts.has(normaliseHost(host))) return;
    const bare = normaliseHost(address).replace(/%.*$/, "");
    if (this.allowCidrs.check(bare, isIPv4(bare) ? "ipv4" : "ipv6")) return;
    throw new BlockedAddressError(host, cls, address);
  }

  /**
   * Resolves `hostname` and checks EVERY address: a name answering one public and one private
   * address must not get through by luck of ordering.
   */
  async resolve(hostname: string, forUrl: string | URL = `https://${hostname}/`): Promise<readonly ResolvedAddress[]> {
    const host = normaliseHost(hostname);
    if (METADATA_HOSTNAMES.has(host)) throw new BlockedAddressError(host, "metadata");
    if (classifyAddress(host) !== null) {
      this.checkAddress(host, host);
      return [{ address: host, family: isIPv4(host) ? 4 : 6 }];
    }
    let addresses: readonly ResolvedAddress[];
    try {
      addresses = await this.lookup(host);
    } catch (error) {
      throw new NetworkError(forUrl, (error as { code?: string }).code, error);
    }
    if (addresses.length === 0) throw new NetworkError(forUrl, "ENOTFOUND", undefined);
    for (const { address } of addresses) this.checkAddress(host, address);
    return addresses;
  }
}
