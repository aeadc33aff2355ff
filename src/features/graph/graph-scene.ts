import { NODE, edgePath, type GraphLayout, type Point } from '../../core/graph-layout';

/**
 * The drawing as plain shapes, so the page (React, themed by CSS classes) and the exported file
 * (DOM, fixed colours) draw exactly the same thing. `role` names what a shape is, for styling.
 */
export type SceneShape =
  | {
      kind: 'rect';
      role: 'node' | 'node-error';
      x: number;
      y: number;
      width: number;
      height: number;
      nodeId: string;
    }
  | { kind: 'path'; role: 'header' | 'header-error' | 'edge' | 'arrow' | 'rule'; d: string }
  | {
      kind: 'text';
      role: 'title' | 'type' | 'label' | 'value';
      x: number;
      y: number;
      text: string;
      anchor: 'start' | 'end';
    };

export interface Scene {
  width: number;
  height: number;
  shapes: SceneShape[];
}

const RADIUS = 8;
const ARROW = 7;

/** A box's header band: rounded on top, square where it meets the rows. */
function headerBand(x: number, y: number, w: number, h: number): string {
  const r = RADIUS;
  return `M${x},${y + h} V${y + r} Q${x},${y} ${x + r},${y} H${x + w - r} Q${x + w},${y} ${x + w},${y + r} V${y + h} Z`;
}

/** A filled arrowhead at the end of an edge, pointing along its last segment. */
export function arrowHead(points: readonly Point[]): string | null {
  const tip = points.at(-1);
  const from = points.at(-2);
  if (!tip || !from) return null;
  const len = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const bx = tip.x - ux * ARROW;
  const by = tip.y - uy * ARROW;
  const half = ARROW * 0.6;
  const f = (n: number) => n.toFixed(1);
  return `M${f(tip.x)},${f(tip.y)} L${f(bx - uy * half)},${f(by + ux * half)} L${f(bx + uy * half)},${f(by - ux * half)} Z`;
}

export function buildScene(layout: GraphLayout): Scene {
  const shapes: SceneShape[] = [];
  for (const e of layout.edges) {
    shapes.push({ kind: 'path', role: 'edge', d: edgePath(e.points) });
    const head = arrowHead(e.points);
    if (head) shapes.push({ kind: 'path', role: 'arrow', d: head });
  }
  for (const { node, x, y, width, height, rows } of layout.nodes) {
    const bad = node.error !== null;
    shapes.push({
      kind: 'rect',
      role: bad ? 'node-error' : 'node',
      x,
      y,
      width,
      height,
      nodeId: node.id,
    });
    shapes.push({
      kind: 'path',
      role: bad ? 'header-error' : 'header',
      d: headerBand(x, y, width, NODE.headerHeight),
    });
    shapes.push({ kind: 'path', role: 'rule', d: `M${x},${y + NODE.headerHeight} H${x + width}` });
    const baseline = y + NODE.headerBaseline;
    shapes.push({
      kind: 'text',
      role: 'title',
      x: x + NODE.padX,
      y: baseline,
      text: node.name,
      anchor: 'start',
    });
    shapes.push({
      kind: 'text',
      role: 'type',
      x: x + width - NODE.padX,
      y: baseline,
      text: node.type,
      anchor: 'end',
    });
    for (const row of rows) {
      const ry = y + row.y;
      shapes.push({
        kind: 'text',
        role: 'label',
        x: x + NODE.padX,
        y: ry,
        text: row.label,
        anchor: 'start',
      });
      shapes.push({
        kind: 'text',
        role: 'value',
        x: x + NODE.padX + NODE.labelWidth,
        y: ry,
        text: row.value,
        anchor: 'start',
      });
    }
  }
  return { width: layout.width, height: layout.height, shapes };
}

/** The layer whose box holds the point (scene coordinates), for clicks on the drawing. */
export function nodeAt(scene: Scene, x: number, y: number): string | null {
  for (const s of scene.shapes) {
    if (s.kind !== 'rect') continue;
    if (x >= s.x && x <= s.x + s.width && y >= s.y && y <= s.y + s.height) return s.nodeId;
  }
  return null;
}
