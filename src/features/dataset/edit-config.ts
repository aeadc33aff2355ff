import {
  parseDatasetConfig,
  type DatasetConfig,
  type PrepareConfig,
  type WindowingConfig,
} from '../../data/index';
import { useAppStore } from '../../store/store';

/**
 * Every edit in the data panel goes through the config schema first: a value out of range is
 * refused here (the field shows it as invalid) and never reaches the store or a shared link.
 */
export function commitConfig(next: DatasetConfig): boolean {
  const parsed = parseDatasetConfig(next);
  if (!parsed.ok) return false;
  void useAppStore.getState().setDatasetConfig(parsed.value);
  return true;
}

export const withPrepare = (c: DatasetConfig, patch: Partial<PrepareConfig>): DatasetConfig => ({
  ...c,
  prepare: { ...c.prepare, ...patch },
});

export const withWindowing = (c: DatasetConfig, patch: Partial<WindowingConfig>): DatasetConfig =>
  withPrepare(c, { windowing: { ...c.prepare.windowing, ...patch } });
