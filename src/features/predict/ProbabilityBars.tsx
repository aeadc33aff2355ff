import { useId } from 'react';

interface Props {
  classNames: readonly string[];
  probabilities: readonly number[];
  best: number;
}

const percent = (p: number) => `${(p * 100).toFixed(1)}%`;

/** One bar per class, its value written beside it; the most probable class stands out. */
export function ProbabilityBars({ classNames, probabilities, best }: Props) {
  const id = useId();
  return (
    <div className="probability-bars">
      <span id={id} className="probability-title">
        Class probabilities
      </span>
      <ul aria-labelledby={id}>
        {classNames.map((name, k) => {
          const p = probabilities[k] ?? 0;
          return (
            <li key={name} className={k === best ? 'best' : undefined}>
              <span className="probability-name">
                {name}
                <span className="sr-only">: </span>
              </span>
              <span className="probability-track" aria-hidden="true">
                <span className="probability-fill" style={{ width: percent(p) }} />
              </span>
              <span className="probability-value">{percent(p)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
