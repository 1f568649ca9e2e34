import { test, expect } from './fixtures';
import { collection, withGenre } from './collection';

test('the review page shows facts, the rendered review and a description', async ({ page }) => {
  await page.goto('reviews/rust-and-bone-2012');
  await expect(page.getByRole('heading', { level: 1, name: 'Rust and Bone' })).toBeVisible();
  await expect(page.getByText("De rouille et d'os")).toBeVisible();
  await expect(page.getByRole('img', { name: 'Rated 4 out of 5' })).toBeVisible();
  const facts = page.locator('dl.fact-box');
  await expect(facts).toContainText('Jacques Audiard');
  await expect(facts).toContainText('Marion Cotillard');
  await expect(facts).toContainText('2 h');
  await expect(facts).toContainText('France, Belgium');
  await expect(facts).toContainText('25 February 2013');
  await expect(page.locator('.markdown em').first()).toHaveText('Rust and Bone');
  await expect(page).toHaveTitle('Rust and Bone (2012) · Marquee');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Audiard pairs a drifting street fighter/);
});

test('spoilers stay hidden until revealed', async ({ page }) => {
  await page.goto('reviews/rust-and-bone-2012');
  const secret = page.getByText('frozen lake');
  await expect(secret).toHaveCount(0);
  const toggle = page.getByRole('button', { name: 'Show spoiler' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(secret).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide spoiler' })).toHaveAttribute('aria-expanded', 'true');
});

test('labelled spoilers name what they hide', async ({ page }) => {
  await page.goto('reviews/m-1931');
  await expect(page.getByRole('button', { name: 'Show spoiler: The kangaroo court' })).toBeVisible();
});

test('previous and next follow the current results, and the back link restores them', async ({ page }) => {
  const westerns = withGenre('Western').sort((a, b) => a.year - b.year);
  await page.goto('./?genre=western&sort=year');
  await page.getByRole('link', { name: westerns[0].title }).click();
  await expect(page.getByRole('heading', { level: 1, name: westerns[0].title })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'More reviews' });
  await expect(nav.getByRole('link', { name: /Previous/ })).toHaveCount(0);
  await nav.getByRole('link', { name: new RegExp(`Next.*${westerns[1].title}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: westerns[1].title })).toBeVisible();
  await expect(page).toHaveURL(/\?genre=western&sort=year$/);
  await page.getByRole('link', { name: '← All reviews' }).click();
  await expect(page).toHaveURL(/\/marquee\/\?genre=western&sort=year$/);
  await expect(page.getByRole('group', { name: 'Genre' }).getByRole('checkbox', { name: /^Western/ })).toBeChecked();
});

test('links in reviews are http(s) only and open safely', async ({ page }) => {
  await page.goto('reviews/the-general-1926');
  for (const link of await page.locator('.markdown a').all()) {
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await link.getAttribute('rel')).toContain('noopener');
  }
  expect(collection.reviews.length).toBeGreaterThan(60);
});

test('going back to the grid restores its scroll position', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto('./?sort=title');
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 2000));
  await page.waitForTimeout(100);
  // Click a card that is already in view, as a reader would, so nothing scrolls first.
  const before = await page.evaluate(() => {
    const inView = [...document.querySelectorAll('article')].find((a) => {
      const r = a.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    inView?.querySelector('a')?.click();
    return window.scrollY;
  });
  expect(before).toBeGreaterThan(1500);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: '← All reviews' }).click();
  await expect(page).toHaveURL(/\?sort=title$/);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
  // The browser's Back button (review page, then the grid) restores it too.
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\?sort=title$/);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
});
