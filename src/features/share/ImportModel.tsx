import { useId, useState } from 'react';
import { Icon } from '../../components/Icon';
import { announce } from '../../components/announcer';
import { useAppStore } from '../../store/store';
import type { ModelImport } from './import-model';

/**
 * Import a Sequential model.json (tfjs or Keras). The stack replaces the model through setSpec
 * (one undo step); a file that cannot be used changes nothing and says why.
 */
export function ImportModel() {
  const id = useId();
  const [busy, setBusy] = useState(false);

  const onFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    // The same file chosen again (after fixing it) must load again.
    input.value = '';
    if (files.length === 0) return;
    setBusy(true);
    // The Keras and tfjs readers load with the first import, not with the first screen.
    const read: ModelImport = await import('./import-model')
      .then((m) => m.readModelFiles(files))
      .catch((err: unknown) => ({
        ok: false as const,
        reason: `the importer could not load (${err instanceof Error ? err.message : String(err)}); reload the page and try again`,
      }));
    setBusy(false);
    const s = useAppStore.getState();
    const fail = (reason: string) =>
      s.pushShareNotice({
        tone: 'error',
        title: 'The model was not imported; nothing changed.',
        items: [reason],
      });
    if (!read.ok) return fail(read.reason);
    const applied = s.setSpec(read.spec);
    if (!applied.ok) return fail(applied.reason);
    // Weights belong to the model they came with: a new import replaces or drops them.
    s.setInitialWeights(read.weights);
    const left = read.unknownLayers.length + read.notes.length;
    const n = read.spec.layers.length;
    const withWeights = read.weights ? ' with its trained weights' : '';
    const title =
      read.unknownLayers.length > 0
        ? `Imported '${read.fileName}' (${n} layers), leaving out ${read.unknownLayers.length} layer${read.unknownLayers.length === 1 ? '' : 's'} Layerlab does not have.`
        : `Imported '${read.fileName}' (${n} layers)${withWeights}.`;
    s.pushShareNotice({
      tone: left > 0 ? 'warning' : 'success',
      title,
      items: [...read.unknownLayers, ...read.notes],
    });
    announce(title);
  };

  return (
    <label htmlFor={id} className="with-text file-button" data-busy={busy || undefined}>
      <Icon name="upload" />
      <span>Import model</span>
      <input
        id={id}
        type="file"
        className="sr-only"
        accept=".json,.bin,application/json"
        multiple
        aria-describedby={`${id}-hint`}
        onChange={(e) => void onFiles(e.currentTarget)}
      />
      <span id={`${id}-hint`} hidden>
        A Sequential model.json from Keras or TensorFlow.js, optionally with its weights .bin file.
      </span>
    </label>
  );
}
