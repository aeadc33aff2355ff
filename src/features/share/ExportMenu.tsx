import { Menu } from '../../components/Menu';
import { announce } from '../../components/announcer';
import { onnxSupport } from '../../core/export/onnx-support';
import { selectActiveEntry } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * The writers (Keras, ONNX with protobuf, PyTorch: a tenth of the page's script) load when a
 * format is picked, not with the first screen.
 */
const files = () => import('./export-files');

const state = () => useAppStore.getState();

const TRAIN_FIRST = 'Train the model first: its weights are saved when a run ends.';

/** Runs a download that may fail; says what was downloaded, or why not. */
async function exportWith(
  what: string,
  done: string,
  download: (writers: Awaited<ReturnType<typeof files>>) => Promise<string | null> | string | null,
): Promise<void> {
  let failed: string | null;
  try {
    failed = await download(await files());
  } catch (err) {
    failed = `the exporter could not load (${err instanceof Error ? err.message : String(err)}); reload the page and try again`;
  }
  if (failed === null) announce(done);
  else
    state().pushShareNotice({
      tone: 'error',
      title: `The ${what} could not be exported.`,
      items: [failed],
    });
}

/**
 * Keras script, Keras JSON config, the trained model as TensorFlow.js files, as ONNX, and a
 * PyTorch script. Each entry says what the format is for and how to open it; a format that
 * cannot express the model shows the reason in its (disabled) entry.
 */
export function ExportMenu() {
  const hasWeights = useAppStore(selectActiveEntry)?.hasWeights ?? false;
  const onnx = onnxSupport(useAppStore((s) => s.spec));
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
          onSelect: () =>
            exportWith('Keras script', 'Downloaded the Keras script.', (f) => {
              f.downloadPython(state());
              return null;
            }),
        },
        {
          key: 'json',
          title: 'Keras JSON config (.json)',
          description: 'The architecture, as model.to_json() writes it; Import reads it back.',
          onSelect: () =>
            exportWith('Keras JSON config', 'Downloaded the Keras JSON config.', (f) => {
              f.downloadKerasJson(state());
              return null;
            }),
        },
        {
          key: 'trained',
          title: 'Trained model (TensorFlow.js files)',
          description: hasWeights
            ? 'model.json and weights.bin of the last finished run, for tf.loadLayersModel.'
            : TRAIN_FIRST,
          disabled: !hasWeights,
          onSelect: () =>
            exportWith(
              'trained model',
              'Downloaded the trained model: model.json and weights.bin.',
              (f) => f.downloadTrainedModel(state()),
            ),
        },
        {
          key: 'onnx',
          title: 'ONNX (.onnx)',
          description: !onnx.ok
            ? `Not available: ${onnx.reason}`
            : hasWeights
              ? 'The trained model for ONNX Runtime (Python, C++, Web), TensorRT and other runtimes; opens in Netron.'
              : TRAIN_FIRST,
          disabled: !onnx.ok || !hasWeights,
          onSelect: () =>
            exportWith('ONNX model', 'Downloaded the trained model as ONNX.', (f) =>
              f.downloadOnnx(state()),
            ),
        },
        {
          key: 'pytorch',
          title: 'PyTorch script (.py)',
          description: hasWeights
            ? 'The model as a torch.nn.Module with a training loop; loads the trained weights from model.json and weights.bin (downloaded with it). Run: python script.py.'
            : 'The model as a torch.nn.Module with a training loop like the Keras script. Run: python script.py.',
          onSelect: () =>
            exportWith(
              'PyTorch script',
              hasWeights
                ? 'Downloaded the PyTorch script with model.json and weights.bin.'
                : 'Downloaded the PyTorch script.',
              (f) => f.downloadPytorch(state(), hasWeights),
            ),
        },
      ]}
    />
  );
}
