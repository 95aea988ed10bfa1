import type { KeywardRecordInput } from "../../sdk";
import { iamResourceOf, parseArn } from "../arn";
import {
  accountRef,
  OIDC_PROVIDER_TYPE,
  PRINCIPAL_TYPE,
  roleRef,
  SAML_PROVIDER_TYPE,
  SERVICE_PRINCIPAL_TYPE,
  userRef,
  type Ref,
} from "../external-types";
import type { PolicyDocument, PolicyStatement } from "../schemas";
import { compact } from "./compact";

/*
 * A role's trust policy as `can_assume` edges, one per trusted principal, with the attributes the
 * policy rules read (docs/policies.md): `principalType`, `provider`, `accountId`, `external`,
 * `firstParty`, `conditions: [{ key, operator, values }]`. OIDC conditions (`…:sub`, `…:aud`) are
 * kept as they are, so `oidc-trust-unconditioned` can tell `repo:org/app:ref:refs/heads/main` from
 * no subject at all.
 */

export type TrustCondition = { key: string; operator: string; values: string[] };

interface Principal {
  readonly from: Ref;
  readonly attributes: Record<string, string | boolean>;
}

const ASSUME_ACTION = /^sts:(assumerole(withwebidentity|withsaml)?|\*)$/i;

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Which well-known issuer an OIDC provider host is, for people reading the graph. */
function issuerOf(host: string): string {
  if (host === "token.actions.githubusercontent.com") return "github-actions";
  if (/^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\//.test(host)) return "eks";
  if (host === "gitlab.com" || host.startsWith("gitlab.")) return "gitlab";
  if (host === "cognito-identity.amazonaws.com") return "cognito";
  if (host === "accounts.google.com") return "google";
  if (host.startsWith("sts.windows.net/") || host.startsWith("login.microsoftonline.com/")) return "entra";
  return "other";
}

function awsPrincipal(value: string, roleAccountId: string): Principal {
  const inAccount = (accountId: string) => ({ accountId, external: accountId !== roleAccountId });
  if (value === "*") return { from: { externalType: PRINCIPAL_TYPE, externalId: "*" }, attributes: { principalType: "any", provider: "aws", external: true } };
  if (/^\d{12}$/.test(value)) return { from: accountRef(value), attributes: { principalType: "account", provider: "aws", ...inAccount(value) } };
  const arn = parseArn(value);
  if (!arn || arn.service !== "iam") {
    // An assumed-role session (sts), or a unique id left behind by a deleted principal.
    const accountId = arn?.accountId;
    return {
      from: { externalType: PRINCIPAL_TYPE, externalId: value },
      attributes: { principalType: arn ? "session" : "unknown", provider: "aws", ...(accountId ? inAccount(accountId) : {}) },
    };
  }
  if (arn.resource === "root") return { from: accountRef(arn.accountId), attributes: { principalType: "account", provider: "aws", ...inAccount(arn.accountId) } };
  const { kind, name } = iamResourceOf(arn);
  const base = { provider: "aws", ...inAccount(arn.accountId) };
  if (kind === "role") return { from: roleRef(arn.accountId, name, arn.partition), attributes: { principalType: "role", ...base } };
  if (kind === "user") return { from: userRef(arn.accountId, name, arn.partition), attributes: { principalType: "user", ...base } };
  return { from: { externalType: PRINCIPAL_TYPE, externalId: value }, attributes: { principalType: kind || "unknown", ...base } };
}

function federatedPrincipal(value: string, roleAccountId: string): Principal {
  const arn = parseArn(value);
  if (arn && arn.resource.startsWith("saml-provider/")) {
    const accountId = arn.accountId;
    return {
      from: { externalType: SAML_PROVIDER_TYPE, externalId: value },
      attributes: { principalType: "saml", provider: arn.resource.slice("saml-provider/".length), accountId, external: accountId !== roleAccountId },
    };
  }
  // An IAM OIDC provider (`…:oidc-provider/<host>`) or a built-in web identity host (Cognito, Google…).
  const host = arn && arn.resource.startsWith("oidc-provider/") ? arn.resource.slice("oidc-provider/".length) : value;
  return {
    from: { externalType: OIDC_PROVIDER_TYPE, externalId: value },
    attributes: compact({ principalType: "oidc", provider: host, issuer: issuerOf(host), accountId: arn?.accountId || undefined }),
  };
}

function principalsOf(statement: PolicyStatement, roleAccountId: string): Principal[] {
  const principal = statement.Principal;
  if (principal === undefined) return [];
  if (principal === "*") return [awsPrincipal("*", roleAccountId)];
  return Object.entries(principal).flatMap(([kind, values]) =>
    list(values).map((value): Principal => {
      if (kind === "AWS") return awsPrincipal(value, roleAccountId);
      if (kind === "Federated") return federatedPrincipal(value, roleAccountId);
      if (kind === "Service") {
        return { from: { externalType: SERVICE_PRINCIPAL_TYPE, externalId: value }, attributes: { principalType: "service", provider: value, firstParty: true } };
      }
      return { from: { externalType: PRINCIPAL_TYPE, externalId: `${kind}:${value}` }, attributes: { principalType: kind.toLowerCase(), provider: "aws" } };
    }),
  );
}

function conditionsOf(statement: PolicyStatement): TrustCondition[] {
  return Object.entries(statement.Condition ?? {}).flatMap(([operator, entries]) =>
    Object.entries(entries).map(([key, value]) => ({ key, operator, values: (Array.isArray(value) ? value : [value]).map(String) })),
  );
}

/**
 * Several statements may trust one principal; any of them suffices to assume the role, so the
 * edge keeps only the conditions EVERY statement imposes (values merged): a second statement
 * without a `sub` condition leaves the trust unconditioned, as it is.
 */
function sharedConditions(all: TrustCondition[][]): TrustCondition[] {
  const [first = [], ...rest] = all;
  return first
    .filter((c) => rest.every((other) => other.some((o) => o.key === c.key && o.operator === c.operator)))
    .map((c) => {
      const values = new Set(c.values);
      for (const other of rest) for (const o of other) if (o.key === c.key && o.operator === c.operator) o.values.forEach((v) => values.add(v));
      return { ...c, values: [...values].sort() };
    });
}

export function trustEdges(document: PolicyDocument | undefined, role: Ref, roleAccountId: string): KeywardRecordInput[] {
  const byPrincipal = new Map<string, { principal: Principal; actions: Set<string>; conditions: TrustCondition[][] }>();
  for (const statement of document?.Statement ?? []) {
    if (statement.Effect !== "Allow") continue;
    const actions = list(statement.Action).filter((a) => ASSUME_ACTION.test(a));
    if (actions.length === 0) continue;
    for (const principal of principalsOf(statement, roleAccountId)) {
      const key = `${principal.from.externalType}\0${principal.from.externalId}`;
      const entry = byPrincipal.get(key) ?? { principal, actions: new Set<string>(), conditions: [] };
      actions.forEach((a) => entry.actions.add(a));
      entry.conditions.push(conditionsOf(statement));
      byPrincipal.set(key, entry);
    }
  }
  return [...byPrincipal.values()].map(({ principal, actions, conditions }): KeywardRecordInput => {
    const shared = sharedConditions(conditions);
    return {
      kind: "edge",
      type: "can_assume",
      from: principal.from,
      to: role,
      attributes: {
        ...principal.attributes,
        conditions: shared,
        actions: [...actions].sort(),
        ...(shared.some((c) => c.key.toLowerCase() === "sts:externalid") ? { requiresExternalId: true } : {}),
      },
    };
  });
}
