import { useEffect, useState } from 'react';

/**
 * Whether the element is in the viewport and the tab is visible. Starts true, so a chart draws
 * at once and stops only once the browser says it is out of sight.
 */
export function useOnScreen<T extends Element>() {
  const [el, setEl] = useState<T | null>(null);
  const [inView, setInView] = useState(true);
  const [tabShown, setTabShown] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const onChange = () => setTabShown(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  useEffect(() => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries.at(-1);
      if (last) setInView(last.isIntersecting);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, inView && tabShown] as const;
}
