import type { DatasetConfig } from '../../data/config';
import { BUILTIN_INFO } from '../../data/generators';
import type { Shape } from '../layers/types';
import type { Experiment } from '../share/experiment';
import type { LossId } from '../training/settings';
import type { TargetEncoding } from './keras-python-compile';
import { pyBool, pyList, pyNumber, pyString, pyTuple, pyValue } from './python';

/** Where an exported script reads its data when no path is given. */
export function defaultCsvPath(exp: Experiment): string {
  return exp.data.source === 'csv' ? exp.data.fileName || 'data.csv' : 'data.csv';
}

export interface ScriptData {
  csvPath: string;
  /** The loss the script trains with: 'auto' resolved. */
  loss: LossId;
  /** The header's lines (without "# "): where the data comes from, and how 'auto' was resolved. */
  notes: string[];
  /** The settings block's data lines. */
  settings: string[];
}

/**
 * What every exported script (Keras, PyTorch) reads its data with. `loss` is the loss training
 * resolved for a loss of 'auto' (the data's suggestion); without it, guessed from the config.
 */
export function scriptData(exp: Experiment, opts: { csvPath?: string; loss?: LossId }): ScriptData {
  const csvPath = opts.csvPath ?? defaultCsvPath(exp);
  const auto = exp.training.loss === 'auto';
  const loss =
    exp.training.loss === 'auto' ? (opts.loss ?? guessLoss(exp.data)) : exp.training.loss;
  const first = exp.model.layers[0];
  const input = first?.kind === 'Input' ? [null, ...first.params.shape] : null;
  return {
    csvPath,
    loss,
    notes: [
      ...dataNote(exp.data, csvPath),
      ...(auto ? [`Loss: 'auto' in Layerlab (picked from the data); here ${loss}.`] : []),
    ],
    settings: dataSettings(exp.data, csvPath, input),
  };
}

/**
 * tfjs' weight files read with numpy alone: every array of a model.json's weightsManifest, by
 * its name ("layer/weight"), as raw little-endian float32 from the .bin files it names.
 */
export const READ_TFJS_WEIGHTS = `def read_tfjs_weights(path):
    """The arrays of a tfjs model.json and the .bin files it names, by name."""
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)["weightsManifest"]
    folder = os.path.dirname(os.path.abspath(path))
    saved = {}
    for group in manifest:
        data = b"".join(open(os.path.join(folder, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"], dtype=np.int64))
            saved[spec["name"]] = np.frombuffer(data, "<f4", count, offset).reshape(spec["shape"])
            offset += 4 * count
    return saved`;

/** Series and sequence sets keep their order when split, as Layerlab splits them. */
function chronological(d: DatasetConfig): boolean {
  const p = d.prepare;
  if (p.splitMode !== 'auto') return p.splitMode === 'chronological';
  if (p.windowing.enabled) return true;
  if (d.source === 'builtin') {
    const kind = BUILTIN_INFO[d.id]?.kind;
    return kind === 'forecasting' || kind === 'sequence-classification';
  }
  return 'roles' in d && Object.values(d.roles).includes('time');
}

