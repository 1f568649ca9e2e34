import { test, expect, cards, expectFailedRequest, fullTextLoaded } from './fixtures';

// The service worker (scripts/sw-template.js, written into the release build).
test.use({ serviceWorkers: 'allow' });

async function controlled(page: import('@playwright/test').Page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return !!registration.active && !!navigator.serviceWorker.controller;
  });
}

test('a repeat visit works offline: the app, the cards and the reviews already read', async ({ page, context, problems }) => {
  const bodies = page.waitForResponse(/\/data\/bodies-/);
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
  await controlled(page);
  // The texts arrive after the first screen; once the worker controls the page it keeps them.
  await page.reload();
  await expect(cards(page).first()).toBeVisible();
  await bodies;
  await fullTextLoaded(page);
  await page.waitForLoadState('networkidle');

  await context.setOffline(true);
  await page.goto('./?q=audiard');
  await expect(page.getByRole('status')).toHaveText('2 reviews');
  await page.getByRole('link', { name: 'Rust and Bone' }).click();
  await expect(page.locator('.review .markdown')).toContainText('Jacques Audiard makes films');
  // A deep link, typed in while offline, boots from the cached app.
  await page.goto('reviews/rust-and-bone-2012');
  await expect(page.getByRole('heading', { level: 1, name: 'Rust and Bone' })).toBeVisible();
  await context.setOffline(false);
  expectFailedRequest(problems, 'ERR_INTERNET_DISCONNECTED');
});

test('the worker belongs to this build: its cache is named after it and holds the hashed files', async ({ page, request }) => {
  const sw = await (await request.get('sw.js')).text();
  const version = sw.match(/const VERSION = '([0-9a-f]{16})'/)?.[1];
  expect(version).toBeTruthy();
  await page.goto('./');
  await controlled(page);
  const cached = await page.evaluate(async (v) => {
    const names = await caches.keys();
    const cache = await caches.open(`marquee-${v}`);
    return { names, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  }, version);
  expect(cached.names).toEqual([`marquee-${version}`]);
  expect(cached.files).toContain('/marquee/');
  expect(cached.files).toContain('/marquee/data/cards.json');
  expect(cached.files.some((f) => /_bg\.wasm$/.test(f))).toBe(true);
});
