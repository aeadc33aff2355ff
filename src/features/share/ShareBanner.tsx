import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { selectShareNotices } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { CopyLinkButton } from './CopyLinkButton';
import { ExportMenu } from './ExportMenu';
import { TeachingNote } from './TeachingNote';

/** A hostile link can name hundreds of bad keys; the banner stays readable. */
const MAX_ITEMS = 12;

/**
 * A teaching link's note, what a link, a saved copy or an imported file left out, and storage
 * problems. Every item is a sentence built from outside input, so it is only rendered as text.
 */
export function ShareBanner() {
  return (
    <>
      <TeachingNote />
      <ShareNotices />
    </>
  );
}

function ShareNotices() {
  const notices = useAppStore(selectShareNotices);
  if (notices.length === 0) return null;
  return (
    <div className="share-banners">
      {notices.map((n) => {
        const shown = n.items.slice(0, MAX_ITEMS);
        const more = n.items.length - shown.length;
        return (
          <div
            key={n.id}
            role={n.tone === 'success' ? 'status' : 'alert'}
            className="share-banner"
            data-tone={n.tone}
          >
            <Icon name={n.tone === 'success' ? 'check' : 'alert'} />
            <div className="share-banner-body">
              <p className="share-banner-title">{n.title}</p>
              {shown.length > 0 && (
                <ul>
                  {shown.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                  {more > 0 && <li>…and {more} more.</li>}
                </ul>
              )}
              {n.offer && (
                <div role="group" aria-label="Keep this work" className="share-banner-actions">
                  <CopyLinkButton />
                  <ExportMenu />
                </div>
              )}
            </div>
            <IconButton
              icon="close"
              label="Dismiss message"
              onClick={() => useAppStore.getState().dismissShareNotice(n.id)}
            />
          </div>
        );
      })}
    </div>
  );
}
