import { looseDef } from '../../core/layers/catalog';
import { formatShape } from '../../core/shapes';
import { Icon } from '../../components/Icon';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectSelectedLayer, selectSelectedShape } from '../../store/selectors';
import { NameField } from './NameField';
import { ParamField } from './ParamField';

/** The selected layer's arguments, help and shapes; edits apply on Enter or on leaving a field. */
export function Inspector() {
  const layer = useAppStore(selectSelectedLayer);
  const shape = useAppStore(selectSelectedShape);
  if (!layer || !shape) {
    return (
      <Panel title="Inspector" className="inspector">
        <p className="empty-note">
          Select a layer in the stack to see what it does and edit its arguments.
        </p>
      </Panel>
    );
  }
  const def = looseDef(layer.kind);
  const count = (n: number) => n.toLocaleString('en-US');
  return (
    <Panel title="Inspector" className="inspector">
      {/* Keyed by layer, so half-typed text never carries over to another layer. */}
      <div key={layer.id} className="inspector-body" data-group={def.group}>
        <div className="inspector-title">
          <h3>{shape.name}</h3>
          <span className="type-chip">{def.kerasClass}</span>
          <span className="group-chip">{def.group}</span>
        </div>
        <p className="layer-help">{def.help}</p>
        {shape.error && (
          <p className="layer-error">
            <Icon name="alert" size={14} />
            <span>{shape.error.message}</span>
          </p>
        )}
        <dl className="shape-facts">
          <dt>Input</dt>
          <dd className="mono">{shape.input ? formatShape(shape.input) : '—'}</dd>
          <dt>Output</dt>
          <dd className="mono">{shape.output ? formatShape(shape.output) : '?'}</dd>
          <dt>Params</dt>
          <dd>
            {count(shape.params.trainable + shape.params.nonTrainable)}
            {shape.params.nonTrainable > 0 &&
              ` (${count(shape.params.nonTrainable)} non-trainable)`}
          </dd>
        </dl>
        <form
          className="fields"
          aria-label={`${shape.name} arguments`}
          onSubmit={(e) => e.preventDefault()}
        >
          <NameField layer={layer} autoName={shape.name} />
          {def.fields.map((f) => (
            <ParamField key={f.name} layer={layer} field={f} />
          ))}
          {def.fields.length === 0 && <p className="empty-note">This layer has no arguments.</p>}
        </form>
      </div>
    </Panel>
  );
}
