"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import Link from "next/link";
import { KIND_COLORS, type GraphNodeView } from "@/components/graph/graph-types";

export type BlastFlowNode = Node<GraphNodeView & { width: number; height: number }, "blast">;

/**
 * One node: a coloured bar by kind, the name and its kind/type. Nodes with a detail page are links
 * (keyboard: Tab to it, Enter opens it); the handles only anchor edges and are hidden.
 */
export function GraphNode({ data }: NodeProps<BlastFlowNode>) {
  const color = KIND_COLORS[data.kind];
  const body = (
    <>
      <span className="block truncate text-xs font-medium">{data.label}</span>
      <span className="block truncate text-[11px] text-muted">
        {data.sublabel}
        {data.gone ? " · gone" : ""}
      </span>
    </>
  );
  const className = `block h-full rounded-md border bg-surface px-2.5 py-1.5 text-left text-fg ${data.start ? "ring-2 ring-accent" : ""} ${
    data.kind === "external" ? "border-dashed" : ""
  }`;
  const style = { width: data.width, height: data.height, borderColor: color, borderLeftWidth: 4 };
  return (
    <>
      <Handle type="target" position={Position.Left} className="invisible!" isConnectable={false} />
      {data.href ? (
        <Link href={data.href} className={`${className} hover:bg-surface-2`} style={style} title={`${data.label} (${data.sublabel})`}>
          {body}
        </Link>
      ) : (
        <div className={className} style={style} title={`${data.label} (${data.sublabel})`}>
          {body}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="invisible!" isConnectable={false} />
    </>
  );
}
