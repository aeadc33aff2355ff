import { lazyNamed } from '../../components/ChartSlot';

// recharts and its dependencies are about a third of the page's JavaScript. Nothing needs them
// before the page is usable, so every tab loads in a chunk of its own after the first paint.
export const LossTab = lazyNamed(() => import('./LossTab'), 'LossTab');
export const LayerOutputsTab = lazyNamed(() => import('./LayerOutputsTab'), 'LayerOutputsTab');
export const PoolingTab = lazyNamed(() => import('./PoolingTab'), 'PoolingTab');
export const PredictionsTab = lazyNamed(() => import('./PredictionsTab'), 'PredictionsTab');
export const ActivationExplorer = lazyNamed(
  () => import('./ActivationExplorer'),
  'ActivationExplorer',
);
export const TimelineTab = lazyNamed(() => import('./timeline/TimelineTab'), 'TimelineTab');
