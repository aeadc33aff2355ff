import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { PanelFoldContext, type PanelFold } from '../../components/panel-fold';
import { useLayoutStore } from './layout-store';

/**
 * The page's three working columns (build | data & train | watch) beside the layer palette.
 * On a laptop screen or larger each column scrolls on its own, so the model, the Train button,
 * the loss and the predictions stay in sight together; smaller screens stack them (layout.css).
 */
export function Workspace({ children }: { children: ReactNode }) {
  const collapsed = useLayoutStore((s) => s.collapsed);
  const shares = useLayoutStore((s) => s.shares);
  const fold = useMemo<PanelFold>(
    () => ({
      isCollapsed: (title) => collapsed.includes(title),
      toggle: (title) => useLayoutStore.getState().toggle(title),
    }),
    [collapsed],
  );
  const style = {
    '--fr-build': `${shares[0]}fr`,
    '--fr-train': `${shares[1]}fr`,
    '--fr-watch': `${shares[2]}fr`,
  } as CSSProperties;
  return (
    <PanelFoldContext.Provider value={fold}>
      <main
        className="app-main workspace"
        style={style}
        data-palette={collapsed.includes('Layers') ? 'collapsed' : 'open'}
      >
        {children}
      </main>
    </PanelFoldContext.Provider>
  );
}
