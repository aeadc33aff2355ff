import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { ChartsPage } from './charts';
import { linkTo } from './share';
import { TrainingPage } from './training';

/** A layer as a shared link carries it. */
export const layer = (id: string, kind: string, params: Record<string, unknown>) => ({
  id,
  kind,
  params,
});

/** What a timeline test varies: the model, its built-in data set, and two training settings. */
export interface SmallRun {
  layers: ReturnType<typeof layer>[];
  data: { id: string; samples: number };
  batchSize: number;
  learningRate: number;
}

type View = 'weight' | 'gradient' | 'gate' | 'embedding' | 'saliency';

/**
 * The Timeline tab as a user sees it: the scrubber, the view picker and each view's summary,
 * with the steps every model's timeline test takes (train on WASM, scrub back to epoch 1).
 */
export class TimelinePage {
  readonly scrubber: Locator;
  readonly slider: Locator;
  readonly view: Locator;
  private readonly training: TrainingPage;
  private readonly charts: ChartsPage;

  constructor(readonly page: Page) {
    this.scrubber = page.getByRole('region', { name: 'Training timeline' });
    this.slider = this.scrubber.getByRole('slider', { name: 'Timeline epoch' });
    this.view = page.getByLabel('Timeline view');
    this.training = new TrainingPage(page);
    this.charts = new ChartsPage(page);
  }

  /** A view's summary sentence, e.g. summary('gate') for gate saturation. */
  summary(view: View) {
    return this.page.getByTestId(`${view}-summary`);
  }

  async show(view: string) {
    await this.view.selectOption({ label: view });
  }

  async open() {
    await this.charts.show();
    await this.charts.open('Timeline');
  }

  /**
   * Opens the run as a link and trains it 2 epochs on WASM, pausing at the first epoch's end: a
   * paused epoch end always records its snapshot (a free-running one may be thinned, 250 ms apart).
   */
  async trainTwoEpochs(run: SmallRun) {
    const t = this.training;
    await this.page.goto(
      linkTo({
        v: 1,
        model: { layers: run.layers },
        data: { source: 'builtin', ...run.data },
        training: {
          epochs: 2,
          batchSize: run.batchSize,
          learningRate: run.learningRate,
          backend: 'wasm',
        },
      }),
    );
    await expect(t.badge).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
    await expect(this.page.locator('.share-banners').getByRole('alert')).toHaveCount(0);
    await t.button('Step one epoch').click();
    await expect(t.field('Epoch')).toHaveText('1 / 2', { timeout: 60_000 });
    await t.expectStatus('Paused');
    await t.button('Resume').click();
    await t.expectStatus('Finished');
  }

  /** Keyboard scrubbing: Home is the untrained model, each ArrowRight one epoch on. */
  async scrubTo(epoch: number) {
    await this.slider.focus();
    await this.page.keyboard.press('Home');
    for (let i = 0; i < epoch; i++) await this.page.keyboard.press('ArrowRight');
    await expect(this.slider).toHaveAttribute('aria-valuetext', `epoch ${epoch}`);
  }

  /**
   * Trains the run, opens the Timeline at its end and scrubs back to epoch 1: the weights'
   * summary changes with it, and the gradient norms are there for epoch 1.
   */
  async trainAndScrubToEpochOne(run: SmallRun) {
    await this.trainTwoEpochs(run);
    await this.open();
    await expect(this.slider).toHaveAttribute('aria-valuetext', 'epoch 2');
    const weights = this.summary('weight');
    await expect(weights).toContainText('at epoch 2');
    const atEnd = await weights.textContent();
    await this.scrubTo(1);
    await expect(weights).toContainText('at epoch 1');
    expect(await weights.textContent()).not.toBe(atEnd);
    await this.show('Gradient norms');
    await expect(this.summary('gradient')).toContainText('At epoch 1 the gradient norm');
  }

  /** Saliency for the first validation sample. */
  async explain() {
    await this.show('Saliency (which inputs matter)');
    await this.page.getByRole('button', { name: 'Explain this prediction' }).click();
    await expect(this.summary('saliency')).toContainText(
      /^Explaining .* for validation sample 1\./,
    );
  }

  /** axe's default rules over the Timeline tab and its scrubber (soft: the test goes on). */
  async expectAxeClean(state: string) {
    const r = await new AxeBuilder({ page: this.page })
      .include('.chart-tabpanel')
      .include('.timeline-scrubber')
      .analyze();
    const found = r.violations.map((v) => ({
      rule: v.id,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    expect.soft(found, state).toEqual([]);
  }
}
