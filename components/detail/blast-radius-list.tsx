import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

export type PrivilegeGroupView = {
  level: "admin" | "write" | "read" | "unspecified";
  resources: Array<{
    id: string;
    name: string;
    type: string | null;
    kind: string;
    depth: number;
    gone: boolean;
    grantedTo: Array<{ id: string; name: string; level: string }>;
  }>;
};

export type PrincipalGroupView = {
  kind: "identity" | "credential" | "person";
  nodes: Array<{ id: string; name: string; type: string | null; depth: number; via: { relation: string } | null }>;
};

const LEVEL_TITLES: Record<PrivilegeGroupView["level"], string> = {
  admin: "Admin",
  write: "Write",
  read: "Read",
  unspecified: "Reached without a stated level",
};

const LEVEL_CLASSES: Record<PrivilegeGroupView["level"], string> = {
  admin: "bg-sev-critical/15 text-sev-critical",
  write: "bg-sev-high/15 text-sev-high",
  read: "bg-sev-low/15 text-sev-low",
  unspecified: "bg-surface-2 text-muted",
};

const KIND_TITLES: Record<PrincipalGroupView["kind"], string> = { identity: "Identities", credential: "Credentials", person: "People" };

const steps = (depth: number) => `${depth} ${depth === 1 ? "step" : "steps"}`;

function detailHref(kind: string, id: string): string | null {
  if (kind === "identity") return `/inventory/identities/${id}`;
  if (kind === "credential") return `/inventory/credentials/${id}`;
  return null;
}

/** The blast radius as lists: resources by privilege level (strongest first), then who else is reached. */
export function BlastRadiusList({ privilegeGroups, principals }: { privilegeGroups: PrivilegeGroupView[]; principals: PrincipalGroupView[] }) {
  return (
    <div className="grid gap-4 p-4 lg:grid-cols-2">
      <div>
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Resources by privilege</h3>
        {privilegeGroups.length === 0 ? <p className="text-sm text-muted">No resource is reachable.</p> : null}
        {privilegeGroups.map((group) => (
          <div key={group.level} className="mb-3">
            <h4 className="mb-1 flex items-center gap-2 text-sm font-medium">
              <Badge className={LEVEL_CLASSES[group.level]}>{LEVEL_TITLES[group.level]}</Badge>
              <span className="text-xs text-muted">{group.resources.length}</span>
            </h4>
            <ul className="divide-y divide-border rounded-md border border-border text-sm">
              {group.resources.map((r) => (
                <li key={r.id} className="px-3 py-1.5">
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    <span className={cn("break-all", r.gone && "line-through")}>{r.name}</span>
                    <span className="text-xs text-muted">
                      {r.kind === "external" ? `not inventoried · ${r.type ?? ""}` : (r.type ?? "").replaceAll("_", " ")} · {steps(r.depth)}
                    </span>
                  </div>
                  {r.grantedTo.length > 0 ? (
                    <div className="text-xs text-muted">
                      via {r.grantedTo.map((g) => `${g.name} (${g.level})`).join(", ")}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <div>
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Identities and credentials reached</h3>
        {principals.length === 0 ? <p className="text-sm text-muted">No other identity or credential is reachable.</p> : null}
        {principals.map((group) => (
          <div key={group.kind} className="mb-3">
            <h4 className="mb-1 text-sm font-medium">
              {KIND_TITLES[group.kind]} <span className="text-xs text-muted">{group.nodes.length}</span>
            </h4>
            <ul className="divide-y divide-border rounded-md border border-border text-sm">
              {group.nodes.map((n) => {
                const href = detailHref(group.kind, n.id);
                return (
                  <li key={n.id} className="flex flex-wrap items-baseline gap-x-2 px-3 py-1.5">
                    {href ? <Link className="break-all text-accent hover:underline" href={href}>{n.name}</Link> : <span>{n.name}</span>}
                    <span className="text-xs text-muted">
                      {(n.type ?? "").replaceAll("_", " ")} · {n.via ? n.via.relation.replaceAll("_", " ") : ""} · {steps(n.depth)}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
