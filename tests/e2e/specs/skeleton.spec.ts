import { test, expect, cards } from './fixtures';
import { readFileSync } from 'node:fs';

const collection = JSON.parse(readFileSync(new URL('../../../assets/collection.json', import.meta.url), 'utf8'));

test('the home page renders one card per bundled review, with title, year and rating', async ({ page, problems }) => {
  await page.goto('./');
  const count = collection.reviews.length;
  await expect(page.getByRole('status')).toHaveText(`${count} reviews`);
  // The grid is windowed: scroll through it and collect every card's title.
  const seen = new Set<string>();
  for (let y = 0; ; y += 400) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(30);
    for (const title of await page.locator('article h2').allTextContents()) seen.add(title);
    const bottom = await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2);
    if (bottom) break;
  }
  expect([...seen].sort()).toEqual(collection.reviews.map((r) => r.title).sort());

  await page.goto('./?q=rust+and+bone');
  const card = cards(page).filter({ has: page.getByRole('heading', { name: 'Rust and Bone' }) });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('2012');
  await expect(card.getByRole('img', { name: 'Rated 4 out of 5' })).toBeVisible();

  await page.goto('./?sort=rating');
  const lowest = cards(page).first();
  await expect(lowest.getByRole('heading')).toHaveText('The Room');
  await expect(lowest.getByRole('img', { name: 'Rated ½ out of 5' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a card leads to its review page under the sub-path, and back', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('rust and bone');
  await page.getByRole('link', { name: 'Rust and Bone' }).click();
  await expect(page).toHaveURL(/\/marquee\/reviews\/rust-and-bone-2012\?q=rust\+and\+bone$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rust and Bone' })).toBeVisible();
  await expect(page).toHaveTitle('Rust and Bone (2012) · Marquee');
  await page.goBack();
  await expect(page).toHaveURL(/\/marquee\/\?q=rust\+and\+bone$/);
  await expect(cards(page).first()).toBeVisible();
});

test('a review URL loads directly with status 200, from its prerendered page', async ({ page, problems }) => {
  const response = await page.goto('reviews/rust-and-bone-2012');
  // `marquee build` wrote reviews/rust-and-bone-2012.html, which Pages serves at this URL.
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Rust and Bone' })).toBeVisible();
  await expect(page.locator('.review__meta')).toContainText('Jacques Audiard');
  await expect(page.getByRole('img', { name: 'Rated 4 out of 5' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('an unknown review id says so, with a way home', async ({ page }) => {
  await page.goto('reviews/no-such-film');
  await expect(page.getByRole('heading', { name: 'Review not found' })).toBeVisible();
  await page.getByRole('link', { name: 'See all reviews' }).click();
  await expect(page).toHaveURL(/\/marquee\/$/);
  await expect(page.getByRole('status')).toHaveText(`${collection.reviews.length} reviews`);
});

test('an unknown path shows the not-found page, not a blank one', async ({ page }) => {
  await page.goto('no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the server behaves like GitHub Pages: 404 for unknown paths, no SPA fallback', async ({ request }) => {
  const missing = await request.get('definitely-missing.json');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('<html');
  const data = await request.get('assets/collection.json');
  expect(data.status()).toBe(200);
  expect((await data.json()).format).toBe('marquee/1');
});
