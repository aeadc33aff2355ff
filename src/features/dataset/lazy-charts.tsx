import { lazy } from 'react';

// The previews draw with recharts, which the page does not need before it is usable.
export const SeriesPreview = lazy(() =>
  import('./SeriesPreview').then((m) => ({ default: m.SeriesPreview })),
);
export const ScatterPreview = lazy(() =>
  import('./ScatterPreview').then((m) => ({ default: m.ScatterPreview })),
);
export const WindowChart = lazy(() =>
  import('./WindowChart').then((m) => ({ default: m.WindowChart })),
);
