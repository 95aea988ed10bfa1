import { cloudresourcemanager_v3 } from "@googleapis/cloudresourcemanager";
import { iam_v1 } from "@googleapis/iam";
import { createGuardedHttp, sdkFetch, type ConnectorContext } from "../../sdk";
import type { GcpConfig } from "../config";
import { createAuthClient } from "./auth-client";
import { googleRetryConfig } from "./retry-config";

/*
 * One Google session per sync (per connector context): one guarded client, one auth client
 * (whose token cache then serves every page) and the two API clients. Every request — token
 * included — goes through `sdkFetch`, so the SSRF guard and timeouts apply; the runner's own
 * `ctx.http` is not used because it refuses the loopback addresses tests and private endpoints
 * need, which this source may allow with its own switches.
 */

export interface GoogleSession {
  readonly iam: iam_v1.Iam;
  readonly resourceManager: cloudresourcemanager_v3.Cloudresourcemanager;
}

const sessions = new WeakMap<object, GoogleSession>();

function createSession(config: GcpConfig, signal: AbortSignal): GoogleSession {
  const http = createGuardedHttp({
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowInsecureHttp: config.allowInsecureHttp,
    signal,
  });
  // Every call goes through the auth client's transporter, whose defaults these become.
  const requestOptions = { fetchImplementation: sdkFetch(http), retryConfig: googleRetryConfig(signal) };
  // googleapis-common is typed against its own copy of google-auth-library; at run time it only
  // calls the client's `request`, which this (newer) copy provides with the same contract.
  const auth = createAuthClient(config, requestOptions) as unknown as iam_v1.Options["auth"] & cloudresourcemanager_v3.Options["auth"];
  return {
    iam: new iam_v1.Iam({ auth, ...(config.iamRootUrl ? { rootUrl: config.iamRootUrl } : {}) }),
    resourceManager: new cloudresourcemanager_v3.Cloudresourcemanager({
      auth,
      ...(config.resourceManagerRootUrl ? { rootUrl: config.resourceManagerRootUrl } : {}),
    }),
  };
}

/** The context's Google session, created on first use. */
export function googleSessionOf(ctx: Pick<ConnectorContext<GcpConfig>, "config" | "signal">): GoogleSession {
  let session = sessions.get(ctx);
  if (!session) {
    session = createSession(ctx.config, ctx.signal);
    sessions.set(ctx, session);
  }
  return session;
}
