import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The charts as a user sees them: the Charts panel's tabs, figures and run list, and the
 * Predictions panel beside it, by role and name.
 */
export class ChartsPage {
  readonly panel: Locator;
  readonly predictions: Locator;
  readonly runs: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Charts', exact: true });
    this.predictions = page.getByRole('region', { name: 'Predictions', exact: true });
    this.runs = this.panel.getByRole('list', { name: 'Training runs' });
  }

  /** Scrolls the panel into view: charts out of view hold their last drawing while training. */
  async show() {
    await this.panel.getByRole('tablist', { name: 'Charts' }).scrollIntoViewIfNeeded();
  }

  async open(tab: string) {
    const t = this.panel.getByRole('tab', { name: tab, exact: true });
    await t.click();
    await expect(t).toHaveAttribute('aria-selected', 'true');
  }

  /** Scrolls the Predictions panel into view (out of view, it holds its last drawing). */
  async showPredictions() {
    await this.predictions.scrollIntoViewIfNeeded();
  }

  /** A chart by its accessible name (the figure's label), in either panel. */
  figure(name: string) {
    return this.panel.or(this.predictions).getByRole('figure', { name, exact: true });
  }

  /**
   * Points drawn by a line of a chart: a live (canvas) chart lists each line's points for screen
   * readers; a recharts chart's path has 1 + its line-to commands.
   */
  async linePoints(figure: string, nth = 0): Promise<number> {
    const line = this.lines(figure).nth(nth);
    if ((await line.count()) === 0) return 0;
    const points = await line.getAttribute('data-points');
    if (points !== null) return Number(points);
    const d = (await line.getAttribute('d')) ?? '';
    return d === '' ? 0 : (d.match(/L/g)?.length ?? 0) + 1;
  }

  /**
   * The x of a live chart's last drawn point, read as a user would: the arrow-key readout. The
   * chart keeps a fixed number of points (downsampled) but always its first and last.
   */
  async lastX(figure: string): Promise<number> {
    const axes = this.figure(figure).getByRole('img', { name: figure });
    await axes.focus();
    await this.page.keyboard.press('ArrowLeft');
    const text = await this.figure(figure).locator('.stream-tooltip p').textContent();
    await axes.blur();
    const x = Number(text?.trim().split(/\s+/).pop()?.replace(/,/g, ''));
    if (!Number.isFinite(x)) throw new Error(`no readout in "${figure}": ${text}`);
    return x;
  }

  /**
   * Lines drawn in a chart (every series, overlays included): recharts' paths, or the live
   * canvas chart's list of its lines (the text screen readers get).
   */
  lines(figure: string) {
    return this.figure(figure).locator('path.recharts-line-curve, li[data-series]');
  }

  legend(figure: string) {
    return this.figure(figure).getByRole('list', { name: 'Legend' }).getByRole('listitem');
  }

  run(name: string) {
    return this.runs.getByRole('listitem').filter({ hasText: name });
  }

  button(name: string) {
    return this.panel.getByRole('button', { name, exact: true });
  }
}
