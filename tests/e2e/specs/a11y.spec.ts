import { test, expect, expectFailedRequest } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe-core, ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('home page', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('article').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('poster wall', async ({ page }) => {
      await page.goto('./?view=posters&genre=drama');
      await expect(page.getByRole('article').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('filter sheet open on a phone', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto('./?genre=drama');
      await page.getByRole('button', { name: /^Filters/ }).click();
      await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('filtered page with chips', async ({ page }) => {
      await page.goto('./?genre=drama&min=4&q=the&sort=title');
      await expect(page.getByRole('article').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('review page with a revealed spoiler', async ({ page }) => {
      await page.goto('reviews/rust-and-bone-2012');
      await page.getByRole('button', { name: 'Show spoiler' }).click();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('error state', async ({ page, problems }) => {
      await page.route('**/data/cards.json', (route) => route.fulfill({ status: 503, body: '' }));
      await page.goto('./');
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      expectFailedRequest(problems, 503);
    });

    test('empty results', async ({ page }) => {
      await page.goto('./?genre=western&min=5');
      await expect(page.getByRole('heading', { name: 'No reviews match' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
