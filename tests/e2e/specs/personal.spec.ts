import { test, expect, cards, booted } from './fixtures';
import { readFileSync, writeFileSync } from 'node:fs';

test('rate with the keyboard, and find the rating after a reload', async ({ page }) => {
  await page.goto('reviews/tokyo-story-1953');
  const group = page.getByRole('radiogroup', { name: 'Your rating' });
  await expect(group.getByRole('radio')).toHaveCount(10);
  await expect(group.getByRole('radio', { name: '½ star', exact: true })).toBeVisible();
  await expect(group.getByRole('radio', { name: '3½ stars' })).toBeVisible();
  // Tab into the group, then arrow keys move and choose.
  await group.getByRole('radio', { name: '½ star', exact: true }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: '3½ stars' })).toBeChecked();
  await expect(page.getByText('You rated it 3½ stars.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Your rating' }).getByRole('radio', { name: '3½ stars' })).toBeChecked();
  // Delete clears it.
  await page.getByRole('radio', { name: '3½ stars' }).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByText('Not rated yet.')).toBeVisible();
});

test('your rating and watchlist show on the card and in the "your films" filter', async ({ page }) => {
  await page.goto('reviews/metropolis-1927');
  await page.getByRole('radio', { name: '4 stars' }).check();
  await page.getByRole('button', { name: 'Add to watchlist' }).click();
  await expect(page.getByRole('button', { name: 'Remove from watchlist' })).toBeVisible();
  await page.goto('./?mine=watchlist');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('You: 4 stars');
  await expect(cards(page).first()).toContainText('On your watchlist');
  await page.goto('./?mine=rated');
  await expect(cards(page)).toHaveCount(1);
  // On the poster wall the marks sit on the poster.
  await page.goto('./?mine=watchlist&view=posters');
  const poster = page.locator('.poster-card');
  await expect(poster).toHaveCount(1);
  await expect(poster.locator('.poster-card__art')).toContainText('You: 4');
  await expect(poster.locator('.poster-card__art')).toContainText('On your watchlist');
});

test('two tabs rating at once lose nothing', async ({ page, context }) => {
  await page.goto('reviews/metropolis-1927');
  const other = await context.newPage();
  await other.goto('reviews/nosferatu-1922');
  await booted(other);
  await page.getByRole('radio', { name: '2 stars' }).check();
  await other.getByRole('radio', { name: '5 stars' }).check();
  await other.goto('./?mine=rated');
  await expect(other.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Your ratings' })).toBeVisible();
  await expect(page.locator('.your-data__intro')).toContainText('2 rated');
  await other.close();
});

test('export ratings as Letterboxd CSV, then import them into a fresh browser', async ({ page, browser }, testInfo) => {
  await page.goto('reviews/rust-and-bone-2012');
  await page.getByRole('radio', { name: '3½ stars' }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV (Letterboxd)' }).click();
  const file = testInfo.outputPath('ratings.csv');
  await (await downloading).saveAs(file);
  const csv = readFileSync(file, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Date,Name,Year,Letterboxd URI,Rating');
  expect(csv).toMatch(/^\d{4}-\d{2}-\d{2},Rust and Bone,2012,,3\.5$/m);

  const fresh = await browser.newPage();
  await fresh.goto('./');
  await booted(fresh);
  const extra = testInfo.outputPath('with-unknown.csv');
  writeFileSync(extra, csv + '2024-01-01,Heat,1995,,4.5\r\n');
  await fresh.getByLabel('Import CSV or JSON').setInputFiles(extra);
  const report = fresh.locator('.your-data__report');
  await expect(report).toContainText('Imported 1 ratings.');
  await expect(report).toContainText('line 3: "Heat" (1995)');
  await fresh.goto('reviews/rust-and-bone-2012');
  await expect(fresh.getByRole('radio', { name: '3½ stars' })).toBeChecked();
  await fresh.close();
});

test('export and import JSON keeps the watchlist too', async ({ page, browser }, testInfo) => {
  await page.goto('reviews/m-1931');
  await page.getByRole('button', { name: 'Add to watchlist' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = testInfo.outputPath('ratings.json');
  await (await downloading).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).watchlist).toEqual(['m-1931']);
  const fresh = await browser.newPage();
  await fresh.goto('./');
  await booted(fresh);
  await fresh.getByLabel('Import CSV or JSON').setInputFiles(file);
  await expect(fresh.locator('.your-data__report')).toContainText('1 watchlist entries');
  await fresh.goto('./?mine=watchlist');
  await expect(fresh.getByRole('article')).toHaveCount(1);
  await fresh.close();
});
