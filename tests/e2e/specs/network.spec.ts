import { test, expect, cards, expectFailedRequest, fullTextLoaded, gotoBeforeBoot } from './fixtures';
import type { Page, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';

const bundled = readFileSync(new URL('../../../assets/collection.json', import.meta.url));
const DATASET = '**/data/cards.json';

/** Serves the site's page with extra <meta> tags, as a site owner would configure it. */
async function withMeta(page: Page, metas: string) {
  await page.route(/\/marquee\/(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(<meta charset=[^>]*>)/i, `$1${metas}`);
    await route.fulfill({ response, body: html });
  });
}

/** The first dataset request fails as `fail` says; later ones reach the real file. */
async function failOnce(page: Page, fail: (route: Route) => Promise<void>) {
  let first = true;
  await page.route(DATASET, async (route) => {
    if (first) {
      first = false;
      return fail(route);
    }
    return route.continue();
  });
}

async function expectRecoveryByRetry(page: Page) {
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(cards(page).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test('a dataset that never arrives times out after the documented limit, and Retry works', async ({ page }) => {
  await withMeta(page, '<meta name="marquee:timeout" content="2">');
  await failOnce(page, () => new Promise(() => {}));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('took longer than 2 seconds to answer, so Marquee gave up', { timeout: 8_000 });
  await expectRecoveryByRetry(page);
});

test('a truncated body says it is not valid JSON, with the place', async ({ page }) => {
  await failOnce(page, (route) => route.fulfill({ body: bundled.subarray(0, 5000), contentType: 'application/json' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText(/not valid JSON: .* at line \d+, column \d+/);
  await expectRecoveryByRetry(page);
});

test('an HTML page instead of JSON is named as such', async ({ page }) => {
  await failOnce(page, (route) => route.fulfill({ body: '<!doctype html><title>Sign in</title><p>Please sign in', contentType: 'text/html' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('sent a web page (HTML), not a JSON dataset');
  await expectRecoveryByRetry(page);
});

test('a binary body with the wrong content type is rejected with a reason', async ({ page }) => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await failOnce(page, (route) => route.fulfill({ body: png, contentType: 'image/png' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('is not a usable dataset: the dataset is not valid JSON');
  await expectRecoveryByRetry(page);
});

test('valid JSON under a wrong content type is still read', async ({ page }) => {
  await page.route(DATASET, (route) => route.fulfill({ body: bundled, contentType: 'text/plain' }));
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
});

test('a server error says the server had a problem', async ({ page, problems }) => {
  await failOnce(page, (route) => route.fulfill({ status: 502, body: 'Bad gateway' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('had a problem (HTTP 502). It may work if you retry.');
  await expectRecoveryByRetry(page);
  expectFailedRequest(problems, 502);
});

test('a slow response leaves the prerendered page readable, then the app takes over', async ({ page }) => {
  await page.route(DATASET, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  await gotoBeforeBoot(page, './');
  // The cards are in the page as built, before the dataset has arrived.
  await expect(cards(page).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.boot)).toBeUndefined();
  await expect(page.locator('html[data-boot=ready]')).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByRole('status')).toHaveText(/^\d+ reviews$/);
});

test('offline when the dataset is fetched: told so, and Retry works once back online', async ({ page, context, problems }) => {
  await failOnce(page, async (route) => {
    await context.setOffline(true);
    await route.abort('internetdisconnected');
  });
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('You appear to be offline');
  await context.setOffline(false);
  await expectRecoveryByRetry(page);
  expectFailedRequest(problems, 'ERR_INTERNET_DISCONNECTED');
});

test('going offline mid-session: what is loaded keeps working', async ({ page, context }) => {
  // The bundled collection's review texts arrive in the background after the first screen.
  const bodies = page.waitForResponse(/\/data\/bodies-/);
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
  await bodies;
  await fullTextLoaded(page);
  await context.setOffline(true);
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('audiard');
  await page.getByRole('link', { name: 'Rust and Bone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rust and Bone' })).toBeVisible();
  await expect(page.locator('.review .markdown')).toContainText('Jacques Audiard makes films');
  await page.getByRole('radio', { name: '4 stars' }).check();
  await page.getByRole('link', { name: '← All reviews' }).click();
  await expect(cards(page)).toHaveCount(2);
  await context.setOffline(false);
});
