import { useMemo, useState } from 'react';
import { drawingToInput, methodFor, type Gray } from '../../core/predict/drawing';
import { describeClass, readClasses, scaledFeatures } from '../../core/predict/reading';
import type { PreparedData } from '../../data/prepare';
import { DrawingPad } from './DrawingPad';
import { InputPreview } from './InputPreview';
import { PredictionReadout } from './PredictionReadout';
import { usePrediction } from './usePrediction';

interface Props {
  data: PreparedData;
  runId: number | null;
}

/** Mean of the training pixels above ½: the pictures are dark ink on a light ground. */
function darkInkOf(data: PreparedData): boolean {
  const per = data.xShape.slice(1).reduce((a, b) => a * b, 1);
  const n = data.trainCount * per;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += data.x[i] as number;
  return n > 0 && sum / n > 0.5;
}

const RECIPES = {
  mnist:
    'Centred like MNIST: the drawing scaled to fit 20×20, its centre of mass at the centre of 28×28.',
  uci: "Made like the UCI digits: scaled to fill a 32×32 black-and-white bitmap, then each 4×4 block's inked pixels counted (0–16, read as 0–1).",
  resize: '',
} as const;

/** The drawing pad, the input the model reads, and what it says, live. */
export function DrawTry({ data, runId }: Props) {
  const shape = useMemo(() => data.xShape.slice(1), [data]);
  const [height = 0, width = 0, channels = 1] = shape;
  const method = methodFor(shape);
  const darkInk = useMemo(() => method === 'resize' && darkInkOf(data), [data, method]);
  // The pad's pixels are kept, not the processed input: data of another shape re-reads them.
  const [ink, setInk] = useState<Gray | null>(null);
  const drawn = useMemo(
    () => (ink ? drawingToInput(ink, shape, darkInk) : null),
    [ink, shape, darkInk],
  );
  const input = useMemo(() => {
    if (!drawn || drawn.blank) return null;
    // Tables of pixels (the synthetic digits) are scaled like any table; image sets are not.
    const scaling = data.normalisation;
    return scaling.kind !== 'none' && scaling.offset.length === drawn.input.length
      ? scaledFeatures(Array.from(drawn.input), scaling)
      : drawn.input;
  }, [drawn, data]);
  const prediction = usePrediction(runId, input, shape);

  const reading =
    prediction.outputs && data.task !== 'regression'
      ? readClasses(prediction.outputs, data.classNames.length)
      : null;
  const said =
    reading?.ok && input
      ? `model says ${describeClass(data.classNames[reading.value.best] ?? '', reading.value.probabilities[reading.value.best] ?? 0)}`
      : null;
  const padLabel =
    !drawn || drawn.blank
      ? 'Drawing pad, empty: draw a digit here'
      : `Drawn digit${said ? `; ${said}` : ''}`;
  const size = `${height}×${width}${channels === 3 ? ', rgb' : ''}`;
  const recipe =
    method === 'resize'
      ? `Drawn input resized to ${height}×${width}${channels === 3 ? ' (grey in all three channels)' : ''}${darkInk ? ', dark ink on light like the data' : ''}.`
      : RECIPES[method];

  return (
    <div className="draw-try">
      <div className="draw-row">
        <DrawingPad
          label={padLabel}
          penWidth={method === 'uci' ? 22 : 15}
          onDraw={setInk}
          onClear={() => setInk(null)}
        />
        <div className="draw-side">
          {drawn && !drawn.blank ? (
            <InputPreview image={drawn.preview} label={`The model's input (${size})`} />
          ) : (
            <p className="hint draw-hint">Draw a digit with the mouse, a pen or a finger.</p>
          )}
          {input && runId !== null && <PredictionReadout data={data} prediction={prediction} />}
        </div>
      </div>
      <p className="hint">{recipe}</p>
    </div>
  );
}
