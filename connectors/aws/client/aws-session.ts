import { ACMClient } from "@aws-sdk/client-acm";
import { IAMClient } from "@aws-sdk/client-iam";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createGuardedHttp, sdkFetch, SdkError, type ConnectorContext } from "../../sdk";
import type { AwsAccount, AwsConfig } from "../config";
import { callAws } from "./aws-errors";
import { GuardedRequestHandler } from "./request-handler";

/*
 * One AWS session per sync (per connector context): one guarded HTTP client, the source's base
 * credentials (static from the config, else the SDK's default chain), and per account either
 * those credentials or a role assumed with them. Clients are built once per (service, account,
 * region) and keyed weakly by the context, so a finished run's session is collected with it.
 */

/** Region of the global services' endpoints (IAM, and STS calls made for the whole source). */
export const GLOBAL_REGION = "us-east-1";

/** Assumed-role credentials are renewed this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };
type CredentialSource = Credentials | (() => Promise<Credentials>) | undefined;

export interface AwsSession {
  /** The account the base credentials belong to. */
  callerAccount(): Promise<string>;
  /** Accounts to inventory: the configured ones, else the caller's. */
  accounts(): Promise<AwsAccount[]>;
  iam(accountId: string): Promise<IAMClient>;
  secretsManager(accountId: string, region: string): Promise<SecretsManagerClient>;
  acm(accountId: string, region: string): Promise<ACMClient>;
  /** Session-wide memo (e.g. customer-managed policy documents, read once per sync). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  readonly signal: AbortSignal;
}

const sessions = new WeakMap<object, AwsSession>();

function baseCredentials(config: AwsConfig): Credentials | undefined {
  if (!config.accessKeyId || !config.secretAccessKey) return undefined;
  return {
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    ...(config.sessionToken ? { sessionToken: config.sessionToken } : {}),
  };
}

function createSession(config: AwsConfig, signal: AbortSignal): AwsSession {
  const http = createGuardedHttp({ allowPrivateNetworks: config.allowPrivateNetworks, allowInsecureHttp: config.allowInsecureHttp, signal });
  const requestHandler = new GuardedRequestHandler(sdkFetch(http));
  const base = baseCredentials(config);
  const clientConfig = (region: string, credentials: CredentialSource, endpoint: string | undefined) => ({
    region,
    requestHandler,
    maxAttempts: config.maxAttempts,
    ...(credentials ? { credentials } : {}),
    ...(endpoint ? { endpoint } : {}),
  });
  const sts = new STSClient(clientConfig(GLOBAL_REGION, base, config.endpoints.sts));
  const clients = new Map<string, unknown>();
  const memos = new Map<string, Promise<unknown>>();

  function assumeRole(account: AwsAccount & { roleArn: string }): () => Promise<Credentials> {
    let current: Credentials | undefined;
    return async () => {
      const fresh = current?.expiration && current.expiration.getTime() - Date.now() > RENEW_BEFORE_MS;
      if (current && fresh) return current;
      const answer = await callAws("sts:AssumeRole", () =>
        sts.send(
          new AssumeRoleCommand({ RoleArn: account.roleArn, RoleSessionName: "keyward-inventory", ...(account.externalId ? { ExternalId: account.externalId } : {}) }),
          { abortSignal: signal },
        ),
      );
      const issued = answer.Credentials;
      if (!issued?.AccessKeyId || !issued.SecretAccessKey) throw new SdkError("no_credentials", `sts:AssumeRole returned no credentials for ${account.accountId}`);
      current = { accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretAccessKey, sessionToken: issued.SessionToken, expiration: issued.Expiration };
      return current;
    };
  }

  const callerAccount = memoOnce(async () => {
    const answer = await callAws("sts:GetCallerIdentity", () => sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal }));
    if (!answer.Account) throw new SdkError("no_account", "sts:GetCallerIdentity named no account");
    return answer.Account;
  });

  const accounts = memoOnce(async () => (config.accounts.length > 0 ? config.accounts : [{ accountId: await callerAccount() }]));

  // One provider per account, shared by its clients, so a role is assumed once and renewed when due.
  const sources = new Map<string, CredentialSource>();
  async function credentialsFor(accountId: string): Promise<CredentialSource> {
    const account = (await accounts()).find((a) => a.accountId === accountId);
    if (!account) throw new SdkError("unknown_account", `account ${accountId} is not configured`);
    if (!sources.has(accountId)) sources.set(accountId, account.roleArn ? assumeRole({ ...account, roleArn: account.roleArn }) : base);
    return sources.get(accountId);
  }

  async function client<T>(key: string, accountId: string, build: (credentials: CredentialSource) => T): Promise<T> {
    const cacheKey = `${key}\0${accountId}`;
    if (!clients.has(cacheKey)) clients.set(cacheKey, build(await credentialsFor(accountId)));
    return clients.get(cacheKey) as T;
  }

  return {
    callerAccount,
    accounts,
    signal,
    iam: (accountId) => client("iam", accountId, (c) => new IAMClient(clientConfig(GLOBAL_REGION, c, config.endpoints.iam))),
    secretsManager: (accountId, region) =>
      client(`secretsmanager/${region}`, accountId, (c) => new SecretsManagerClient(clientConfig(region, c, config.endpoints.secretsManager))),
    acm: (accountId, region) => client(`acm/${region}`, accountId, (c) => new ACMClient(clientConfig(region, c, config.endpoints.acm))),
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as Promise<T>;
    },
  };
}

/** A promise computed on first call; a failure is not remembered, so a later call retries. */
function memoOnce<T>(compute: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= compute().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** The context's AWS session, created on first use. */
export function awsSessionOf(ctx: ConnectorContext<AwsConfig>): AwsSession {
  let session = sessions.get(ctx);
  if (!session) {
    session = createSession(ctx.config, ctx.signal);
    sessions.set(ctx, session);
  }
  return session;
}
