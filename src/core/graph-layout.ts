import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { GraphNode, ModelGraph } from './graph-model';

export type GraphDirection = 'TB' | 'LR';

export interface Point {
  x: number;
  y: number;
}

/** A label/value line inside a node; `y` is the text baseline from the node's top. */
export interface NodeRow {
  label: string;
  value: string;
  y: number;
}

export interface PlacedNode {
  node: GraphNode;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  rows: NodeRow[];
}

export interface PlacedEdge {
  from: string;
  to: string;
  points: Point[];
}

export interface GraphLayout {
  direction: GraphDirection;
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/**
 * Box metrics shared by the on-page SVG and the exported file. Text widths are estimated from
 * character counts (a layout in a worker or a test has no fonts to measure), slightly
 * generously so names never overflow their box.
 */
export const NODE = {
  padX: 12,
  headerHeight: 30,
  headerBaseline: 20,
  rowHeight: 18,
  rowsTop: 10,
  padBottom: 10,
  labelWidth: 76,
  minWidth: 200,
  titleCharWidth: 8,
  typeCharWidth: 7,
  valueCharWidth: 7.3,
} as const;

const MARGIN = 16;

function rowsOf(node: GraphNode): Omit<NodeRow, 'y'>[] {
  const rows = [
    { label: 'input', value: node.input },
    { label: 'output', value: node.output },
  ];
  return node.activation === null
    ? rows
    : [{ label: 'activation', value: node.activation }, ...rows];
}

export function nodeSize(node: GraphNode): { width: number; height: number; rows: NodeRow[] } {
  const rows = rowsOf(node).map((r, i) => ({
    ...r,
    y: NODE.headerHeight + NODE.rowsTop + NODE.rowHeight * i + 10,
  }));
  const header =
    node.name.length * NODE.titleCharWidth + 16 + node.type.length * NODE.typeCharWidth;
  const widest = Math.max(...rows.map((r) => r.value.length * NODE.valueCharWidth));
  const width = Math.ceil(
    Math.max(NODE.minWidth, 2 * NODE.padX + Math.max(header, NODE.labelWidth + widest)),
  );
  const height = NODE.headerHeight + NODE.rowsTop + rows.length * NODE.rowHeight + NODE.padBottom;
  return { width, height, rows };
}

/** Lays the graph out with dagre, top-to-bottom or left-to-right, like plot_model's rankdir. */
export function layoutGraph(graph: ModelGraph, direction: GraphDirection): GraphLayout {
  // dagre reports an infinite extent for a graph with no nodes.
  if (graph.nodes.length === 0) return { direction, width: 0, height: 0, nodes: [], edges: [] };
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: direction, nodesep: 28, ranksep: 36, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map(graph.nodes.map((n) => [n.id, nodeSize(n)]));
  for (const n of graph.nodes) {
    const size = sizes.get(n.id);
    if (size) g.setNode(n.id, { width: size.width, height: size.height });
  }
  for (const e of graph.edges) g.setEdge(e.from, e.to);
  dagre.layout(g);

  const nodes = graph.nodes.flatMap((n): PlacedNode[] => {
    const placed = g.node(n.id);
    const size = sizes.get(n.id);
    if (!size || placed.x === undefined || placed.y === undefined) return [];
    const { width, height, rows } = size;
    return [{ node: n, x: placed.x - width / 2, y: placed.y - height / 2, width, height, rows }];
  });
  const edges = graph.edges.map((e) => ({
    ...e,
    points: (g.edge(e.from, e.to).points ?? []).map(({ x, y }) => ({ x, y })),
  }));
  const label = g.graph();
  return {
    direction,
    width: Math.ceil(label.width ?? 0),
    height: Math.ceil(label.height ?? 0),
    nodes,
    edges,
  };
}

/** An SVG path through the edge's points; dagre gives at least its two end points. */
export function edgePath(points: readonly Point[]): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
}
