import { rootCertificates } from "node:tls";
import { SdkError } from "./errors";
import type { NetworkPolicy, ResolvedAddress } from "./network-policy";

/*
 * Connect-time pinning for Node's global fetch.
 *
 * Checking DNS before calling fetch is not enough: fetch resolves the name again, and a
 * rebinding DNS server (TTL 0) can answer "public" to the check and "169.254.169.254" to the
 * connect. The fix is to give the socket a `lookup` that runs the same policy, so the address
 * the socket connects to is the address that was checked.
 *
 * Node bundles undici but does not export its Agent class, and the project does not depend on
 * the `undici` package. Node registers its global dispatcher — an undici Agent — under a
 * well-known symbol once fetch has run, so its constructor is reachable from there. If a future
 * Node changes this, `loadAgentConstructor` throws "guard_unavailable" (fail closed) and the
 * tests that exercise rebinding fail; the fix then is to add `undici` and import `Agent`.
 */

/** The part of undici's Dispatcher the client uses. */
export interface Dispatcher {
  close(): Promise<void>;
}

type LookupCallback = (error: Error | null, address?: string | ResolvedAddress[], family?: number) => void;
type LookupHook = (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => void;
type AgentConstructor = new (options: { connect: { lookup: LookupHook; ca?: string[] } }) => Dispatcher;

/** Symbol under which Node's bundled undici stores the global dispatcher. */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

let agentConstructor: Promise<AgentConstructor> | undefined;

async function loadAgentConstructor(): Promise<AgentConstructor> {
  // A data: URL never touches the network but makes undici install its global dispatcher.
  await (await fetch("data:,")).arrayBuffer();
  const dispatcher = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
  const ctor = (dispatcher as { constructor?: unknown } | undefined)?.constructor;
  if (typeof ctor !== "function" || ctor.name !== "Agent") {
    throw new SdkError("guard_unavailable", "cannot pin connections: undici Agent not found");
  }
  return ctor as AgentConstructor;
}

/** A dispatcher whose sockets connect only to addresses `policy` accepted. */
export interface GuardedDispatcher {
  dispatcher: Dispatcher;
  /** Host names the connect-time lookup has validated (to detect a bypassed dispatcher). */
  validatedHosts: ReadonlySet<string>;
}

/**
 * `extraCa`: PEM certificates trusted IN ADDITION to Node's bundled roots (a private CA, or a
 * test server's own), so a connector never needs NODE_TLS_REJECT_UNAUTHORIZED.
 */
export async function createGuardedDispatcher(policy: NetworkPolicy, extraCa?: string): Promise<GuardedDispatcher> {
  agentConstructor ??= loadAgentConstructor();
  const Agent = await agentConstructor.catch((error: unknown) => {
    agentConstructor = undefined;
    throw error;
  });
  const validatedHosts = new Set<string>();
  const lookup: LookupHook = (hostname, options, callback) => {
    policy.resolve(hostname).then(
      (resolved) => {
        validatedHosts.add(hostname);
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const addresses = resolved.filter((a) => wanted === undefined || a.family === wanted);
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`no IPv${wanted} address`), { code: "ENOTFOUND" }));
        if (options.all) return callback(null, [...addresses]);
        return callback(null, first.address, first.family);
      },
      (error: Error) => callback(error),
    );
  };
  const ca = extraCa ? [...rootCertificates, extraCa] : undefined;
  return { dispatcher: new Agent({ connect: ca ? { lookup, ca } : { lookup } }), validatedHosts };
}
