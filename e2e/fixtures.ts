import { test as base, expect, type ConsoleMessage } from '@playwright/test';

/**
 * Every test collects console errors and page errors; `consoleErrors` lets a test assert the
 * page stayed clean. Known-harmless browser noise is filtered by exact source, not by hiding all.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await use(errors);
  },
});

export { expect };
