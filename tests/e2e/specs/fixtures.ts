import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test gets a page whose console errors, uncaught exceptions and dialogs
 * are collected; a test fails if any appeared, unless it expected them.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await use(problems);
    expect(problems, 'console errors, uncaught exceptions or dialogs').toEqual([]);
  },
});

export { expect };

/** The review cards in the grid. */
export const cards = (page: Page) => page.getByRole('article');
