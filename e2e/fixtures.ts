import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import { BuilderPage } from './pages/builder';
import { ChartsPage } from './pages/charts';
import { DatasetPage } from './pages/dataset';
import { SharePage } from './pages/share';
import { TimelinePage } from './pages/timeline';
import { TrainingPage } from './pages/training';

export interface Fixtures {
  /** The page's console errors and page errors so far, as text. */
  consoleErrors: string[];
  /** Paths of every script the page requested so far (workers' included), in order. */
  scripts: string[];
  builder: BuilderPage;
  charts: ChartsPage;
  dataset: DatasetPage;
  share: SharePage;
  timeline: TimelinePage;
  training: TrainingPage;
}

export interface Options {
  /**
   * Off by default: a test fails after it ran if the page logged a console error or threw a
   * page error. A test that provokes errors on purpose (a crashed worker, a refused script)
   * opts out with `test.use({ allowConsoleErrors: true })`.
   */
  allowConsoleErrors: boolean;
}

interface Checks {
  /** The automatic "no console errors" check: nothing to use, it runs around every test. */
  noConsoleErrors: void;
}

/**
 * The page objects as fixtures, the console-error check run after every test, and the
 * script-request recorder. Errors are collected from the test's `page`; a second page or
 * context a test opens is its own to check.
 */
export const test = base.extend<Fixtures & Options & Checks>({
  allowConsoleErrors: [false, { option: true }],

  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await use(errors);
  },

  noConsoleErrors: [
    async ({ consoleErrors, allowConsoleErrors }, use, testInfo) => {
      await use();
      if (allowConsoleErrors || consoleErrors.length === 0) return;
      if (testInfo.status !== 'passed') {
        // Already failed for its own reason: keep the errors as a clue, not a second failure.
        await testInfo.attach('console errors', { body: consoleErrors.join('\n') });
        return;
      }
      expect(consoleErrors, 'the page logged console errors or page errors').toEqual([]);
    },
    { auto: true },
  ],

  scripts: async ({ page }, use) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await use(scripts);
  },

  builder: async ({ page }, use) => use(new BuilderPage(page)),
  charts: async ({ page }, use) => use(new ChartsPage(page)),
  dataset: async ({ page }, use) => use(new DatasetPage(page)),
  share: async ({ page }, use) => use(new SharePage(page)),
  timeline: async ({ page }, use) => use(new TimelinePage(page)),
  training: async ({ page }, use) => use(new TrainingPage(page)),
});

export { expect };
