import { useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { commit, current, edit, type Draft, type FieldRules } from './draft-field';

/**
 * Wires an input to draft-field's rules: typing checks, blur and Enter commit, Escape puts the
 * value in use back. `inUse` is that value as the field would show it.
 */
export function useDraftField<T>(inUse: string, rules: FieldRules<T>) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const live = current(draft, inUse);
  const error = live?.error ?? null;
  // The store is written here, in the event, never inside a state updater (React may rerun those).
  const commitNow = () => setDraft(commit(rules, live));
  const read = (e: SyntheticEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    setDraft(edit(rules, inUse, input.value, !input.validity.badInput));
  };
  return {
    error,
    inputProps: {
      value: live?.text ?? inUse,
      'aria-invalid': error !== null || undefined,
      onChange: read,
      // onChange skips keystrokes that leave the value as it was: '' before and after "-" is
      // typed into an empty number input. The input event still says the text is unreadable.
      onInput: read,
      onBlur: commitNow,
      onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') commitNow();
        else if (e.key === 'Escape' && live !== null) {
          e.preventDefault();
          // React leaves unreadable text alone when the value in use is '' as well.
          if (e.currentTarget.validity.badInput) e.currentTarget.value = '';
          setDraft(null);
        }
      },
    },
  };
}
