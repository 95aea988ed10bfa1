import type { BindingItem, Subject } from "../schemas";

/*
 * Which service accounts a binding grants to. A service account is named directly
 * (`kind: ServiceAccount`), as a user (`system:serviceaccount:<ns>:<name>`, how the API server
 * authenticates it), or through the groups every account belongs to: `system:serviceaccounts`,
 * `system:serviceaccounts:<ns>` and `system:authenticated`. Groups expand only when the listing
 * supplied the cluster's accounts; the built-in bindings (labelled rbac-defaults, identical in
 * every cluster: discovery, public info) are not expanded, or every account would carry them.
 */

export interface GrantedAccount {
  readonly namespace: string;
  readonly name: string;
  /** The group the grant came through, when not named directly. */
  readonly viaGroup?: string;
}

const SA_USER = /^system:serviceaccount:([^:]+):([^:]+)$/;
const ALL_ACCOUNTS_GROUPS = new Set(["system:serviceaccounts", "system:authenticated"]);
const NAMESPACE_GROUP = /^system:serviceaccounts:([^:]+)$/;
const BOOTSTRAP_LABEL = "kubernetes.io/bootstrapping";

function direct(subject: Subject, bindingNamespace: string | undefined): GrantedAccount | undefined {
  if (subject.kind === "ServiceAccount") {
    const namespace = subject.namespace ?? bindingNamespace;
    return namespace ? { namespace, name: subject.name } : undefined;
  }
  const user = subject.kind === "User" ? SA_USER.exec(subject.name) : null;
  return user ? { namespace: user[1]!, name: user[2]! } : undefined;
}

function throughGroup(group: string, accounts: readonly string[]): GrantedAccount[] {
  const namespace = NAMESPACE_GROUP.exec(group)?.[1];
  if (!namespace && !ALL_ACCOUNTS_GROUPS.has(group)) return [];
  return accounts.flatMap((account) => {
    const slash = account.indexOf("/");
    const accountNamespace = account.slice(0, slash);
    if (slash <= 0 || (namespace && accountNamespace !== namespace)) return [];
    return [{ namespace: accountNamespace, name: account.slice(slash + 1), viaGroup: group }];
  });
}

/** Whether a group subject includes service accounts (so its grant matters here). */
export const isServiceAccountGroup = (group: string) => ALL_ACCOUNTS_GROUPS.has(group) || NAMESPACE_GROUP.test(group);

/** Accounts the binding grants to, each once (a direct grant wins over a group). */
export function grantedAccountsOf(binding: BindingItem): GrantedAccount[] {
  const bindingNamespace = binding.metadata.namespace;
  const expandGroups = binding.metadata.labels[BOOTSTRAP_LABEL] !== "rbac-defaults";
  const accounts = binding.keyward.serviceAccounts ?? [];
  const granted = new Map<string, GrantedAccount>();
  for (const subject of binding.subjects) {
    const account = direct(subject, bindingNamespace);
    if (account) granted.set(`${account.namespace}/${account.name}`, account);
  }
  if (expandGroups) {
    for (const subject of binding.subjects.filter((s) => s.kind === "Group")) {
      for (const account of throughGroup(subject.name, accounts)) {
        const key = `${account.namespace}/${account.name}`;
        if (!granted.has(key)) granted.set(key, account);
      }
    }
  }
  return [...granted.values()];
}
