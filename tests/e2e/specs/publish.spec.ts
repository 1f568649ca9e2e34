import { test, expect, expectFailedRequest, cards, gotoBeforeBoot } from './fixtures';
import { readFileSync } from 'node:fs';

// What `marquee build` publishes into the release build: the split dataset,
// a static page per review, feed.xml and sitemap.xml (see crates/cli/src/publish.rs).
const collection = JSON.parse(readFileSync(new URL('../../../assets/collection.json', import.meta.url), 'utf8'));
const rust = collection.reviews.find((r: { id: string }) => r.id === 'rust-and-bone-2012');
const firstWords = 'Jacques Audiard makes films about bodies under strain';

test('a prerendered review page carries the review, its metadata and JSON-LD before any script runs', async ({ request }) => {
  const response = await request.get('reviews/rust-and-bone-2012');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/html');
  const html = await response.text();
  expect(html).toContain('<title>Rust and Bone (2012) · Marquee</title>');
  expect(html).toContain('<link rel="canonical" href="https://marquee.example/marquee/reviews/rust-and-bone-2012">');
  expect(html).toContain('<meta property="og:title" content="Rust and Bone (2012): 4 stars">');
  expect(html).toContain('<meta name="twitter:card"');
  expect(html).toContain(firstWords);
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]);
  expect(ld['@type']).toBe('Review');
  expect(ld.itemReviewed).toMatchObject({ '@type': 'Movie', name: 'Rust and Bone', dateCreated: '2012', duration: 'PT120M' });
  expect(ld.reviewRating).toMatchObject({ ratingValue: 4, bestRating: 5 });
});

test('without JavaScript, the review page is still the review', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('reviews/rust-and-bone-2012');
  await expect(page.getByRole('heading', { level: 1, name: 'Rust and Bone' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Rated 4 out of 5' }).first()).toBeVisible();
  await expect(page.getByText(firstWords)).toBeVisible();
  // The spoiler is behind its button, not in the page.
  await expect(page.getByRole('button', { name: 'Show spoiler' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: '← All reviews' })).toHaveAttribute('href', '/marquee/');
  // The home page lists the newest reviews, each a link to its page.
  await page.goto('./');
  await expect(page.getByRole('article')).toHaveCount(24);
  await expect(page.getByRole('status')).toHaveText(`${collection.reviews.length} reviews`);
  await page.getByRole('article').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/marquee\/reviews\/[a-z0-9-]+$/);
  await context.close();
});

test('the app replaces the prerendered review and loads the text from its body chunk', async ({ page, problems }) => {
  const chunks: string[] = [];
  page.on('request', (r) => { if (/\/data\/bodies-\d+-[0-9a-f]+\.json$/.test(r.url())) chunks.push(r.url()); });
  await page.goto('reviews/rust-and-bone-2012');
  await expect(page.locator('.review .markdown')).toContainText(firstWords);
  await expect(page.locator('#marquee-app')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  expect(chunks).toHaveLength(1);
  expect(problems).toEqual([]);
});

test('the first screen needs only the card index; the texts follow in the background', async ({ page }) => {
  const data: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) data.push(new URL(r.url()).pathname); });
  const bodies = page.waitForResponse(/\/data\/bodies-/);
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText(`${collection.reviews.length} reviews`);
  await bodies;
  expect(data[0]).toBe('/marquee/data/cards.json');
  // After it: the texts, and the full-text index (manifest and shards).
  expect(data.slice(1).every((path) => /\/data\/(bodies|search)(-\d+)?-[0-9a-f]+\.(json|bin)$/.test(path))).toBe(true);
  // The texts are not on the first screen's path: they are asked for well after the cards arrived.
  const [cardsDone, bodiesAsked] = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const find = (part: string) => entries.find((e) => e.name.includes(part))!;
    return [find('/data/cards.json').responseEnd, find('/data/bodies-').startTime];
  });
  expect(bodiesAsked - cardsDone).toBeGreaterThan(300);
  // Search covers the texts: "Antibes" is only in a review's body.
  expect(rust.summary).not.toContain('Antibes');
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('antibes');
  await expect(page.getByRole('link', { name: 'Rust and Bone' })).toBeVisible();
});

