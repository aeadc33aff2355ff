import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../components/Icon';
import { announce } from '../../components/announcer';
import { encodeExperiment } from '../../core/share/codec';
import {
  MAX_NOTE_LENGTH,
  TEACH_AREA_IDS,
  TEACH_AREAS,
  type TeachArea,
} from '../../core/share/teach';
import { experimentChanged, experimentOf } from '../../store/experiment-state';
import { useAppStore } from '../../store/store';
import { mountedAreas, useTeachView } from '../../store/teach-view';
import { useShallow } from 'zustand/react/shallow';
import { flushShare } from './share-session';

/** The page's address with `hash` in place of its own. */
const linkWith = (hash: string) => `${window.location.href.split('#')[0]}#${hash}`;

/**
 * Makes a teaching link: the experiment on screen, with the parts the author ticks hidden for
 * the recipient and a short note shown on top. The checklist offers the parts on the page now.
 */
export function TeachingLinkMenu() {
  const [open, setOpen] = useState(false);
  const [hidden, setHidden] = useState<TeachArea[]>([]);
  const [note, setNote] = useState('');
  const [copied, setCopied] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const areas = useTeachView(useShallow((s) => mountedAreas(s, TEACH_AREA_IDS)));
  // The link follows the experiment while the menu is open (experimentOf builds a new object
  // each call, so it is read on a change, not selected).
  const [edits, setEdits] = useState(0);
  useEffect(() => {
    if (!open) return;
    return useAppStore.subscribe((s, prev) => {
      if (experimentChanged(s, prev)) setEdits((n) => n + 1);
    });
  }, [open]);
  const link = useMemo(() => {
    if (!open) return '';
    const experiment = experimentOf(useAppStore.getState());
    return linkWith(encodeExperiment(experiment, { hidden, note }));
    // `edits` stands for the experiment: it changes when the experiment does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, hidden, note, edits]);

  const toggle = (area: TeachArea, on: boolean) => {
    setCopied(false);
    setHidden((h) => TEACH_AREA_IDS.filter((a) => (a === area ? on : h.includes(a))));
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setCopied(true);
      announce('Teaching link copied to the clipboard.');
    } catch {
      // The link is in the field below, selected, to copy by hand.
      document.getElementById(`${id}-link`)?.focus();
    }
  };

  return (
    <div className="menu teach-menu" onKeyDown={onKey}>
      <button
        ref={button}
        type="button"
        className="with-text"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => {
          if (!open) flushShare();
          setCopied(false);
          setOpen(!open);
        }}
      >
        <Icon name="link" />
        <span>Teaching link</span>
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          role="group"
          aria-label="Teaching link"
          className="menu-panel teach-panel"
        >
          <fieldset>
            <legend>Hide for the recipient</legend>
            {areas.map((a) => (
              <label key={a}>
                <input
                  type="checkbox"
                  checked={hidden.includes(a)}
                  onChange={(e) => toggle(a, e.target.checked)}
                />
                {TEACH_AREAS[a]}
              </label>
            ))}
          </fieldset>
          <div className="teach-field">
            <label htmlFor={`${id}-note`}>Note shown on top</label>
            <textarea
              id={`${id}-note`}
              rows={3}
              maxLength={MAX_NOTE_LENGTH}
              value={note}
              aria-describedby={`${id}-count`}
              onChange={(e) => {
                setCopied(false);
                setNote(e.target.value);
              }}
            />
            <span id={`${id}-count`} className="hint">
              {note.length} of {MAX_NOTE_LENGTH} characters
            </span>
          </div>
          <div className="teach-field">
            <label htmlFor={`${id}-link`}>Teaching link</label>
            <input id={`${id}-link`} readOnly value={link} onFocus={(e) => e.target.select()} />
          </div>
          <div className="teach-actions">
            <button type="button" onClick={() => void copy()}>
              Copy teaching link
            </button>
            <span role="status" className="copy-confirm" data-shown={copied}>
              {copied && (
                <>
                  <Icon name="check" size={14} /> Copied
                </>
              )}
            </span>
            <button type="button" onClick={close}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
