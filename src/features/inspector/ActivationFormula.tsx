import { ACTIVATIONS } from '../../core/activations';

/** The formula and a plain-words note for an activation id; nothing for other enum values. */
export function ActivationFormula({ id }: { id: string }) {
  const info = ACTIVATIONS.find((a) => a.id === id);
  if (!info) return null;
  return (
    <figure className="formula">
      <code>{info.formula}</code>
      <figcaption>{info.help}</figcaption>
    </figure>
  );
}
