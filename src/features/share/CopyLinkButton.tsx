import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { announce } from '../../components/announcer';
import { flushShare } from './share-session';

type State = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

/**
 * Copies the address (the whole experiment is in its hash). Where the clipboard is refused
 * (permissions, an insecure origin) the link is shown selected in a field to copy by hand.
 */
export function CopyLinkButton() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    if (state.kind === 'manual') field.current?.select();
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    flushShare();
    const url = window.location.href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
      announce('Link copied to the clipboard.');
    } catch {
      setState({ kind: 'manual', url });
    }
  };

  return (
    <div className="menu copy-link">
      <button type="button" className="with-text" onClick={() => void copy()}>
        <Icon name="link" />
        <span>Copy link</span>
      </button>
      <span role="status" className="copy-confirm" data-shown={state.kind === 'copied'}>
        {state.kind === 'copied' && (
          <>
            <Icon name="check" size={14} /> Link copied
          </>
        )}
      </span>
      {state.kind === 'manual' && (
        <div className="menu-panel copy-fallback">
          <label htmlFor={id}>Link to this experiment</label>
          <input
            id={id}
            ref={field}
            readOnly
            value={state.url}
            onFocus={(e) => e.target.select()}
          />
          <p className="hint">The browser did not allow copying: press Ctrl+C (⌘C on a Mac).</p>
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}
