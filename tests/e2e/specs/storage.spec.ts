import { test, expect, cards } from './fixtures';
import { readFileSync } from 'node:fs';

test('localStorage disabled: the app works, ratings live in memory, and the reader is told once', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('reviews/tokyo-story-1953');
  const notice = page.getByRole('alert').filter({ hasText: 'not letting Marquee save anything' });
  await expect(notice).toBeVisible();
  await page.getByRole('radio', { name: '4½ stars' }).check();
  await expect(page.getByText('You rated it 4½ stars.')).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // Within this visit the rating is remembered, and the notice stays dismissed.
  await page.getByRole('link', { name: '← All reviews' }).click();
  await page.getByRole('group', { name: 'Your films' }).getByRole('radio', { name: /^Rated by you/ }).check();
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('You: 4½ stars');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('storage full: the rating is kept for this tab and the reader is told', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('reviews/metropolis-1927');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('radio', { name: '3 stars' }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible();
  await expect(page.getByText('You rated it 3 stars.')).toBeVisible();
  await page.getByRole('link', { name: '← All reviews' }).click();
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('metropolis');
  await expect(cards(page).first()).toContainText('You: 3 stars');
});

for (const [name, stored, reason] of [
  ['corrupt', '{"format":"marquee-personal/1","ratings":[{"id":"m-1931","rat', 'not valid JSON'],
  ['old-format', '{"format":"marquee-personal/0","stars":{"m-1931":4}}', 'is not "marquee-personal/1"'],
] as const) {
  test(`${name} stored data is kept aside, offered for download, never overwritten`, async ({ page }, testInfo) => {
    await page.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('marquee:personal', value);
      }
    }, stored);
    await page.goto('reviews/nosferatu-1922');
    const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(notice).toContainText(reason);
    expect(await page.evaluate(() => localStorage.getItem('marquee:personal:unreadable'))).toBe(stored);
    const downloading = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download the unreadable data' }).click();
    const file = testInfo.outputPath('unreadable.json');
    await (await downloading).saveAs(file);
    expect(readFileSync(file, 'utf8')).toBe(stored);
    // New ratings are saved as usual, and the notice does not come back.
    await page.getByRole('radio', { name: '5 stars' }).check();
    await page.reload();
    await expect(page.getByRole('radio', { name: '5 stars' })).toBeChecked();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('marquee:personal:unreadable'))).toBe(stored);
  });
}
