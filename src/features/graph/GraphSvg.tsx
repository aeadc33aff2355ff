import type { Scene } from './graph-scene';

/** The scene on the page, coloured by the theme through CSS classes; all text is text nodes. */
export function GraphSvg({
  scene,
  selectedId,
  label,
}: {
  scene: Scene;
  selectedId: string | null;
  label: string;
}) {
  return (
    <svg
      className="graph-svg"
      role="img"
      aria-label={label}
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
