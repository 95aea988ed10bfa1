import Link from "next/link";
import { BlastRadiusList, type PrincipalGroupView, type PrivilegeGroupView } from "@/components/detail/blast-radius-list";
import { DetailSection } from "@/components/detail/detail-section";
import { BlastRadiusGraphLoader } from "@/components/graph/blast-radius-graph-loader";
import type { GraphView } from "@/components/graph/graph-types";
import { cn } from "@/components/ui/cn";

export type BlastRadiusView = {
  maxDepth: number;
  maxNodes: number;
  capped: boolean;
  timedOut: boolean;
  graph: GraphView;
  privilegeGroups: PrivilegeGroupView[];
  principals: PrincipalGroupView[];
};

/** Depths a person can pick; the data layer refuses anything else. */
const DEPTHS = [1, 2, 3, 4, 5, 6];

/** What this node's holder can reach: depth picker, the graph, and the same as grouped lists. */
export function BlastRadiusSection({ radius, basePath }: { radius: BlastRadiusView; basePath: string }) {
  const picker = (
    <nav aria-label="Blast radius depth" className="flex items-center gap-1 text-xs">
      <span className="mr-1 text-muted">Depth</span>
      {DEPTHS.map((depth) => (
        <Link
          key={depth}
          href={`${basePath}?depth=${depth}#blast-radius-title`}
          aria-current={depth === radius.maxDepth ? "true" : undefined}
          className={cn(
            "rounded px-2 py-1",
            depth === radius.maxDepth ? "bg-accent text-accent-fg" : "border border-border hover:bg-surface-2",
          )}
        >
          {depth}
        </Link>
      ))}
    </nav>
  );
  const reached = radius.graph.nodes.length - 1;
  return (
    <DetailSection
      id="blast-radius"
      title="Blast radius"
      actions={picker}
      description="Everything reachable from here through credentials, trust (can assume), permissions, memberships and the same secret value elsewhere."
    >
      {radius.timedOut ? (
        <p role="status" className="p-4 text-sm text-danger">
          The walk took too long at depth {radius.maxDepth} and was stopped. Pick a smaller depth.
        </p>
      ) : (
        <>
          <p role="status" className="border-b border-border px-4 py-2 text-xs text-muted">
            {reached === 0 ? "Nothing is reachable from here." : `${reached.toLocaleString("en")} nodes reachable within ${radius.maxDepth} steps.`}
            {radius.capped ? (
              <strong className="ml-1 font-medium text-sev-high">
                Capped at the nearest {radius.maxNodes.toLocaleString("en")}: more is reachable.
              </strong>
            ) : null}
          </p>
          {reached > 0 ? <BlastRadiusGraphLoader graph={radius.graph} /> : null}
          <div className="border-t border-border">
            <BlastRadiusList privilegeGroups={radius.privilegeGroups} principals={radius.principals} />
          </div>
        </>
      )}
    </DetailSection>
  );
}
