"use client";

import dynamic from "next/dynamic";
import type { GraphView } from "@/components/graph/graph-types";

/**
 * React Flow is loaded in the browser only, on the pages that draw a graph, so no other route's
 * bundle carries it; until it arrives a placeholder of the same height keeps the page still.
 */
const BlastRadiusGraph = dynamic(() => import("@/components/graph/blast-radius-graph"), {
  ssr: false,
  loading: () => (
    <div className="flex h-[480px] items-center justify-center text-sm text-muted" role="status">
      Drawing the graph…
    </div>
  ),
});

export function BlastRadiusGraphLoader({ graph }: { graph: GraphView }) {
  return <BlastRadiusGraph graph={graph} />;
}
