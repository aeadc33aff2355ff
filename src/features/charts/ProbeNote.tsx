import type { ProbeSnapshot } from '../../core/training/probe-types';
import type { AppState } from '../../store/store';
import { selectProbe } from '../../store/selectors';
import { useThrottledStore } from '../../store/useThrottledStore';

const describe = (probe: Pick<ProbeSnapshot, 'epoch' | 'batch'>) =>
  probe.epoch === 0 ? 'before training' : `epoch ${probe.epoch}, batch ${probe.batch}`;

/** When the probe was taken, so a reader knows how fresh the picture is. */
export function ProbeNote({ probe }: { probe: Pick<ProbeSnapshot, 'epoch' | 'batch'> }) {
  return <p className="hint probe-note">Probe batch, {describe(probe)}</p>;
}

const selectWhen = (s: AppState) => {
  const probe = selectProbe(s);
  return probe ? describe(probe) : null;
};

/** The same note, following the probes by itself (its parent need not redraw). */
export function LiveProbeNote() {
  const when = useThrottledStore(selectWhen);
  return when === null ? null : <p className="hint probe-note">Probe batch, {when}</p>;
}
