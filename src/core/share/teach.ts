import { z } from 'zod';
import type { FieldRule } from './experiment';

/**
 * A teaching link: parts of the page hidden for the recipient and a short note shown on top
 * (as TensorFlow Playground's links can hide controls). It travels in the link's `teach`
 * section beside the experiment, never in the experiment itself: the recipient's autosave and
 * undo history hold the experiment only, and one click shows everything again.
 */
export const TEACH_AREAS = {
  palette: 'Layers (palette)',
  model: 'Model',
  inspector: 'Inspector',
  summary: 'Summary',
  graph: 'Graph',
  training: 'Training settings',
  data: 'Data',
  predictions: 'Predictions',
  charts: 'Charts',
  'charts.loss': 'Charts tab: Loss and runs',
  'charts.outputs': 'Charts tab: Layer outputs',
  'charts.pooling': 'Charts tab: Pooling',
  'charts.timeline': 'Charts tab: Timeline',
  'charts.explorer': 'Charts tab: Activation explorer',
  runs: 'Run history',
} as const;

export type TeachArea = keyof typeof TEACH_AREAS;
export const TEACH_AREA_IDS = Object.keys(TEACH_AREAS) as [TeachArea, ...TeachArea[]];
export const isTeachArea = (id: string): id is TeachArea => Object.hasOwn(TEACH_AREAS, id);

/**
 * Areas that older links name and the page no longer has, with the area that now holds what
 * they hid: the Charts panel's Predictions tab gave way to the Predictions panel.
 */
const MOVED_AREAS = new Map<string, TeachArea>([['charts.predictions', 'predictions']]);
const currentArea = (id: unknown) => (typeof id === 'string' ? (MOVED_AREAS.get(id) ?? id) : id);

/** Long enough for a task or a question; a link is not the place for a lesson. */
export const MAX_NOTE_LENGTH = 280;

export interface TeachConfig {
  hidden: TeachArea[];
  note: string;
}

export const TEACH_RULES = {
  hidden: {
    // Each area once, in the catalog's order, whatever order the link listed them in.
    schema: z
      .array(z.preprocess(currentArea, z.enum(TEACH_AREA_IDS)))
      .max(TEACH_AREA_IDS.length * 2)
      .transform((list) => TEACH_AREA_IDS.filter((a) => list.includes(a))),
    default: [],
    expects: `must be a list drawn from ${TEACH_AREA_IDS.map((a) => `'${a}'`).join(', ')}`,
  } as FieldRule<TeachArea[]>,
  note: {
    schema: z.string().max(MAX_NOTE_LENGTH),
    default: '',
    expects: `must be text of at most ${MAX_NOTE_LENGTH} characters`,
  } as FieldRule<string>,
};

export const noTeaching = (): TeachConfig => ({ hidden: [], note: '' });

/** Whether a link has anything to teach with: worth writing, and worth showing. */
export const isTeaching = (t: TeachConfig): boolean => t.hidden.length > 0 || t.note.trim() !== '';
