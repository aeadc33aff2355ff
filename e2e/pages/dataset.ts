import { expect, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** The data panel as a user sees it: found by role and accessible name. */
export class DatasetPage {
  readonly panel: Locator;
  readonly picker: Locator;
  readonly status: Locator;
  readonly shapes: Locator;
  readonly windowShape: Locator;
  readonly checks: Locator;
  readonly fileInput: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Data', exact: true });
    this.picker = this.panel.getByRole('combobox', { name: 'Dataset', exact: true });
    this.status = page.getByRole('status', { name: 'Data status' });
    this.shapes = this.panel.getByRole('definition').filter({ hasText: /^\[/ });
    this.windowShape = this.panel.getByLabel('Window shape');
    this.checks = this.panel.getByRole('list', { name: 'Model and data checks' });
    this.fileInput = this.panel.getByLabel('Choose a CSV file');
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.picker).toBeVisible();
  }

  async choose(label: string) {
    await this.picker.selectOption({ label });
  }

  /** The value shown under "X shape" or "y shape", e.g. "[500, 2]". */
  shape(term: 'X shape' | 'y shape') {
    return this.panel
      .getByLabel('Data shapes')
      .locator('div')
      .filter({ has: this.page.getByText(term, { exact: true }) })
      .locator('dd');
  }

  number(name: string) {
    return this.panel.getByRole('spinbutton', { name, exact: true });
  }

  /** Types a value and leaves the field, as a user would. */
  async set(name: string, value: number) {
    const field = this.number(name);
    await field.fill(String(value));
    await field.blur();
    await expect(field).toHaveValue(String(value));
  }

  button(name: string) {
    return this.panel.getByRole('button', { name, exact: true });
  }

  async openCsv(name: string) {
    await this.fileInput.setInputFiles(fixture(name));
  }
}
