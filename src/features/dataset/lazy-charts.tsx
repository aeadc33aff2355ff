import { lazyNamed } from '../../components/ChartSlot';

// The previews draw with recharts, which the page does not need before it is usable.
export const SeriesPreview = lazyNamed(() => import('./SeriesPreview'), 'SeriesPreview');
export const ScatterPreview = lazyNamed(() => import('./ScatterPreview'), 'ScatterPreview');
export const WindowChart = lazyNamed(() => import('./WindowChart'), 'WindowChart');
