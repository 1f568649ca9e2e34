import { test, expect, expectFailedRequest } from './fixtures';

// A published collection's text queries are answered by its full-text index alone: its
// shards hold every field's words, so the browser never builds a search index
// (crates/core/src/search/shards.rs, src/full_text.rs).

test('a text query waits for its index pieces: "Searching…", busy, the last answer kept, never "no reviews", then the count', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((go) => { release = go; });
  await page.route('**/data/search-*', async (route) => { await held; await route.continue(); });
  await page.goto('./');
  const results = page.getByRole('region', { name: 'Results' });
  // "metropolis" is a title word: it too comes from the index pieces.
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('metropolis');
  await expect(page.getByRole('status')).toHaveText('Searching…');
  await expect(results).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('heading', { name: 'No reviews match' })).toHaveCount(0);
  // Meanwhile the last answer stays on screen (dimmed by the busy region), not an empty grid.
  await expect(page.locator('.review-card')).not.toHaveCount(0);
  release();
  await expect(page.getByRole('status')).toHaveText('1 review');
  await expect(results).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('link', { name: 'Metropolis' })).toBeVisible();
});

test('without its index pieces, search falls back to titles, people and excerpts', async ({ page, problems }) => {
  await page.route('**/data/search-*', (route) => route.abort());
  await page.goto('./');
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('audiard');
  await expect(page.locator('[data-full-text=off]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Rust and Bone' })).toBeVisible();
  expectFailedRequest(problems, 'ERR_FAILED');
});

test('a single letter searches nothing yet: every review stays', async ({ page }) => {
  await page.goto('./');
  const before = await page.getByRole('status').textContent();
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('z');
  await expect(page.locator('[data-full-text=ready]')).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText(before!);
});
