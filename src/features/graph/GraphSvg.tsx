import type { MouseEvent } from 'react';
import { nodeAt, type Scene } from './graph-scene';

/**
 * The scene on the page, coloured by the theme through CSS classes; all text is text nodes.
 * Clicking a layer's box selects it: a pointer shortcut, as the stack and the summary offer
 * the same by keyboard, so the drawing stays one image to a screen reader.
 */
export function GraphSvg({
  scene,
  selectedId,
  label,
  onSelect,
}: {
  scene: Scene;
  selectedId: string | null;
  label: string;
  onSelect: (id: string) => void;
}) {
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const id = nodeAt(
      scene,
      ((e.clientX - r.left) / r.width) * scene.width,
      ((e.clientY - r.top) / r.height) * scene.height,
    );
    if (id) onSelect(id);
  };
  return (
    <svg
      className="graph-svg"
      role="img"
      aria-label={label}
      onClick={onClick}
      width={scene.width}
      height={scene.height}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
    >
      {scene.shapes.map((s, i) => {
        const cls = `g-${s.role}`;
        switch (s.kind) {
          case 'rect':
            return (
              <rect
                key={i}
                className={s.nodeId === selectedId ? `${cls} g-selected` : cls}
                x={s.x}
                y={s.y}
                width={s.width}
                height={s.height}
                rx={8}
              />
            );
          case 'path':
            return <path key={i} className={cls} d={s.d} />;
          case 'text':
            return (
              <text key={i} className={cls} x={s.x} y={s.y} textAnchor={s.anchor}>
                {s.text}
              </text>
            );
        }
      })}
    </svg>
  );
}
