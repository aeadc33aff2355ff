import { IconButton } from '../../components/IconButton';
import { selectHidden, selectNote, useTeachView } from '../../store/teach-view';

/**
 * What a teaching link's recipient sees on top: the author's note (text only, never markup),
 * and, while parts of the page are hidden, one button that shows everything.
 */
export function TeachingNote() {
  const note = useTeachView(selectNote);
  const hidden = useTeachView(selectHidden);
  if (note === '' && hidden.length === 0) return null;
  const view = useTeachView.getState();
  return (
    <section className="teaching-note" aria-label="Note from the link's author">
      <div className="teaching-note-body">
        {note !== '' && <p>{note}</p>}
        {hidden.length > 0 && (
          <div className="teach-actions">
            <span className="hint">
              This link hides {hidden.length} part{hidden.length === 1 ? '' : 's'} of the page.
            </span>
            <button type="button" onClick={() => view.showEverything()}>
              Show everything
            </button>
          </div>
        )}
      </div>
      {note !== '' && (
        <IconButton icon="close" label="Dismiss the note" onClick={() => view.dismissNote()} />
      )}
    </section>
  );
}
