import { test, expect, gotoBeforeBoot } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Every page arrives as HTML drawn by the app's own components (`marquee build`),
// and the app takes it over when it has booted (src/boot.rs) without moving anything.
const collection = JSON.parse(readFileSync(new URL('../../../assets/collection.json', import.meta.url), 'utf8'));
const firstWords = 'Jacques Audiard makes films about bodies under strain';
const PAGES = [
  ['home', './'],
  ['review', 'reviews/rust-and-bone-2012'],
] as const;

/** A screenshot of `path`, before any wasm runs (its request blocked) or once the app has taken over. */
async function screenshot(browser: Browser, baseURL: string, path: string, opts: { scheme: 'light' | 'dark'; width: number; booted: boolean }) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: opts.width, height: 800 },
    colorScheme: opts.scheme,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  if (opts.booted) {
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
  } else {
    await page.route('**/*.wasm', (route) => route.abort());
  }
  await page.goto(path);
  if (opts.booted) await page.waitForFunction(() => document.documentElement.dataset.boot === 'ready');
  await page.evaluate(() => document.fonts.ready);
  // Two frames: the grid measures itself on the first after the takeover.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(200);
  const png = await page.screenshot();
  expect(problems).toEqual([]);
  await context.close();
  return png;
}

/** The share of pixels that differ between two same-sized PNGs, counted in a blank page's canvas. */
async function differing(page: Page, a: Buffer, b: Buffer): Promise<number> {
  await page.goto('about:blank');
  return page.evaluate(async ([a, b]) => {
    const load = (src: string) =>
      new Promise<HTMLImageElement>((done, fail) => {
        const img = new Image();
        img.onload = () => done(img);
        img.onerror = fail;
        img.src = src;
      });
    const pixels = (img: HTMLImageElement) => {
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [x, y] = await Promise.all([load(a), load(b)]);
    if (x.width !== y.width || x.height !== y.height) return 1;
    const [p, q] = [pixels(x), pixels(y)];
    let changed = 0;
    for (let i = 0; i < p.length; i += 4) {
      if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 24) changed += 1;
    }
    return changed / (p.length / 4);
  }, [a, b].map((png) => `data:image/png;base64,${png.toString('base64')}`));
}

for (const [name, path] of PAGES) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [375, 1280]) {
      test(`the ${name} page does not move when the app takes over (${scheme}, ${width} px)`, async ({ browser, baseURL, page }) => {
        const before = await screenshot(browser, baseURL!, path, { scheme, width, booted: false });
        const after = await screenshot(browser, baseURL!, path, { scheme, width, booted: true });
        const share = await differing(page, before, after);
        test.info().annotations.push({ type: 'pixels changed', description: `${(share * 100).toFixed(3)}%` });
        expect(share).toBeLessThanOrEqual(0.01);
      });
    }
  }
}

test('a URL with a query never shows the default results as its answer', async ({ browser, baseURL, page }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const before = await context.newPage();
  await before.route('**/*.wasm', (route) => route.abort());
  await before.goto('./?genre=western');
  await expect(before.getByRole('region', { name: 'Results' })).toHaveAttribute('aria-busy', 'true');
  await expect(before.getByRole('status')).toHaveText('Filtering…');
  await expect(before.getByRole('article')).toHaveCount(0);
  await context.close();

  await page.goto('./?genre=western');
  await expect(page.getByRole('status')).toHaveText('2 reviews');
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Results' })).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('checkbox', { name: /Western/ })).toBeChecked();
});

test('the HTTP response carries each page\'s content, outside <noscript>', async ({ request }) => {
  const expected: [string, string[]][] = [
    ['./', [`${collection.reviews.length} reviews`, 'The Zone of Interest', 'Genre']],
    ['reviews/rust-and-bone-2012', ['Rust and Bone', firstWords, 'Your rating', 'Jacques Audiard']],
    ['no/such/page', ['Page not found']],
  ];
  for (const [path, texts] of expected) {
    const html = await (await request.get(path)).text();
    const visible = html.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
    const app = visible.slice(visible.search(/<div[^>]*\sid="?marquee-app"?/));
    expect(app.length, path).toBeGreaterThan(1000);
    for (const text of texts) expect(app, `${path}: ${text}`).toContain(text);
    expect(visible, path).not.toMatch(/<[^>]+\sstyle=/);
  }
});

test('booting on a prerendered page reports no CSP violation and no console error', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  for (const path of ['./', 'reviews/rust-and-bone-2012', './?genre=drama', 'no/such/page']) {
    await page.goto(path);
    await expect(page.locator('html[data-boot=ready]')).toHaveCount(1);
    expect(await page.evaluate(() => (window as any).__csp), path).toEqual([]);
  }
});

test('text typed into the search box before the app has booted is kept, and applied', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/cards.json', async (route) => {
    await held;
    await route.continue();
  });
  await gotoBeforeBoot(page, './');
  const search = page.getByRole('searchbox', { name: 'Search reviews' });
  await search.fill('audiard');
  release();
  await expect(page.locator('html[data-boot=ready]')).toHaveCount(1);
  await expect(search).toHaveValue('audiard');
  await expect(search).toBeFocused();
  await expect(page).toHaveURL(/\?q=audiard$/);
  await expect(page.getByRole('link', { name: 'Rust and Bone' })).toBeVisible();
});
