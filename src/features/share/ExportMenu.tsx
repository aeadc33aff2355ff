import { Menu } from '../../components/Menu';
import { announce } from '../../components/announcer';
import { selectActiveEntry } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { downloadKerasJson, downloadPython, downloadTrainedModel } from './export-files';

const state = () => useAppStore.getState();

async function exportTrained() {
  const failed = await downloadTrainedModel(state());
  if (failed === null) announce('Downloaded the trained model: model.json and weights.bin.');
  else
    state().pushShareNotice({
      tone: 'error',
      title: 'The trained model could not be exported.',
      items: [failed],
    });
}

/** Keras script, Keras JSON config, and the trained model as TensorFlow.js files. */
export function ExportMenu() {
  const hasWeights = useAppStore(selectActiveEntry)?.hasWeights ?? false;
  return (
    <Menu
      label="Export"
      icon="download"
      items={[
        {
          key: 'python',
          title: 'Keras Python script (.py)',
          description:
            'Builds, compiles and fits this model in Keras; runs under tf.distribute too.',
          onSelect: () => {
            downloadPython(state());
            announce('Downloaded the Keras script.');
          },
        },
        {
          key: 'json',
          title: 'Keras JSON config (.json)',
          description: 'The architecture, as model.to_json() writes it; Import reads it back.',
          onSelect: () => {
            downloadKerasJson(state());
            announce('Downloaded the Keras JSON config.');
          },
        },
        {
          key: 'trained',
          title: 'Trained model (TensorFlow.js files)',
          description: hasWeights
            ? 'model.json and weights.bin of the last finished run, for tf.loadLayersModel.'
            : 'Train the model first: its weights are saved when a run ends.',
          disabled: !hasWeights,
          onSelect: exportTrained,
        },
      ]}
    />
  );
}
