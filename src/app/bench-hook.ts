import { paintsSoFar } from '../features/charts/paint-count';
import { useAppStore } from '../store/store';

/**
 * `npm run bench` (bench/lib/app-page.mjs) sets up its reference workloads through the store's
 * own actions (loadTemplate, updateParams, setDatasetConfig, openCsvFile, setTrainingSettings)
 * and times epochs by subscribing to it; everything else it does through the UI. It reads how
 * often the live charts painted from `paints`. Only with `?bench` in the address: a normal
 * visit exposes nothing.
 */
if (new URLSearchParams(window.location.search).has('bench')) {
  (window as unknown as { __layerlab?: unknown }).__layerlab = {
    store: useAppStore,
    paints: paintsSoFar,
  };
}
