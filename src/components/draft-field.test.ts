import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  describeNumber,
  formatNumber,
  numberRule,
  parseNumber,
  type NumberRule,
} from '../core/number-rule';
import { trainingSettingsSchema } from '../core/training/settings';
import { commit, current, edit, type Draft, type FieldRules } from './draft-field';

type Key = string;
const CHARS = ['0', '1', '2', '5', '9', '.', 'e', '-'];
const ACTIONS = ['Backspace', 'SelectAll', 'Blur', 'Enter', 'Escape'];
const keys = fc.array(fc.constantFrom<Key>(...CHARS, ...ACTIONS), { maxLength: 40 });

/** What Chromium's type=number input reports for its raw text (HTML's valid floating-point number). */
const VALID_FLOAT = /^-?(\d+|\d*\.\d+)([eE][-+]?\d+)?$/;

/**
 * One number field as the browser and useDraftField drive it: `raw` is the text on screen, the
 * store holds the value in use. Every keystroke goes through edit(); Blur and Enter commit.
 */
class Field<N extends number | null> {
  raw: string;
  selected = false;
  draft: Draft | null = null;
  readonly writes: N[] = [];
  readonly rules: FieldRules<N>;

  constructor(
    readonly rule: NumberRule<N>,
    public store: N,
  ) {
    this.raw = formatNumber(store);
    const message = describeNumber(rule, 'Field');
    this.rules = {
      parse: (text) => parseNumber(rule, 'Field', text),
      apply: (value) => {
        this.store = value;
        this.writes.push(value);
        return null;
      },
      unreadable: message,
    };
  }

  get inUse() {
    return formatNumber(this.store);
  }

  press(key: Key) {
    if (key === 'SelectAll') return void (this.selected = true);
    if (key === 'Blur' || key === 'Enter') return this.settle(commit(this.rules, this.live()));
    if (key === 'Escape') return this.settle(null);
    if (key === 'Backspace') this.raw = this.selected ? '' : this.raw.slice(0, -1);
    else this.raw = this.selected ? key : this.raw + key;
    this.selected = false;
    const readable = this.raw === '' || VALID_FLOAT.test(this.raw);
    this.draft = edit(this.rules, this.inUse, readable ? this.raw : '', readable);
  }

  live() {
    return current(this.draft, this.inUse);
  }

  /** React renders the value in use again once no draft is left. */
  private settle(draft: Draft | null) {
    this.draft = draft;
    if (this.live() === null) this.raw = this.inUse;
  }
}

const valid = (schema: z.ZodType, v: unknown) => schema.safeParse(v).success;

/** The value `text` stands for if it is a valid entry, by the schema alone. */
function meant(schema: z.ZodType, nullable: boolean, text: string): { value: unknown } | null {
  if (text.trim() === '') return nullable && valid(schema, null) ? { value: null } : null;
  if (!VALID_FLOAT.test(text.trim())) return null;
  const n = Number(text);
  return valid(schema, n) ? { value: n } : null;
}

const FIELDS = {
  'batch size (integer 1 to 4096)': [trainingSettingsSchema.shape.batchSize, 32],
  'learning rate (greater than 0, at most 10)': [trainingSettingsSchema.shape.learningRate, 0.01],
  'epochs (integer 1 to 10000)': [trainingSettingsSchema.shape.epochs, 20],
  'a range below zero (-0.1 to 0.1)': [z.number().min(-0.1).max(0.1), 0],
} as const;

describe('a number field under random keystrokes', () => {
  for (const [name, [schema, initial]] of Object.entries(FIELDS)) {
    it(`${name}: the store only ever takes valid values, and only when they are committed`, () => {
      const rule = numberRule(schema);
      fc.assert(
        fc.property(keys, (sequence) => {
          const f = new Field(rule, initial as number);
          for (const key of sequence) {
            const before = f.store;
            const writes = f.writes.length;
            const expected = meant(schema, false, f.raw);
            f.press(key);
            const committed = key === 'Blur' || key === 'Enter';
            if (!committed) {
              expect(f.writes).toHaveLength(writes);
            } else if (f.writes.length > writes) {
              // Only a commit writes, and only the value the text on screen stood for.
              expect(expected).not.toBeNull();
              expect(f.store).toBe(expected?.value);
            } else if (expected !== null) {
              // A valid commit that wrote nothing: the text was the value in use already.
              expect(expected.value === before).toBe(true);
            }
            expect(valid(schema, f.store)).toBe(true);
            const live = f.live();
            // On screen: either the value in use, or a draft that says why it is not in use.
            if (live === null) expect(f.raw).toBe(f.inUse);
            if (committed && live !== null) expect(live.error).not.toBeNull();
            if (key === 'Escape') expect(f.raw).toBe(f.inUse);
          }
        }),
        { numRuns: 400 },
      );
    });
  }

  it('clip norm: empty commits "no clipping", text the browser cannot read never does', () => {
    const schema = trainingSettingsSchema.shape.clipNorm;
    const rule = numberRule(schema, 'no clipping');
    fc.assert(
      fc.property(keys, fc.constantFrom(null, 1, 5), (sequence, initial) => {
        const f = new Field(rule, initial);
        for (const key of sequence) {
          const writes = f.writes.length;
          const expected = meant(schema, true, f.raw);
          f.press(key);
          if (f.writes.length > writes) {
            expect(key === 'Blur' || key === 'Enter').toBe(true);
            expect(expected).not.toBeNull();
            expect(f.store).toBe(expected?.value);
          }
          expect(valid(schema, f.store)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the reported steps', () => {
  const type = (f: Field<number>, text: string, end: Key) => {
    f.press('SelectAll');
    for (const c of text) f.press(c);
    f.press(end);
  };

  it('learning rate 1e6 then Tab: 0.01 stays in use, the text stays with the reason', () => {
    const f = new Field(numberRule(trainingSettingsSchema.shape.learningRate), 0.01);
    type(f, '1e6', 'Blur');
    expect(f.store).toBe(0.01);
    expect(f.writes).toEqual([]);
    expect(f.raw).toBe('1e6');
    expect(f.live()?.error).toBe('Field must be a number greater than 0 and at most 10.');
    f.press('Escape');
    expect(f.raw).toBe('0.01');
  });

  it('batch size 5000 and epochs 20000 keep their values; 64 then Enter applies', () => {
    const batch = new Field(numberRule(trainingSettingsSchema.shape.batchSize), 32);
    type(batch, '5000', 'Blur');
    expect(batch.store).toBe(32);
    const epochs = new Field(numberRule(trainingSettingsSchema.shape.epochs), 20);
    type(epochs, '20000', 'Enter');
    expect(epochs.store).toBe(20);
    type(batch, '64', 'Enter');
    expect(batch.store).toBe(64);
    expect(batch.writes).toEqual([64]);
  });

  it('a store refusal keeps the draft and says why', () => {
    const rules: FieldRules<number> = {
      parse: (text) => ({ ok: true, value: Number(text) }),
      apply: () => 'Not applied: too big.',
    };
    const draft = edit(rules, '8', '4096');
    expect(commit(rules, draft)).toEqual({ ...draft, error: 'Not applied: too big.' });
  });

  it('a draft begun on another value in use is dropped (undo, a loaded link)', () => {
    const rules: FieldRules<number> = {
      parse: () => ({ ok: false, reason: 'no' }),
      apply: () => null,
    };
    const draft = edit(rules, '8', '0');
    expect(current(draft, '8')).toBe(draft);
    expect(current(draft, '16')).toBeNull();
  });
});
