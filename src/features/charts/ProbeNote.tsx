import type { ProbeSnapshot } from '../../training/probe-types';

/** When the probe was taken, so a reader knows how fresh the picture is. */
export function ProbeNote({ probe }: { probe: ProbeSnapshot }) {
  const when = probe.epoch === 0 ? 'before training' : `epoch ${probe.epoch}, batch ${probe.batch}`;
  return <p className="hint probe-note">Probe batch, {when}</p>;
}
