import { useId, useState, type ReactNode } from 'react';
import { formatShape } from '../../core/shapes';
import { inputMismatch } from '../../core/training/compat';
import { useAppStore } from '../../store/store';
import { selectIsTraining, selectModelFit } from '../../store/selectors';
import type { Edit } from '../../store/model-slice';
import { LOSS_LABELS } from '../../core/training/settings';

const shape = (dims: readonly number[]) => formatShape(dims);

function Check(props: { ok: boolean; children: ReactNode; fix?: ReactNode }) {
  return (
    <li className="fit-check" data-ok={props.ok}>
      <span aria-hidden="true" className="fit-mark">
        {props.ok ? '✓' : '!'}
      </span>
      <span className="fit-text">{props.children}</span>
      {props.fix}
    </li>
  );
}

/**
 * The data drives the model: compares one sample's shape with the Input layer, the task with
 * the output layer and the loss, and offers each fix as one undoable click.
 */
export function ModelFitCheck() {
  const headingId = useId();
  const fit = useAppStore(selectModelFit);
  const busy = useAppStore(selectIsTraining);
  const [refused, setRefused] = useState<string | null>(null);
  if (!fit) return null;
  const s = useAppStore.getState();
  const apply = (edit: () => Edit) => () => {
    const done = edit();
    setRefused(done.ok ? null : done.reason);
  };
  const button = (label: string, edit: () => Edit) => (
    <button type="button" className="fit-fix" onClick={apply(edit)}>
      {label}
    </button>
  );
  const want = fit.suggested;
  return (
    <section className="data-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Model and data</h3>
      <ul className="fit-checks" aria-label="Model and data checks">
        <Check
          ok={fit.inputOk}
          fix={!fit.inputOk && fit.inputShape && button('Use data shape', s.applyDataInputShape)}
        >
          {fit.inputOk
            ? `The Input layer takes ${shape(fit.dataShape)}, the shape of one sample.`
            : fit.inputShape
              ? `${inputMismatch(fit.dataShape, fit.inputShape)}.`
              : `The model needs an Input layer at the top, of shape ${shape(fit.dataShape)}.`}
        </Check>
        {fit.rank && (
          <Check
            ok={false}
            fix={fit.rank.canFlatten && button(fit.rank.fixLabel, s.addFlattenForData)}
          >
            {fit.rank.message}
          </Check>
        )}
        <Check ok={!fit.output} fix={fit.output && button(fit.output.fixLabel, s.applyDataOutput)}>
          {fit.output?.message ??
            `The model ends with Dense(${want.units}, ${want.activation}), which suits the task.`}
        </Check>
        <Check
          ok={!fit.loss}
          fix={
            fit.loss && (
              <button type="button" className="fit-fix" onClick={s.applyDataLoss} disabled={busy}>
                {fit.loss.fixLabel}
              </button>
            )
          }
        >
          {fit.loss?.message ??
            `Training uses ${LOSS_LABELS[fit.lossInUse]}, which suits the task.`}
        </Check>
      </ul>
      {refused && (
        <p role="alert" className="data-problem">
          {refused}
        </p>
      )}
    </section>
  );
}
