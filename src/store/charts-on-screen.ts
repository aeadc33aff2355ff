import { createContext } from 'react';

/**
 * Whether the charts that read the store can be seen. While false, live charts stop redrawing
 * (useThrottledStore holds its subscription) and catch up with one redraw when seen again: a
 * chart nobody sees should not take the training worker's CPU. Outside a provider, always true.
 */
export const ChartsOnScreen = createContext(true);
