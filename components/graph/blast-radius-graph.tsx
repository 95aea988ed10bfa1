"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, ReactFlow, type ColorMode, type Edge } from "@xyflow/react";
import { useMemo } from "react";
import { GraphNode, type BlastFlowNode } from "@/components/graph/graph-node";
import type { GraphView } from "@/components/graph/graph-types";

const NODE_TYPES = { blast: GraphNode };

/** The app's theme choice (light, dark or system) is on <html data-theme>; the controls follow it. */
function themeColorMode(): ColorMode {
  const theme = document.documentElement.dataset.theme;
  return theme === "light" || theme === "dark" ? theme : "system";
}

/**
 * The blast radius drawn with React Flow: positions come laid out from the server, so this only
 * maps them. Read-only (no dragging or connecting); pan and zoom with the mouse or the controls.
 */
export default function BlastRadiusGraph({ graph }: { graph: GraphView }) {
  const nodes = useMemo<BlastFlowNode[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: "blast",
        position: { x: n.x, y: n.y },
        width: graph.nodeWidth,
        height: graph.nodeHeight,
        data: { ...n, width: graph.nodeWidth, height: graph.nodeHeight },
        // React Flow turns pointer events off on nodes that are neither draggable nor selectable;
        // these nodes hold links, which must stay clickable.
        style: { pointerEvents: "all" as const },
      })),
    [graph],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        ...e,
        labelStyle: { fill: "var(--muted)", fontSize: 11 },
        labelBgStyle: { fill: "var(--surface)" },
        style: { stroke: "var(--border)" },
      })),
    [graph],
  );
  return (
    <div className="h-[480px] w-full" data-testid="blast-radius-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
        minZoom={0.1}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        // The links inside the nodes take the focus; a focusable wrapper would be a second, silent stop.
        nodesFocusable={false}
        edgesFocusable={false}
        // Rendered in the browser only (see the loader), so the document is there.
        colorMode={themeColorMode()}
        proOptions={{ hideAttribution: true }}
        style={{ background: "var(--surface)" }}
        aria-label="Blast radius graph"
      >
        <Background color="var(--border)" gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
