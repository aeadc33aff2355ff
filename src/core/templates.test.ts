import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseShipped } from '../data/shipped';
import { shippedText } from '../data/shipped-text';
import { inferShapes } from './shapes';
import { TEMPLATE_IDS, TEMPLATES, templateSpec } from './templates';
import { trainingSettingsSchema, defaultTrainingSettings } from './training/settings';

const bytes = async (file: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../public/data/${file}`, import.meta.url))),
  );

describe('templates', () => {
  it.each(TEMPLATE_IDS)('%s builds a model whose shapes check', (id) => {
    const shapes = inferShapes(templateSpec(id));
    expect(shapes.ok).toBe(true);
  });

  it('MNIST CNN is Conv2D–MaxPooling2D–Conv2D–MaxPooling2D–Flatten–Dense–Dense softmax', () => {
    const spec = templateSpec('mnist-cnn');
    expect(spec.layers.map((l) => l.kind)).toEqual([
      'Input',
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'Dense',
    ]);
    expect(spec.layers.at(-1)?.params).toMatchObject({ units: 10, activation: 'softmax' });
  });

  it.each(TEMPLATES.filter((t) => t.data))(
    '$id takes exactly the images of the data it picks, and its settings are valid',
    async (t) => {
      if (!t.data) return;
      const table = parseShipped(t.data.id, await shippedText(t.data.id, bytes));
      if (!table.ok) throw new Error(table.reason);
      const images = table.value.images;
      const spec = templateSpec(t.id);
      expect(spec.layers[0]?.params).toMatchObject({ shape: images?.shape });
      expect(spec.layers.at(-1)?.params).toMatchObject({ units: images?.classNames.length });
      expect(
        trainingSettingsSchema.safeParse({ ...defaultTrainingSettings, ...t.training }).success,
      ).toBe(true);
    },
  );
});
