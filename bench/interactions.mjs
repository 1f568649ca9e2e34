// Keystroke→paint in the real app: for each interaction, the time from the input
// event (its timeStamp) to the first paint after the page's DOM changed in answer
// (a requestAnimationFrame, then a task: the frame has been produced by then).

import { stats } from './util.mjs';

/** Installed in the page: records one latency per `input` event in window.__lat. */
const PROBE = () => {
  window.__lat = [];
  if (window.__probe) return;
  window.__probe = true;
  addEventListener('input', (event) => {
    const start = event.timeStamp;
    let done = false;
    let idlePaint = null;
    // The next paint after the event, for an input that changes nothing on screen.
    requestAnimationFrame(() => setTimeout(() => { idlePaint = performance.now() - start; }));
    const observer = new MutationObserver(() => finish(false));
    const finish = (timedOut) => {
      if (done) return;
      done = true;
      observer.disconnect();
      if (timedOut) window.__lat.push(idlePaint ?? performance.now() - start);
      else requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - start)));
    };
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => finish(true), 1000);
  }, true);
};

async function series(page, count, act) {
  await page.evaluate(PROBE);
  for (let i = 0; i < count; i++) {
    await act(i);
    await page.waitForFunction((n) => window.__lat.length >= n, i + 1, { timeout: 60_000 });
  }
  return stats(await page.evaluate(() => window.__lat));
}

/** Typing a query, toggling a genre and changing the minimum rating, `count` times each. */
export async function measureInteractions(page, count) {
  const search = page.getByRole('searchbox', { name: 'Search reviews' });
  // Warm-up, not measured: the first search builds the search index (a one-letter
  // word needs no piece of the full-text index, src/full_text.rs).
  await search.fill('r');
  await page.locator('[data-full-text=ready], [data-full-text=off]').waitFor({ timeout: 300_000 });
  await search.fill('');
  await page.waitForTimeout(200);

  await search.focus();
  const keys = [...'silent river|golden summer|winter|the lost|northern lights|quiet'];
  let k = 0;
  const typing = await series(page, count, async () => {
    const key = keys[k++ % keys.length];
    if (key === '|') {
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
    } else {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
    }
  });
  await search.fill('');
  await page.waitForTimeout(200);

  const boxes = page.getByRole('group', { name: 'Genre' }).getByRole('checkbox');
  const genre = await series(page, count, async (i) => {
    await boxes.nth(i % 4).click();
  });

  const select = page.getByLabel('Minimum rating');
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => o.value));
  const rating = await series(page, count, async (i) => {
    // Every step a different minimum: up through the options, then from the top again.
    await select.selectOption(values[1 + (i % (values.length - 1))]);
  });
  return { typing, genre, rating };
}
