import { createContext } from 'react';

/**
 * Folding panels, provided by the app shell (which remembers the choice). A panel is keyed by
 * its title. Outside a provider panels cannot fold: they show no button.
 */
export interface PanelFold {
  isCollapsed(title: string): boolean;
  toggle(title: string): void;
}

export const PanelFoldContext = createContext<PanelFold | null>(null);
