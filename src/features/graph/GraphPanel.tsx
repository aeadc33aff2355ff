import { useMemo, useState } from 'react';
import { buildModelGraph } from '../../core/graph-model';
import { layoutGraph, type GraphDirection } from '../../core/graph-layout';
import { Panel } from '../../components/Panel';
import { IconButton } from '../../components/IconButton';
import { useAppStore } from '../../store/store';
import {
  selectGraphDirection,
  selectSelectedId,
  selectShapeReport,
  selectSpec,
} from '../../store/selectors';
import { buildScene } from './graph-scene';
import { GraphSvg } from './GraphSvg';
import { downloadBlob, svgToPng } from '../../components/download';
import { sceneToSvgFile } from './svg-export';

const DIRECTIONS: { id: GraphDirection; label: string }[] = [
  { id: 'TB', label: 'Top to bottom' },
  { id: 'LR', label: 'Left to right' },
];

/** Keras plot_model(show_shapes=True, show_layer_activations=True), with SVG and PNG export. */
export function GraphPanel() {
  const spec = useAppStore(selectSpec);
  const report = useAppStore(selectShapeReport);
  const selectedId = useAppStore(selectSelectedId);
  // In the store, not local state: the direction is part of a shared link.
  const direction = useAppStore(selectGraphDirection);
  const setDirection = (d: GraphDirection) => useAppStore.getState().setView({ graphDirection: d });
  const [exportError, setExportError] = useState<string | null>(null);
  const scene = useMemo(
    () => buildScene(layoutGraph(buildModelGraph(spec, report), direction)),
    [spec, report, direction],
  );
  const empty = spec.layers.length === 0;
  // The drawing is one image to a screen reader, so its name walks the chain in words.
  const title = `Model graph: ${report.layers.map((l) => l.name).join(' → ') || 'no layers'}`;

  const exportSvg = () => {
    const svg = sceneToSvgFile(scene, title);
    downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), 'model.svg');
  };
  const exportPng = async () => {
    try {
      setExportError(null);
      const png = await svgToPng(sceneToSvgFile(scene, title), scene.width, scene.height);
      downloadBlob(png, 'model.png');
    } catch (err) {
      setExportError(
        `The PNG could not be made: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };

  const actions = (
    <>
      <div role="group" aria-label="Direction" className="segmented">
        {DIRECTIONS.map((d) => (
          <button
            key={d.id}
            type="button"
            aria-pressed={direction === d.id}
            onClick={() => setDirection(d.id)}
          >
            {d.label}
          </button>
        ))}
      </div>
      <IconButton
        icon="download"
        label="Export SVG"
        text="SVG"
        disabled={empty}
        onClick={exportSvg}
      />
      <IconButton
        icon="download"
        label="Export PNG"
        text="PNG"
        disabled={empty}
        onClick={() => void exportPng()}
      />
    </>
  );

  return (
    <Panel title="Graph" className="graph-panel" actions={actions}>
      {exportError && (
        <p role="alert" className="field-error">
          {exportError}
        </p>
      )}
      <div className="graph-scroll" tabIndex={0} role="region" aria-label="Model graph drawing">
        {empty ? (
          <p className="empty-note">Add layers to see the graph.</p>
        ) : (
          <GraphSvg
            scene={scene}
            selectedId={selectedId}
            label={title}
            onSelect={(id) => useAppStore.getState().select(id)}
          />
        )}
      </div>
    </Panel>
  );
}
