import { expect, type Locator, type Page } from '@playwright/test';

type Box = { x: number; y: number; width: number; height: number };
const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

async function box(locator: Locator): Promise<Box> {
  await locator.scrollIntoViewIfNeeded();
  const b = await locator.boundingBox();
  if (!b) throw new Error(`no bounding box for ${locator.toString()}`);
  return b;
}

/** The builder as a user sees it: found by role and accessible name, driven by real input. */
export class BuilderPage {
  readonly layers: Locator;
  readonly summary: Locator;
  readonly problems: Locator;
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.layers = page.getByRole('list', { name: 'Layers' });
    this.summary = page.getByRole('table', { name: 'Model summary' });
    this.problems = page.getByRole('list', { name: 'Problems' });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.layers.getByRole('listitem')).toHaveCount(4);
    // The data and backend panels fill in after load and move the stack: let the page settle
    // before measuring drop targets.
    await expect(this.page.getByRole('status', { name: 'Backend' })).toContainText('Backend:');
    await expect(this.page.getByText(/X shape/).first()).toBeVisible();
  }

  /** "dense (Dense)" labels of the cards, top to bottom. */
  labels(): Promise<string[]> {
    return this.layers
      .getByRole('listitem')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  card(label: string) {
    return this.layers.getByRole('listitem', { name: label, exact: true });
  }
  /**
   * The card's main button, named by what it shows: "dense Dense units=8 · activation=relu"
   * for the card labelled "dense (Dense)".
   */
  selectButton(label: string) {
    const shown = label.replace(/ \((\w+)\)$/, ' $1');
    const name = new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);
    return this.card(label).getByRole('button', { name });
  }
  handle(name: string) {
    return this.page.getByRole('button', { name: `Move ${name}`, exact: true });
  }
  paletteItem(kind: string) {
    return this.page.getByRole('button', { name: `Add ${kind}`, exact: true });
  }
  async expectTotal(total: string) {
    await expect(this.page.getByTestId('total-params')).toHaveText(total);
  }
  /** dnd-kit's own live region, where drag announcements are spoken. */
  dragAnnouncement(text: string) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async select(label: string) {
    await this.selectButton(label).click();
    await expect(this.selectButton(label)).toHaveAttribute('aria-pressed', 'true');
  }

  /**
   * Drags a palette item with the mouse and drops it so it lands at `index` (0-based): just
   * above the card now at that index, or below the last card.
   */
  async dragFromPalette(kind: string, index: number) {
    // As a user would with a long palette: filter it so the item is in view.
    const filter = this.page.getByRole('searchbox', { name: 'Filter layers' });
    await filter.fill(kind);
    const cards = this.layers.getByRole('listitem');
    const count = await cards.count();
    // The stack scrolls in its own column on a laptop screen: bring the drop place to its middle,
    // away from the edges where a drag scrolls it.
    await cards
      .nth(Math.min(index, count - 1))
      .evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const from = centre(await box(this.paletteItem(kind)));
    const { mouse } = this.page;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + 12, from.y + 4, { steps: 4 });
    const measure = () =>
      index < count
        ? box(cards.nth(index)).then((b) => ({ x: b.x + b.width / 2, y: b.y + 6 }))
        : box(cards.nth(count - 1)).then((b) => ({
            x: b.x + b.width / 2,
            y: b.y + b.height + 14,
          }));
    const target = await measure();
    await mouse.move(target.x, target.y, { steps: 20 });
    // Starting a drag can shift the layout a little (the overlay, the hint zone): aim again.
    const settled = await measure();
    await mouse.move(settled.x, settled.y, { steps: 5 });
    await expect(this.page.locator('.drop-line')).toBeVisible();
    await mouse.up();
    await filter.fill('');
  }

  /** Drags a card by its handle onto the place of the card now at `index`. */
  async dragLayer(name: string, index: number) {
    const handle = this.handle(name);
    const start = centre(await box(handle));
    const own = await box(this.layers.getByRole('listitem').filter({ has: handle }));
    const target = await box(this.layers.getByRole('listitem').nth(index));
    const dy = centre(target).y - centre(own).y;
    const { mouse } = this.page;
    await mouse.move(start.x, start.y);
    await mouse.down();
    await mouse.move(start.x, start.y + Math.sign(dy) * 10, { steps: 4 });
    await mouse.move(start.x, start.y + dy, { steps: 20 });
    await mouse.up();
  }

  async loadTemplate(title: string) {
    await this.page.getByRole('button', { name: 'Templates' }).click();
    await this.page
      .getByRole('list', { name: 'Templates' })
      .getByRole('button', { name: title })
      .click();
  }

  field(name: RegExp) {
    return this.inspector.getByRole('textbox', { name });
  }

  /** Types an argument and commits it with Enter: the model takes it only once committed. */
  async setField(name: RegExp, text: string) {
    const field = this.field(name);
    await field.fill(text);
    await field.press('Enter');
  }
}
