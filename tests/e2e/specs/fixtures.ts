import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every page arrives prerendered (`marquee build`), and the app takes it over
 * once its wasm has booted (src/boot.rs), which it marks `<html data-boot="ready">`.
 * A reader's click before that reaches plain HTML, so navigations in the tests
 * wait for the takeover (or for the panic panel). `gotoBeforeBoot` does not.
 */
export const booted = (page: Page) =>
  page.waitForFunction(
    () => document.documentElement.dataset.boot === 'ready' || !document.getElementById('marquee-panic')?.hidden,
    null,
    { timeout: 15_000 },
  );

const rawGoto = new WeakMap<Page, Page['goto']>();

/** Navigates without waiting for the app: what a reader sees before any wasm runs. */
export const gotoBeforeBoot = (page: Page, url: string) => rawGoto.get(page)!(url);

/**
 * Every test gets a page whose console errors, uncaught exceptions and dialogs
 * are collected; a test fails if any appeared, unless it expected them.
 */
export const test = base.extend<{ problems: string[] }>({
  page: async ({ page }, use) => {
    const wrap = <F extends (...args: never[]) => Promise<unknown>>(navigate: F) =>
      (async (...args: Parameters<F>) => {
        const response = await navigate(...args);
        await booted(page);
        return response;
      }) as unknown as F;
    rawGoto.set(page, page.goto.bind(page));
    page.goto = wrap(page.goto.bind(page));
    page.reload = wrap(page.reload.bind(page));
    page.goBack = wrap(page.goBack.bind(page));
    page.goForward = wrap(page.goForward.bind(page));
    await use(page);
  },
  problems: [async ({ page }, use) => {
    const problems: string[] = [];
    // GitHub Pages answers a deep link with 404.html (which boots the app), and the
    // browser logs that document's 404. That one line is expected; any other is not.
    const notFoundDocuments = new Set<string>();
    page.on('response', (response) => {
      if (response.status() === 404 && response.request().isNavigationRequest()) notFoundDocuments.add(response.url());
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const pagesFallback = msg.text().includes('status of 404') && notFoundDocuments.has(msg.location().url);
      if (!pagesFallback) problems.push(`console error: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await use(problems);
    expect(problems, 'console errors, uncaught exceptions or dialogs').toEqual([]);
  }, { auto: true }],
});

/** Drops the browser's own log line for an expected failed request: an HTTP status, or a network error name. */
export function expectFailedRequest(problems: string[], failure: number | string) {
  const text = typeof failure === 'number' ? `status of ${failure}` : failure;
  const rest = problems.filter((p) => !p.includes(text));
  problems.splice(0, problems.length, ...rest);
}

export { expect };

/**
 * Resolves once the page has fetched every piece of the published full-text index (a small
 * collection fetches them all with its texts, src/full_text.rs), so that going offline after it
 * loses nothing.
 */
export async function fullTextLoaded(page: Page) {
  const index = await (await page.request.get('data/cards.json')).json();
  const manifest = await (await page.request.get(`data/${index.search}`)).json();
  await page.waitForFunction((n) => performance.getEntriesByType('resource')
    .filter((e) => /\/data\/search-\d+-[0-9a-f]+\.bin$/.test(e.name) && (e as PerformanceResourceTiming).responseEnd > 0).length >= n,
  manifest.shards.length);
}

/** The review cards in the grid. */
export const cards = (page: Page) => page.getByRole('article');
