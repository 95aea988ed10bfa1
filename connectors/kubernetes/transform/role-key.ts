/** How bindings look up the role they bind: `Role/<ns>/<name>` or `ClusterRole/<name>`. */
export const roleKey = (kind: "Role" | "ClusterRole", namespace: string | undefined, name: string) =>
  kind === "Role" ? `Role/${namespace ?? ""}/${name}` : `ClusterRole/${name}`;
