/** The laid-out blast radius as the server sends it (positions computed there with dagre). */
export type GraphNodeKind = "identity" | "credential" | "resource" | "person" | "external";

export type GraphNodeView = {
  id: string;
  kind: GraphNodeKind;
  label: string;
  sublabel: string;
  href: string | null;
  start: boolean;
  gone: boolean;
  x: number;
  y: number;
};

export type GraphView = {
  nodes: GraphNodeView[];
  edges: Array<{ id: string; source: string; target: string; label: string }>;
  nodeWidth: number;
  nodeHeight: number;
};

/**
 * Node colour by kind. `light-dark()` follows the page's `color-scheme`, which the theme sets, so
 * light and dark need no second class; identity uses the accent, the rest hues not taken by the
 * severity scale.
 */
export const KIND_COLORS: Record<GraphNodeKind, string> = {
  identity: "var(--accent)",
  credential: "light-dark(#6d28d9, #a78bfa)",
  resource: "light-dark(#0f766e, #2dd4bf)",
  person: "var(--muted)",
  external: "var(--muted)",
};

export const KIND_LABELS: Record<GraphNodeKind, string> = {
  identity: "Identity",
  credential: "Credential",
  resource: "Resource",
  person: "Person",
  external: "Not inventoried",
};
