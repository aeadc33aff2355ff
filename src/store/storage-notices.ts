import type { ShareNotice } from './share-slice';

/** The sentences of storage and two-tab problems, in one place so they read alike. */
export type Notice = Omit<ShareNotice, 'id'>;

/** Why a write failed, as far as the browser says. */
export type StorageFault = 'full' | 'refused';

const KEEP_ELSEWHERE =
  'To keep this work, use Copy link (the whole experiment is in the link) or Export to download the model.';

export function savingOff(fault: StorageFault): Notice {
  const why =
    fault === 'full'
      ? "Saving is off: this browser's storage for Layerlab is full."
      : 'Saving is off: this browser refused to store the experiment.';
  const fix =
    fault === 'full'
      ? 'Delete saved experiments you no longer need (Experiments), then edit anything to save again.'
      : 'Allow this site to store data (site settings, or leave private mode), then edit anything to save again.';
  return {
    tone: 'error',
    title: why,
    items: [
      'Editing still works, but changes are not kept for your next visit.',
      KEEP_ELSEWHERE,
      fix,
    ],
    key: 'storage',
    offer: true,
  };
}

export const savingUnavailable = (): Notice => ({
  tone: 'warning',
  title:
    'Saving is off: this browser does not let Layerlab store data (private mode or blocked site data).',
  items: ['Editing still works, but nothing is kept for your next visit.', KEEP_ELSEWHERE],
  key: 'storage',
  offer: true,
});

export const savingOnAgain = (): Notice => ({
  tone: 'success',
  title: 'Saving works again: the experiment on screen is saved.',
  items: [],
  key: 'storage',
});

export const changedElsewhere = (name: string): Notice => ({
  tone: 'warning',
  title: `'${name}' was changed in another tab; this tab now shows that version.`,
  items: [
    'This tab had no unsaved edits, so nothing here was lost; what you edit now builds on that version.',
  ],
  key: 'other-tab',
});

export const keptBoth = (name: string, copy: string): Notice => ({
  tone: 'warning',
  title: `'${name}' was changed in another tab while you edited it here: both versions are kept.`,
  items: [
    `Your edits in this tab are saved as '${copy}', which stays open here.`,
    `The other tab's version is still saved as '${name}': open it from Experiments to compare.`,
  ],
  key: 'other-tab',
});

export const deletedElsewhere = (name: string): Notice => ({
  tone: 'warning',
  title: `'${name}' was deleted in another tab; this tab still shows it.`,
  items: ['Edit anything to save it again, or open another experiment to let it go.'],
  key: 'other-tab',
});

export const weightsNotKept = (fault: StorageFault): Notice => ({
  tone: 'warning',
  title:
    fault === 'full'
      ? "The imported weights are in use but not saved: this browser's storage is full."
      : 'The imported weights are in use but not saved: this browser refused to store them.',
  items: [
    'They last until this tab closes; keep the weights file to import them again.',
    fault === 'full'
      ? 'Deleting saved experiments you no longer need (Experiments) frees room.'
      : 'Allowing this site to store data (site settings, or leaving private mode) lets them be saved.',
  ],
  key: 'weights-storage',
});

export const weightsNotSaved = (run: number, reason: string): Notice => ({
  tone: 'warning',
  title: `The trained model of run ${run} was not saved in this browser, so it cannot be exported.`,
  items: [
    reason,
    "If this browser's storage is full, delete saved experiments you no longer need (Experiments), then train again.",
  ],
  key: 'weights-storage',
});
