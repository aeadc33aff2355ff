import { useId } from 'react';
import { Icon } from '../../components/Icon';
import { announce } from '../../components/announcer';
import { selectActiveEntry } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { downloadKerasJson, downloadPython, downloadTrainedModel } from './export-files';
import { useMenu } from './useMenu';

/** Keras script, Keras JSON config, and the trained model as TensorFlow.js files. */
export function ExportMenu() {
  const menuId = useId();
  const { open, setOpen, close, root, trigger, onKeyDown } =
    useMenu<HTMLButtonElement>('[data-export]');
  const hasWeights = useAppStore(selectActiveEntry)?.hasWeights ?? false;
  const state = () => useAppStore.getState();

  const run = (what: string, f: () => void) => {
    f();
    announce(`Downloaded the ${what}.`);
    close();
  };
  const trained = async () => {
    close();
    const failed = await downloadTrainedModel(state());
    if (failed === null) announce('Downloaded the trained model: model.json and weights.bin.');
    else
      state().pushShareNotice({
        tone: 'error',
        title: 'The trained model could not be exported.',
        items: [failed],
      });
  };

  return (
    <div ref={root} className="menu" onKeyDown={onKeyDown}>
      <button
        ref={trigger}
        type="button"
        className="with-text"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="download" />
        <span>Export</span>
        <Icon name="chevron" size={14} />
      </button>
      <ul id={menuId} className="menu-panel" aria-label="Export" hidden={!open}>
        <li>
          <button
            type="button"
            data-export
            onClick={() => run('Keras script', () => downloadPython(state()))}
          >
            <strong>Keras Python script (.py)</strong>
            <span>
              Builds, compiles and fits this model in Keras; runs under tf.distribute too.
            </span>
          </button>
        </li>
        <li>
          <button
            type="button"
            onClick={() => run('Keras JSON config', () => downloadKerasJson(state()))}
          >
            <strong>Keras JSON config (.json)</strong>
            <span>The architecture, as model.to_json() writes it; Import reads it back.</span>
          </button>
        </li>
        <li>
          <button type="button" disabled={!hasWeights} onClick={() => void trained()}>
            <strong>Trained model (TensorFlow.js files)</strong>
            <span>
              {hasWeights
                ? 'model.json and weights.bin of the last finished run, for tf.loadLayersModel.'
                : 'Train the model first: its weights are saved when a run ends.'}
            </span>
          </button>
        </li>
      </ul>
    </div>
  );
}
