import type { PanelId } from '../../core/share/experiment';
import { useAppStore } from '../../store/store';

// The workbench areas of app/layout.css, by the panel a link names.
const AREAS: Record<PanelId, string> = {
  builder: '.area-stack',
  graph: '.area-graph',
  dataset: '.area-data',
  training: '.area-training',
  charts: '.area-charts',
};
const BUILDER_AREAS = '.area-palette, .area-stack, .area-inspector, .area-summary';

function panelOf(target: Element): PanelId | null {
  if (target.closest(BUILDER_AREAS)) return 'builder';
  for (const [panel, selector] of Object.entries(AREAS) as [PanelId, string][]) {
    if (target.closest(selector)) return panel;
  }
  return null;
}

/** The panel last worked in becomes the link's view, so a shared link opens where it was made. */
export function trackPanel(doc: Document): () => void {
  const onFocus = (e: FocusEvent) => {
    const panel = e.target instanceof Element ? panelOf(e.target) : null;
    if (panel) useAppStore.getState().setView({ panel });
  };
  doc.addEventListener('focusin', onFocus);
  return () => doc.removeEventListener('focusin', onFocus);
}

/** Scrolls a link's panel into view; the builder is at the top already. */
export function showPanel(doc: Document, panel: PanelId): void {
  if (panel === 'builder') return;
  doc.querySelector(AREAS[panel])?.scrollIntoView({ block: 'start' });
}
