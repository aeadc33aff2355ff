import { lazy } from 'react';
export { ChartSlot } from '../../components/ChartSlot';

// recharts and its dependencies are about a third of the page's JavaScript. Nothing needs them
// before the page is usable, so every tab loads in a chunk of its own after the first paint.
export const LossTab = lazy(() => import('./LossTab').then((m) => ({ default: m.LossTab })));
export const LayerOutputsTab = lazy(() =>
  import('./LayerOutputsTab').then((m) => ({ default: m.LayerOutputsTab })),
);
export const PoolingTab = lazy(() =>
  import('./PoolingTab').then((m) => ({ default: m.PoolingTab })),
);
export const PredictionsTab = lazy(() =>
  import('./PredictionsTab').then((m) => ({ default: m.PredictionsTab })),
);
export const ActivationExplorer = lazy(() =>
  import('./ActivationExplorer').then((m) => ({ default: m.ActivationExplorer })),
);