/** The settings block: every value the loading code reads, as editable constants. */
export function dataSettings(d: DatasetConfig, csvPath: string, input: Shape | null): string[] {
  const p = d.prepare;
  const roles = 'roles' in d ? d.roles : {};
  const header = d.source === 'csv' && d.header === 'no' ? 'None' : '"infer"';
  const missing = d.source === 'csv' ? d.missing : 'refuse';
  const lines = [
    `CSV_PATH = ${pyString(csvPath)}`,
    `HEADER = ${header}`,
    '# Column roles set in Layerlab; columns not named here are features.',
    `ROLES = ${pyValue(roles)}`,
    `MISSING = ${pyString(missing)}  # refuse, drop or carry-forward`,
    `NORMALISATION = ${pyString(p.normalisation)}  # zscore, minmax or none`,
    `VALIDATION_SPLIT = ${pyNumber(p.validationSplit, { float: true })}`,
    `CHRONOLOGICAL = ${pyBool(chronological(d))}  # True: the last rows validate; False: a seeded shuffle picks them`,
    `SPLIT_SEED = ${pyNumber(p.seed)}`,
    `INPUT_SHAPE = ${input ? pyTuple(input.slice(1).map((n) => pyNumber(n ?? -1))) : 'None'}`,
  ];
  const w = p.windowing;
  if (!w.enabled) return lines;
  return [
    ...lines,
    '# Sliding windows, as keras.utils.timeseries_dataset_from_array cuts them.',
    `WINDOW_LENGTH = ${pyNumber(w.length)}`,
    `WINDOW_STRIDE = ${pyNumber(w.stride)}`,
    `WINDOW_MODE = ${pyString(w.mode)}  # forecast: the target HORIZON steps after the window; classify: the label at its last step`,
    `HORIZON = ${pyNumber(w.horizon)}`,
    `TARGET_COLUMN = ${w.targetColumn === '' ? 'None' : pyString(w.targetColumn)}  # None: the label column, else the first feature`,
    `WINDOW_FEATURES = ${pyList(w.featureColumns.map(pyString))}  # []: every feature column`,
  ];
}

const TARGETS: Record<TargetEncoding, string[]> = {
  values: ['    return values.to_numpy(dtype="float32").reshape(len(values), -1)'],
  binary: ['    return pd.Categorical(values).codes.astype("float32").reshape(-1, 1)'],
  sparse: ['    return pd.Categorical(values).codes.astype("int64")'],
  'one-hot': ['    return keras.utils.to_categorical(pd.Categorical(values).codes)'],
};

const COMMON = `def read_table():
    frame = pd.read_csv(CSV_PATH, header=HEADER)
    frame.columns = [str(c) for c in frame.columns]
    if frame.isna().any().any():
        if MISSING == "drop":
            frame = frame.dropna()
        elif MISSING == "carry-forward":
            frame = frame.ffill().dropna()
        else:
            raise SystemExit(f"{CSV_PATH} has empty cells: fill them, or set MISSING.")
    return frame


def normalise(train, *others):
    """Scales every column with statistics of the training rows only."""
    if NORMALISATION == "zscore":
        centre, scale = train.mean(axis=0), train.std(axis=0)
    elif NORMALISATION == "minmax":
        centre, scale = train.min(axis=0), train.max(axis=0) - train.min(axis=0)
    else:
        return (train, *others)
    scale = np.where(scale == 0, 1, scale)
    return tuple(((a - centre) / scale).astype("float32") for a in (train, *others))


def fit_input(x):
    """Reshapes flat rows to the Input shape when the sizes agree (e.g. 64 columns to 8x8x1)."""
    if INPUT_SHAPE is None or x.shape[1:] == INPUT_SHAPE:
        return x
    if int(np.prod(x.shape[1:])) != int(np.prod(INPUT_SHAPE)):
        raise SystemExit(f"The data gives examples of shape {x.shape[1:]}, the model wants {INPUT_SHAPE}.")
    return x.reshape((len(x), *INPUT_SHAPE))`;

const TABLE = `def load_data():
    frame = read_table()
    labels = [c for c in frame.columns if ROLES.get(c) == "label"]
    if not labels:
        labels = [frame.columns[-1]]  # no label column named: the last column is the label
    features = [c for c in frame.columns if c not in labels and ROLES.get(c, "feature") == "feature"]
    x = frame[features].to_numpy(dtype="float32")
    y = targets(frame[labels[0]])
    rows = np.arange(len(x)) if CHRONOLOGICAL else np.random.default_rng(SPLIT_SEED).permutation(len(x))
    n_train = len(x) - int(round(len(x) * VALIDATION_SPLIT))
    train, val = rows[:n_train], rows[n_train:]
    x_train, x_val = normalise(x[train], x[val])
    return fit_input(x_train), y[train], fit_input(x_val), y[val]`;

