/*
 * Accounts and namespaces Kubernetes creates itself. Every namespace gets a `default` service
 * account (used by any pod that names none); kube-system holds the control plane's controllers,
 * whose accounts are powerful by design and are recognised rather than reported as unowned.
 */

/** Namespaces created by Kubernetes itself. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(["kube-system", "kube-public", "kube-node-lease"]);

/** The account every namespace gets. */
export const DEFAULT_ACCOUNT_NAME = "default";

export interface AccountKind {
  /** The namespace's `default` account. */
  readonly defaultAccount: boolean;
  /** Lives in a namespace Kubernetes created (kube-system, kube-public, kube-node-lease). */
  readonly systemNamespace: boolean;
}

export function accountKindOf(namespace: string, name: string): AccountKind {
  return { defaultAccount: name === DEFAULT_ACCOUNT_NAME, systemNamespace: SYSTEM_NAMESPACES.has(namespace) };
}
