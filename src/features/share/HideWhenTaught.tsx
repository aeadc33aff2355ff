import type { ReactNode } from 'react';
import type { TeachArea } from '../../core/share/teach';
import { useTaughtHidden, useTeachAreas } from '../../store/teach-view';

/**
 * A part of the page a teaching link can hide (for the layout: wrap each panel in one). Hidden,
 * it stays mounted (what was typed in it, its effects and subscriptions live on) and is only
 * not displayed; shown, its box is not a box (display: contents), so wrapping a panel changes
 * nothing in the layout around it. Features wrap their own parts with the same two hooks.
 */
export function HideWhenTaught({ area, children }: { area: TeachArea; children: ReactNode }) {
  useTeachAreas([area]);
  const hidden = useTaughtHidden(area);
  return (
    <div className="taught-area" data-teach-area={area} hidden={hidden}>
      {children}
    </div>
  );
}