const WINDOWED = `def make_windows(features, target):
    offset = HORIZON if WINDOW_MODE == "forecast" else 0
    starts = np.arange(0, max(len(target) - WINDOW_LENGTH - offset + 1, 0), WINDOW_STRIDE)
    if len(starts) == 0:
        return np.zeros((0, WINDOW_LENGTH, features.shape[1]), "float32"), target[:0]
    x = np.stack([features[s : s + WINDOW_LENGTH] for s in starts])
    return x, target[starts + WINDOW_LENGTH - 1 + offset]


def load_data():
    frame = read_table()
    labels = [c for c in frame.columns if ROLES.get(c) == "label"]
    features = WINDOW_FEATURES or [
        c for c in frame.columns if c not in labels and ROLES.get(c, "feature") == "feature"
    ]
    target_column = TARGET_COLUMN or (labels[0] if labels else features[0])
    series = frame[features].to_numpy(dtype="float32")
    target = targets(frame[target_column])  # the target keeps its own units
    # Rows are split first and each part windowed alone, so no window spans the cut.
    n_train = len(series) - int(round(len(series) * VALIDATION_SPLIT))
    train, val = normalise(series[:n_train], series[n_train:])
    x_train, y_train = make_windows(train, target[:n_train])
    x_val, y_val = make_windows(val, target[n_train:])
    if len(x_train) == 0:
        raise SystemExit(f"{n_train} training rows are too few for windows of {WINDOW_LENGTH} steps.")
    return fit_input(x_train), y_train, fit_input(x_val), y_val`;

/** The loading functions: read the CSV, pick columns, encode targets, split, normalise. */
export function dataFunctions(d: DatasetConfig, encoding: TargetEncoding): string {
  const targets = ['def targets(values):', ...TARGETS[encoding]].join('\n');
  const load = d.prepare.windowing.enabled ? WINDOWED : TABLE;
  return [COMMON, targets, load].join('\n\n\n');
}

/**
 * The loss for a training loss of 'auto' when the caller has not resolved it: Layerlab picks it
 * from the prepared data, which only the data pipeline sees; the config's task is the best guess.
 */
export function guessLoss(d: DatasetConfig): LossId {
  const p = d.prepare;
  const multiclass: LossId =
    p.labelEncoding === 'sparse' ? 'sparse_categorical_crossentropy' : 'categorical_crossentropy';
  const kind = d.source === 'builtin' ? BUILTIN_INFO[d.id]?.kind : undefined;
  const task =
    p.task !== 'auto'
      ? p.task
      : kind === 'classification'
        ? 'binary'
        : kind === 'sequence-classification' || kind === 'image-classification'
          ? 'multiclass'
          : 'regression';
  if (task === 'binary') return 'binary_crossentropy';
  return task === 'multiclass' ? multiclass : 'mse';
}

/** The sentence saying where the data comes from, for the script's header. */
export function dataNote(d: DatasetConfig, csvPath: string): string[] {
  if (d.source === 'csv') return [`Data: the CSV file at CSV_PATH (${pyString(csvPath)} below).`];
  if (d.source === 'image-folder') {
    return [
      `Data: the image folder ${pyString(d.name)}, read in the browser like`,
      'keras.utils.image_dataset_from_directory; this script expects a CSV export of it instead.',
    ];
  }
  const what = d.source === 'builtin' ? 'built-in data set' : 'data set shipped with Layerlab';
  return [
    `Data: this experiment uses a ${what} (${pyString(d.id)}), which is made in the browser.`,
    'This script expects a CSV export of it: save it as CSV_PATH below, with the label in the last',
    'column (or name the columns in ROLES). A Python port of the generators is not included.',
  ];
}
