import { expect, type Locator, type Page } from '@playwright/test';

/** The training panel as a user sees it: controls, settings and the progress readout. */
export class TrainingPage {
  readonly progress: Locator;
  readonly badge: Locator;
  readonly notices: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.progress = page.getByLabel('Training progress');
    this.badge = page.getByRole('status', { name: 'Backend' });
    this.notices = page.getByRole('list', { name: 'Training notices' });
    this.panel = page.getByRole('region', { name: 'Training', exact: true });
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.badge).toContainText('Backend:', { timeout: 60_000 });
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  setting(name: string) {
    return this.page.getByRole('spinbutton', { name, exact: true });
  }

  /** Types a value and commits it with Enter: a setting takes effect only once committed. */
  async set(name: string, value: string | number) {
    const field = this.setting(name);
    await field.fill(String(value));
    await field.press('Enter');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  }

  async chooseBackend(label: string) {
    await this.page.getByRole('combobox', { name: 'Backend' }).selectOption({ label });
  }

  /** A value in the progress readout, e.g. field('First loss'). */
  field(name: string) {
    return this.progress
      .locator('div')
      .filter({ has: this.page.getByText(name, { exact: true }) })
      .locator('dd');
  }

  async number(name: string): Promise<number> {
    return Number(await this.field(name).textContent());
  }

  /** Batches done so far, over all epochs: "Epoch 2 / 3", "Batch 5 / 13" → 18. */
  async batchesDone(): Promise<number> {
    const [epoch, batch] = await Promise.all(
      [this.field('Epoch'), this.field('Batch')].map((f) => f.textContent()),
    );
    const e = Number(epoch?.split('/')[0]);
    const [b, per] = (batch ?? '').split('/').map(Number);
    if (!Number.isFinite(e) || b === undefined || per === undefined) return 0;
    return (e - 1) * per + b;
  }

  async expectStatus(status: string | RegExp, timeout = 120_000) {
    await expect(this.field('Status')).toHaveText(status, { timeout });
  }

  /**
   * Few, large batches (4 per epoch on the default 400 training points) with a high rate: few
   * GPU steps, and the loss still falls clearly (0.70 → 0.19 over 3 epochs on the CPU backend).
   */
  async quickRun(epochs: number) {
    await this.set('Epochs', epochs);
    await this.set('Batch size', 100);
    await this.set('Learning rate', 0.1);
  }

  /**
   * Opens and closes the settings `times` times with real clicks; returns each click's input
   * delay: from the moment the browser received it to when the page's handler ran. A main
   * thread busy training would hold these back.
   */
  async clickDelays(times: number): Promise<number[]> {
    const box = this.page.locator('details.training-settings-box');
    await box.evaluate((d) => {
      const w = window as unknown as { clickDelays: number[] };
      w.clickDelays = [];
      d.querySelector('summary')?.addEventListener('click', (e) => {
        w.clickDelays.push(performance.now() - e.timeStamp);
      });
    });
    for (let i = 0; i < times; i++) {
      const wasOpen = await box.evaluate((d) => (d as HTMLDetailsElement).open);
      await box.getByText('Settings', { exact: true }).click();
      await expect(box).toHaveJSProperty('open', !wasOpen);
    }
    return this.page.evaluate(() => (window as unknown as { clickDelays: number[] }).clickDelays);
  }

  async firstBatchDone() {
    await expect(this.field('First loss')).toHaveText(/^\d/, { timeout: 120_000 });
  }
}