test('a body chunk that fails to load says so, and Retry fetches it again', async ({ page, problems }) => {
  let fail = true;
  await page.route('**/data/bodies-*.json', (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  await page.goto('./');
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('rust and bone');
  await page.getByRole('link', { name: 'Rust and Bone' }).click();
  await expect(page.getByRole('alert')).toContainText('HTTP 503');
  fail = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('.review .markdown')).toContainText(firstWords);
  expectFailedRequest(problems, 503);
});

test('feed.xml is an Atom feed of the newest reviews, linking to pages that answer 200', async ({ page, request }) => {
  const response = await request.get('feed.xml');
  expect(response.status()).toBe(200);
  await page.goto('./');
  const feed = await page.evaluate(async () => {
    const doc = new DOMParser().parseFromString(await (await fetch('feed.xml')).text(), 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    const ns = 'http://www.w3.org/2005/Atom';
    const entries = [...doc.getElementsByTagNameNS(ns, 'entry')];
    return {
      root: doc.documentElement.localName,
      title: doc.getElementsByTagNameNS(ns, 'title')[0].textContent,
      entries: entries.length,
      firstLink: entries[0].getElementsByTagNameNS(ns, 'link')[0].getAttribute('href'),
      firstUpdated: entries[0].getElementsByTagNameNS(ns, 'updated')[0].textContent,
    };
  });
  expect(feed).not.toBeNull();
  expect(feed!.root).toBe('feed');
  expect(feed!.title).toBe('Marquee');
  expect(feed!.entries).toBe(Math.min(50, collection.reviews.length));
  expect(feed!.firstUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  const path = new URL(feed!.firstLink!).pathname; // https://marquee.example/marquee/reviews/<id>
  expect((await request.get(path.replace(/^\/marquee\//, ''))).status()).toBe(200);
  // Feed readers find it from the page.
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', 'feed.xml');
});

test('sitemap.xml lists the home page and every review', async ({ request }) => {
  const xml = await (await request.get('sitemap.xml')).text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs).toHaveLength(collection.reviews.length + 1);
  expect(locs[0]).toBe('https://marquee.example/marquee/');
  expect(locs).toContain(`https://marquee.example/marquee/reviews/${rust.id}`);
});

test('a large collection: the built page stays readable until the full index is in', async ({ page }) => {
  // What `marquee build` publishes past 240 reviews, made here from the bundled index:
  // data/cards.json holds the first screen and names the full index in `more`.
  const full = await (await page.request.get('data/cards.json')).json();
  const first = { ...full, reviews: full.reviews.slice(0, 10), more: 'cards-full0000.json', total: full.reviews.length };
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/cards.json', (route) => route.fulfill({ json: first }));
  await page.route('**/data/cards-full0000.json', async (route) => {
    await held;
    await route.fulfill({ json: full });
  });
  await gotoBeforeBoot(page, './');
  await expect(page.getByRole('status')).toHaveText(`${full.reviews.length} reviews`);
  await expect(page.getByRole('article')).toHaveCount(24);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.dataset.boot)).toBeUndefined();
  release();
  await expect(page.locator('html[data-boot=ready]')).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText(`${full.reviews.length} reviews`);
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toBeEnabled();
});

test('search reaches words deep in a review, fetching only the full-text index pieces it needs', async ({ page }) => {
  const pieces: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/data/search-')) pieces.push(new URL(r.url()).pathname.split('/').pop()!); });
  await page.goto('./');
  const index = await (await page.request.get('data/cards.json')).json();
  const manifest = await (await page.request.get(`data/${index.search}`)).json();
  expect(manifest.format).toBe('marquee-search/1');
  // "catacombs" is in Metropolis's text, past its excerpt: not on any card.
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('catacombs');
  await expect(page.locator('[data-full-text=ready]')).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText('1 review');
  await expect(page.getByRole('link', { name: 'Metropolis' })).toBeVisible();
  const shards = pieces.filter((p) => p.endsWith('.bin'));
  expect(pieces).toContain(index.search);
  expect(shards.length).toBeGreaterThan(0);
  expect(shards.length).toBeLessThanOrEqual(manifest.shards.length);
  expect(new Set(pieces).size).toBe(pieces.length);
});

test('a card index without a full-text index searches its cards, and says so', async ({ page }) => {
  const index = await (await page.request.get('data/cards.json')).json();
  const { search: _, ...cardsOnly } = index;
  await page.route('**/data/cards.json', (route) => route.fulfill({ json: cardsOnly }));
  await page.goto('./');
  const search = page.getByRole('searchbox', { name: 'Search reviews' });
  await expect(search).toHaveAttribute('placeholder', 'Search titles, people, excerpts…');
  await search.fill('catacombs');
  await expect(page.locator('[data-full-text=off]')).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText('0 reviews');
  await search.fill('audiard');
  await expect(page.getByRole('link', { name: 'Rust and Bone' })).toBeVisible();
  // Opening a review still fetches its text.
  await page.getByRole('link', { name: 'Rust and Bone' }).click();
  await expect(page.locator('.review .markdown')).toContainText(firstWords);
});
