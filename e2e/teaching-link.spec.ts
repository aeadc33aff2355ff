import { test, expect } from './fixtures';

test('a teaching link hides two parts under a note, and Show everything brings them back', async ({
  page,
  context,
  training,
}) => {
  await training.goto();
  await page.getByRole('button', { name: 'Teaching link' }).click();
  const menu = page.getByRole('group', { name: 'Teaching link' });
  // The checklist offers the parts on the page now: the run history and the charts' tabs among them.
  await menu.getByRole('checkbox', { name: 'Run history' }).check();
  await menu.getByRole('checkbox', { name: 'Charts tab: Activation explorer' }).check();
  const note = 'Train once, then double the learning rate: what happens to the loss?';
  await menu.getByRole('textbox', { name: 'Note shown on top' }).fill(note);
  await expect(menu.getByText(`${note.length} of 280 characters`)).toBeVisible();
  const link = await menu.getByRole('textbox', { name: 'Teaching link' }).inputValue();
  expect(link).toMatch(/#e1\./);
  await menu.getByRole('button', { name: 'Done' }).click();
  await expect(menu).toHaveCount(0);
  // The author's own page hides nothing.
  await expect(page.getByRole('heading', { name: 'Runs', exact: true })).toBeVisible();

  const pupil = await context.newPage();
  await pupil.goto(link);
  const shown = pupil.getByRole('region', { name: "Note from the link's author" });
  await expect(shown).toContainText(note);
  await expect(shown).toContainText('This link hides 2 parts of the page.');
  const charts = pupil.getByRole('region', { name: 'Charts', exact: true });
  await expect(charts.getByRole('tab', { name: 'Loss and runs' })).toBeVisible();
  await expect(charts.getByRole('tab', { name: 'Activation explorer' })).toHaveCount(0);
  await expect(pupil.getByRole('heading', { name: 'Runs', exact: true })).toBeHidden();
  await pupil.screenshot({ path: '/tmp/teaching-link.png' });

  // An edit makes the app rewrite the address; it keeps what the link hides and its note, so a
  // reload (or the address passed on) still teaches.
  const epochs = pupil.getByRole('spinbutton', { name: 'Epochs', exact: true });
  await epochs.fill('7');
  await epochs.press('Enter');
  await expect.poll(() => pupil.url()).not.toBe(link);
  await pupil.reload();
  await expect(epochs).toHaveValue('7');
  await expect(shown).toContainText(note);
  await expect(shown).toContainText('This link hides 2 parts of the page.');
  await expect(charts.getByRole('tab', { name: 'Activation explorer' })).toHaveCount(0);
  await expect(pupil.getByRole('heading', { name: 'Runs', exact: true })).toBeHidden();

  const edited = pupil.url();
  await shown.getByRole('button', { name: 'Show everything' }).click();
  await expect(charts.getByRole('tab', { name: 'Activation explorer' })).toBeVisible();
  await expect(pupil.getByRole('heading', { name: 'Runs', exact: true })).toBeVisible();
  // What the recipient brought back stays back after a reload; the note stays until dismissed.
  await expect.poll(() => pupil.url()).not.toBe(edited);
  await pupil.reload();
  await expect(shown).toContainText(note);
  await expect(pupil.getByRole('heading', { name: 'Runs', exact: true })).toBeVisible();
  // The note stays until dismissed; nothing is hidden any more.
  await expect(shown).toContainText(note);
  await expect(shown.getByRole('button', { name: 'Show everything' })).toHaveCount(0);
  await shown.getByRole('button', { name: 'Dismiss the note' }).click();
  await expect(shown).toHaveCount(0);
  await pupil.close();
});
