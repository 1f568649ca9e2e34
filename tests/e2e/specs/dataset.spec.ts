import { test, expect, cards, expectFailedRequest, gotoBeforeBoot } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Serves the site's page with `<meta name="marquee:dataset" content=…>` set, as a site owner would. */
async function configureDataset(page: Page, url: string) {
  await page.route(/\/marquee\/(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<meta name="?marquee:dataset"?[^>]*>/, `<meta name="marquee:dataset" content="${url}">`);
    await route.fulfill({ response, body: html });
  });
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

test('a dataset URL in the meta tag, relative to the site base, is loaded instead of the bundled one', async ({ page }) => {
  await page.route('**/marquee/data/mine.json', (route) => route.fulfill({ body: fixture('small.json'), contentType: 'application/json' }));
  await configureDataset(page, 'data/mine.json');
  await page.goto('./');
  await expect(cards(page)).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Fixture Two' })).toBeVisible();
});

test('an absolute dataset URL works too', async ({ page }) => {
  await configureDataset(page, '/fixtures/small.json');
  await page.goto('./');
  await expect(cards(page)).toHaveCount(3);
});

test('a failed fetch explains why and offers Retry, which recovers', async ({ page, problems }) => {
  let calls = 0;
  await page.route('**/data/cards.json', async (route) => {
    calls += 1;
    if (calls === 1) return route.fulfill({ status: 500, body: 'oops' });
    return route.continue();
  });
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The reviews could not be loaded');
  await expect(alert).toContainText('HTTP 500');
  // The bundled collection is what failed: it is not offered as its own fallback.
  await expect(page.getByRole('button', { name: 'Show the bundled collection' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(cards(page).first()).toBeVisible();
  // The failed request itself is logged by the browser; nothing else may be.
  expectFailedRequest(problems, 500);
});

test('when a configured dataset fails, the bundled collection can be shown instead', async ({ page, problems }) => {
  await configureDataset(page, '/fixtures/missing.json');
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
  await page.getByRole('button', { name: 'Show the bundled collection' }).click();
  await expect(page.getByRole('status')).toHaveText(/^\d+ reviews$/);
  await expect(page.getByRole('article').first()).toBeVisible();
  expectFailedRequest(problems, 404);
});

test('invalid reviews are skipped and a dismissible banner lists the diagnostics', async ({ page }) => {
  await configureDataset(page, '/fixtures/invalid.json');
  await page.goto('./');
  await expect(cards(page)).toHaveCount(2);
  const banner = page.getByRole('region', { name: 'Dataset problems' });
  await expect(banner).toContainText('3 problems (those reviews are not shown) and 1 warning');
  await banner.getByText('Show details').click();
  await expect(banner).toContainText('reviews[1].rating');
  await expect(banner).toContainText('4.3 is not a multiple of 0.5');
  await expect(banner).toContainText('reviews[4].id');
  await expect(banner).toContainText('did you mean "rating"?');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toBeHidden();
});

test('a document that is not JSON names the line and column', async ({ page }) => {
  await page.route('**/data/cards.json', (route) => route.fulfill({ body: '{\n  "format": "marquee/1",\n  "reviews": [,]\n}', contentType: 'application/json' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('line 3, column 15');
});

test('a site pointed at another dataset shows skeleton cards while it loads, never the built films', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/fixtures/small.json', async (route) => {
    await held;
    await route.continue();
  });
  await configureDataset(page, '/fixtures/small.json');
  await gotoBeforeBoot(page, './');
  // The pages were built from the bundled collection: none of its films may show first.
  await expect(page.locator('.skeleton-card').first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Loading reviews…');
  await expect(cards(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Rust and Bone' })).toHaveCount(0);
  release();
  await expect(cards(page)).toHaveCount(3);
});
