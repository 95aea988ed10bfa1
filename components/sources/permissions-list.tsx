import type { ConnectorTypeDto } from "@/lib/sources/connector-catalogue";

/** The read-only permissions a connector needs, so an admin can grant exactly those. */
export function PermissionsList({ connector }: { connector: Pick<ConnectorTypeDto, "permissions" | "liveSync" | "displayName"> }) {
  if (connector.permissions.length === 0) {
    return (
      <p className="text-sm text-muted">
        {connector.liveSync ? "This connector declares no permissions." : `${connector.displayName} reads files you import; it needs no access to anything.`}
      </p>
    );
  }
  return (
    <ul className="space-y-2 text-sm">
      {connector.permissions.map((p) => (
        <li key={`${p.stream ?? ""}/${p.permission}`}>
          <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs">{p.permission}</code>
          {p.stream ? <span className="ml-2 text-xs text-muted">for {p.stream}</span> : null}
          <p className="mt-0.5 text-muted">{p.why}</p>
        </li>
      ))}
    </ul>
  );
}
