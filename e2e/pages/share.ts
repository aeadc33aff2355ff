import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import LZString from 'lz-string';

/** A link to an arbitrary document, as a hand-made (or hostile) link would carry it. */
export const linkTo = (doc: unknown) =>
  `/#e1.${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;

/** The header's share and save tools, and the banner under the header. */
export class SharePage {
  readonly toolbar: Locator;
  readonly importInput: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Share and save' });
    this.importInput = page.getByLabel('Import model');
    this.dialog = page.getByRole('dialog', { name: 'Saved experiments' });
  }

  button(name: string) {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** A banner message (role alert or status) whose title is `title`. */
  banner(title: string | RegExp) {
    return this.page
      .locator('.share-banners')
      .getByRole('alert')
      .or(this.page.locator('.share-banners').getByRole('status'))
      .filter({ hasText: title });
  }

  /** The hash once the app has written one (it writes after a short pause in editing). */
  async settledHash(): Promise<string> {
    await expect.poll(() => this.page.evaluate(() => location.hash)).toMatch(/^#e1\./);
    return this.page.evaluate(() => location.hash);
  }

  /** Waits until the address bar and the autosave hold the same experiment. */
  async settled() {
    await expect
      .poll(() =>
        this.page.evaluate(() => {
          const index = JSON.parse(localStorage.getItem('layerlab.v1.index') ?? '{}') as {
            activeId?: string;
          };
          const saved = localStorage.getItem(`layerlab.v1.experiment.${index.activeId ?? ''}`);
          const hash = saved ? (JSON.parse(saved) as { hash: string }).hash : '';
          return hash !== '' && `#${hash}` === location.hash;
        }),
      )
      .toBe(true);
  }

  /** Picks an Export menu item; returns the download's name and text. */
  async exportFile(item: string): Promise<{ name: string; text: string; path: string }> {
    await this.button('Export').click();
    const download = this.page.waitForEvent('download');
    await this.toolbar.getByRole('button', { name: new RegExp(`^${item}`) }).click();
    const d = await download;
    // Saved under its own name: an importer reads the extension.
    const path = test.info().outputPath(d.suggestedFilename());
    await d.saveAs(path);
    return { name: d.suggestedFilename(), text: await readFile(path, 'utf8'), path };
  }
}
