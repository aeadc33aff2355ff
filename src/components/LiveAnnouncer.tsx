import { useEffect, useState } from 'react';
import { onAnnounce } from './announcer';

/** Renders the page's polite live region; mount it once. */
export function LiveAnnouncer() {
  const [message, setMessage] = useState('');
  useEffect(
    () =>
      onAnnounce((next) =>
        // The same sentence twice in a row must still be read out: clear, then set.
        setMessage((prev) => (prev === next ? `${next}\u00a0` : next)),
      ),
    [],
  );
  return (
    <div role="status" aria-live="polite" aria-label="Announcements" className="sr-only">
      {message}
    </div>
  );
}
