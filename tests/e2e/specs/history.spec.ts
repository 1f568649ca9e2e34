import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

// Typing filters at once from the app's own state; the URL follows a pause
// (src/query_state.rs), so history is written a handful of times, never per key:
// WebKit throws after 100 replaceState calls in 30 seconds.
const countWrites = (page: Page) =>
  page.addInitScript(() => {
    (window as any).__writes = 0;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = (...args: Parameters<History['pushState']>) => {
        (window as any).__writes += 1;
        return original(...args);
      };
    }
  });
const writes = (page: Page) => page.evaluate(() => (window as any).__writes as number);

test('typing 120 characters fast writes history a handful of times, as one entry', async ({ page }) => {
  await countWrites(page);
  await page.goto('./?genre=drama');
  const before = await writes(page);
  const text = 'the quiet rooms of a long winter where nothing happens and everything changes, slowly, under a grey sky '.repeat(2).slice(0, 120);
  expect(text).toHaveLength(120);
  await page.getByRole('searchbox', { name: 'Search reviews' }).pressSequentially(text);
  await expect(page).toHaveURL(/q=the\+quiet/);
  await page.waitForTimeout(600);
  const written = (await writes(page)) - before;
  test.info().annotations.push({ type: 'history writes per 120 characters', description: String(written) });
  expect(written).toBeGreaterThanOrEqual(1);
  expect(written).toBeLessThanOrEqual(5);
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toHaveValue(text);
  // The whole search is one entry: Back leaves it.
  await page.goBack();
  await expect(page).toHaveURL(/\/marquee\/\?genre=drama$/);
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toHaveValue('');
});

test('the result count follows each keystroke before the URL does', async ({ page }) => {
  const word = 'audiard';
  const expected: string[] = [];
  for (let i = 1; i <= word.length; i++) {
    await page.goto(`./?q=${word.slice(0, i)}`);
    // Counted over the full text, as the typing below will be.
    await expect(page.locator('[data-full-text=ready]')).toHaveCount(1);
    expected.push((await page.getByRole('status').textContent())!);
  }
  await countWrites(page);
  await page.goto('./');
  const search = page.getByRole('searchbox', { name: 'Search reviews' });
  // The full-text index pieces that "au…" needs, fetched before the log starts: each
  // keystroke then shows its final count at once.
  await search.fill('au');
  await expect(page.locator('[data-full-text=ready]')).toHaveCount(1);
  await search.fill('');
  await expect(page.locator('[data-full-text=ready]')).toHaveCount(1);
  // The URL catches up with that emptied box after the typing pause: wait for it, so that
  // its write is not counted below as one of the word's.
  await expect(page).toHaveURL(/\/marquee\/$/);
  const initial = (await page.getByRole('status').textContent())!;
  // A log, in the page, of every change of the result count and every history write.
  await page.evaluate(() => {
    const log: [string, number, string][] = ((window as any).__log = []);
    const status = document.querySelector('[role=status]')!;
    new MutationObserver(() => log.push(['status', performance.now(), status.textContent!])).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = (...args: Parameters<History['pushState']>) => {
        log.push(['url', performance.now(), String(args[2])]);
        return original(...args);
      };
    }
  });
  await search.pressSequentially(word, { delay: 40 });
  await expect(page).toHaveURL(/\?q=audiard$/);
  const log: [string, number, string][] = await page.evaluate(() => (window as any).__log);
  const statuses = log.filter(([kind]) => kind === 'status').map(([, , text]) => text);
  const distinct = (xs: string[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
  // Every keystroke's count showed, in order, each from the app's own state ...
  expect(distinct(statuses)).toEqual(distinct([initial, ...expected]).slice(1));
  // ... and before the URL said anything: the URL is written once the typing pauses (once,
  // unless the machine stalled a keystroke past the pause), the last time with the whole
  // word, and each write comes after the count for the text it writes was on screen.
  const urls = log.filter(([kind]) => kind === 'url');
  expect(urls.length).toBeGreaterThanOrEqual(1);
  expect(urls.length).toBeLessThanOrEqual(3);
  expect(urls.at(-1)![2]).toMatch(/\?q=audiard$/);
  for (const [, at, url] of urls) {
    const q = new URL(url, 'http://127.0.0.1').searchParams.get('q') ?? '';
    const shown = log.filter(([kind, when]) => kind === 'status' && when < at).at(-1);
    expect(shown?.[2], `the count on screen when the URL became ${url}`).toBe(expected[q.length - 1]);
  }
});
