import { test, expect, cards } from './fixtures';
import { collection, count, fold, titleKey, withGenre } from './collection';

const status = (page) => page.getByRole('status').filter({ hasText: /reviews?$/ });

test('filter by genre: counts, URL and cards agree', async ({ page }) => {
  await page.goto('./');
  const westerns = withGenre('Western');
  const genre = page.getByRole('group', { name: 'Genre' });
  await genre.getByRole('checkbox', { name: /^Western/ }).check();
  await expect(page).toHaveURL(/\?genre=western$/);
  await expect(status(page)).toHaveText(count(westerns.length));
  await expect(cards(page)).toHaveCount(westerns.length);
  for (const r of westerns) await expect(page.getByRole('heading', { name: r.title })).toBeVisible();
  // Disjunctive counts: other genres still show how many Westerns they'd add, zero-count ones are disabled.
  const musical = genre.getByRole('checkbox', { name: /^Musical/ });
  await expect(musical).toBeEnabled();
});

test('a genre with no matches under the other filters is disabled', async ({ page }) => {
  await page.goto('./?q=audiard');
  await expect(page.getByRole('group', { name: 'Genre' }).getByRole('checkbox', { name: /^Western/ })).toBeDisabled();
});

test('filter by minimum rating in half stars', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Minimum rating').selectOption({ label: `5 stars or more (${collection.reviews.filter((r) => r.rating >= 5).length})` });
  await expect(page).toHaveURL(/\?min=5$/);
  await expect(status(page)).toHaveText(count(collection.reviews.filter((r) => r.rating >= 5).length));
  await page.getByLabel('Minimum rating').selectOption('9');
  await expect(status(page)).toHaveText(count(collection.reviews.filter((r) => r.rating >= 4.5).length));
});

test('filters combine, and each can be removed as a chip', async ({ page }) => {
  await page.goto('./?genre=drama&min=4.5&from=1990&to=1999');
  const expected = withGenre('Drama').filter((r) => r.rating >= 4.5 && r.year >= 1990 && r.year <= 1999);
  await expect(status(page)).toHaveText(count(expected.length));
  await page.getByRole('button', { name: 'Remove filter: 1990–1999' }).click();
  await expect(page).toHaveURL(/\?genre=drama&min=4.5$/);
  await expect(status(page)).toHaveText(count(withGenre('Drama').filter((r) => r.rating >= 4.5).length));
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(status(page)).toHaveText(count(collection.reviews.length));
});

test('search is accent- and case-insensitive and highlights matches', async ({ page }) => {
  await page.goto('./');
  const search = page.getByRole('searchbox', { name: 'Search reviews' });
  await search.fill('stephanie');
  await expect(page.getByRole('heading', { name: 'Rust and Bone' })).toBeVisible();
  await search.fill('AMELIE');
  await expect(cards(page).first().getByRole('heading')).toHaveText('Amélie');
  await expect(cards(page).first().locator('mark').first()).toHaveText('Amélie');
  await search.fill('audiard');
  await expect(status(page)).toHaveText(count(2));
  await expect(page).toHaveURL(/q=audiard/);
});

test('sort by title ignores leading articles and accents, both ways', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Sort by').selectOption({ label: 'Title A–Z' });
  await expect(page).toHaveURL(/sort=title/);
  const sorted = [...collection.reviews].sort((a, b) => titleKey(a.title).localeCompare(titleKey(b.title), 'en'));
  await expect(cards(page).first().getByRole('heading')).toHaveText(sorted[0].title);
  await page.getByLabel('Sort by').selectOption({ label: 'Highest rated' });
  await expect(cards(page).first().locator('[role=img]')).toHaveAttribute('aria-label', 'Rated 5 out of 5');
});

test('the URL round-trips, and back/forward walk the filter history', async ({ page }) => {
  await page.goto('./?genre=drama&min=4');
  const genre = page.getByRole('group', { name: 'Genre' });
  await expect(genre.getByRole('checkbox', { name: /^Drama/ })).toBeChecked();
  await expect(page.getByLabel('Minimum rating')).toHaveValue('8');
  await genre.getByRole('checkbox', { name: /^Romance/ }).check();
  await expect(page).toHaveURL(/\?genre=drama&genre=romance&min=4$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?genre=drama&min=4$/);
  await expect(genre.getByRole('checkbox', { name: /^Romance/ })).not.toBeChecked();
  await page.goForward();
  await expect(genre.getByRole('checkbox', { name: /^Romance/ })).toBeChecked();
});

test('card links carry the current query, even for cards that stay on screen', async ({ page }) => {
  await page.goto('./?sort=title');
  const first = cards(page).first();
  const title = await first.getByRole('heading').textContent();
  await expect(first.getByRole('link')).toHaveAttribute('href', /\?sort=title$/);
  await page.getByLabel('Minimum rating').selectOption('1');
  await expect(page).toHaveURL(/\?min=0.5&sort=title$/);
  await expect(cards(page).first().getByRole('heading')).toHaveText(title!);
  await expect(cards(page).first().getByRole('link')).toHaveAttribute('href', /\?min=0.5&sort=title$/);
});

test('a keystroke that keeps a card on screen keeps its element: only new cards are built', async ({ page }) => {
  await page.goto('./');
  const search = page.getByRole('searchbox', { name: 'Search reviews' });
  await search.fill('audiar');
  await expect(page.locator('.result-count')).toHaveText(/reviews?$/);
  await expect(cards(page).first()).toBeVisible();
  // Each card on screen is marked; one more letter gives the same answer.
  const before = await cards(page).evaluateAll((all) => all.map((card) => {
    (card as HTMLElement).dataset.seen = 'yes';
    return card.textContent;
  }));
  expect(before.length).toBeGreaterThan(1);
  await search.press('d');
  await expect(page).toHaveURL(/q=audiard/);
  const after = await cards(page).evaluateAll((all) => all.map((card) => [card.textContent, (card as HTMLElement).dataset.seen]));
  expect(after.map(([text]) => text)).toEqual(before);
  expect(after.filter(([, seen]) => seen !== 'yes'), 'cards built again').toEqual([]);
});

test('typing a search adds one history entry, not one per keystroke', async ({ page }) => {
  await page.goto('./?genre=drama');
  await page.getByRole('searchbox', { name: 'Search reviews' }).pressSequentially('audiard', { delay: 20 });
  await expect(page).toHaveURL(/q=audiard/);
  await page.goBack();
  await expect(page).toHaveURL(/\?genre=drama$/);
  await expect(page.getByRole('searchbox', { name: 'Search reviews' })).toHaveValue('');
});

test('garbled URL parameters are ignored, not fatal', async ({ page }) => {
  await page.goto('./?min=banana&genre=&sort=-nope&from=99999&utm_source=x&q=%E2%28');
  await expect(cards(page).first()).toBeVisible();
});

test('empty results say which filter to clear and how many that brings back', async ({ page }) => {
  await page.goto('./?genre=western&min=5');
  await expect(page.getByRole('heading', { name: 'No reviews match' })).toBeVisible();
  const westerns = withGenre('Western').length;
  await page.getByRole('button', { name: `Clear the rating filter (${westerns} more)` }).click();
  await expect(status(page)).toHaveText(count(westerns));
});

test('surprise me picks from the results, and the link gives the same pick', async ({ page }) => {
  await page.goto('./?genre=drama');
  await page.getByRole('button', { name: 'Surprise me' }).click();
  await expect(page).toHaveURL(/pick=\d+/);
  const pick = page.getByRole('region', { name: 'Your surprise pick' });
  const title = await pick.getByRole('heading', { level: 2 }).last().textContent();
  expect(withGenre('Drama').map((r) => r.title)).toContain(title);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Your surprise pick' }).getByRole('heading', { name: title! })).toBeVisible();
});

test('only the cards near the viewport are in the DOM', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?sort=title');
  await expect(cards(page).first()).toBeVisible();
  const rendered = await cards(page).count();
  expect(rendered).toBeLessThan(collection.reviews.length / 2);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const last = [...collection.reviews].sort((a, b) => titleKey(a.title).localeCompare(titleKey(b.title), 'en')).at(-1)!;
  await expect(page.getByRole('heading', { name: last.title })).toBeVisible();
  expect(await cards(page).count()).toBeLessThan(collection.reviews.length / 2);
});

test('on a narrow screen the filters fold into a panel', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./');
  const toggle = page.getByRole('button', { name: 'Filters' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('group', { name: 'Genre' })).toBeHidden();
  await toggle.click();
  await expect(page.getByRole('group', { name: 'Genre' })).toBeVisible();
  await page.getByRole('group', { name: 'Genre' }).getByRole('checkbox', { name: /^Documentary/ }).check();
  await expect(status(page)).toHaveText(count(withGenre('Documentary').length));
  expect(fold('Documentary')).toBe('documentary');
});

test('on a phone the filters are a modal sheet: focus goes in and stays, Esc and Close close it, its footer shows the count', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('./');
  const toggle = page.getByRole('button', { name: 'Filters', exact: true });
  await toggle.click();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toHaveAttribute('aria-modal', 'true');
  const close = sheet.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  // From the first control Shift+Tab goes to the last, and Tab from the last to the first.
  await page.keyboard.press('Shift+Tab');
  const show = sheet.getByRole('button', { name: count(collection.reviews.length).replace(/^/, 'Show ') });
  await expect(show).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(toggle).toBeFocused();

  await toggle.click();
  await sheet.getByRole('group', { name: 'Genre' }).getByRole('checkbox', { name: /^Documentary/ }).check();
  const showing = sheet.getByRole('button', { name: `Show ${count(withGenre('Documentary').length)}` });
  await expect(showing).toBeVisible();
  await showing.click();
  await expect(sheet).toBeHidden();
  const counted = page.getByRole('button', { name: 'Filters · 1' });
  await expect(counted).toBeFocused();
  await counted.click();
  await close.click();
  await expect(counted).toBeFocused();
});

test('runtime is a group of chips: one choice at a time, counted, in the URL', async ({ page }) => {
  await page.goto('./');
  const runtime = page.getByRole('group', { name: 'Runtime' });
  const short = collection.reviews.filter((r) => r.runtime_minutes !== undefined && r.runtime_minutes < 90).length;
  const under = runtime.getByRole('radio', { name: `Under 90 minutes ${short}` });
  await under.check();
  await expect(page).toHaveURL(/\?runtime=-89$/);
  await expect(status(page)).toHaveText(count(short));
  await expect(runtime.getByRole('radio', { checked: true })).toHaveCount(1);
  await runtime.getByRole('radio', { name: 'Any length' }).check();
  await expect(page).toHaveURL(/\/marquee\/$/);
});

for (const [width, columns] of [[375, 2], [1280, 6]] as const) {
  test(`the poster wall at ${width} px: ${columns} columns, in the URL, remembered, windowed`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('./');
    const view = page.getByRole('group', { name: 'View' });
    await view.getByRole('button', { name: 'Posters' }).click();
    await expect(view.getByRole('button', { name: 'Posters' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/\?view=posters$/);
    const tiles = page.locator('.poster-card');
    await expect(tiles.first()).toBeVisible();
    const tracks = await page.locator('.review-grid__window').evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(tracks).toBe(columns);
    // Each tile is an article named by its title's link, with the year and the stars beneath.
    const first = page.getByRole('article').first();
    await expect(first.getByRole('heading').getByRole('link')).toBeVisible();
    await expect(first.getByRole('img', { name: /^Rated / })).toBeVisible();
    // Only the rows near the viewport are in the DOM.
    expect(await tiles.count()).toBeLessThan(collection.reviews.length);
    // Remembered: the next visit to a plain address shows the wall again.
    await page.goto('./');
    await expect(page).toHaveURL(/\?view=posters$/);
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
    await expect(page).toHaveURL(/\/marquee\/$/);
    await expect(page.locator('.review-card').first()).toBeVisible();
  });
}

for (const view of ['list', 'posters'] as const) {
  test(`10,000 reviews stay windowed in the ${view} view: a few dozen in the DOM, the last one reachable`, async ({ page }) => {
    test.setTimeout(60_000);
    // A dataset of 10,000 reviews in place of the card index (the app reads either).
    const reviews = Array.from({ length: 10_000 }, (_, i) => ({
      id: `film-${i}`, title: `Film ${String(i).padStart(5, '0')}`, year: 1950 + (i % 70), directors: ['A. Director'],
      genres: ['Drama'], rating: 1 + (i % 5), body: 'A review.',
    }));
    const body = JSON.stringify({ format: 'marquee/1', reviews });
    await page.route('**/data/cards.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`./?sort=title${view === 'posters' ? '&view=posters' : ''}`);
    const items = page.locator(view === 'posters' ? '.poster-card' : '.review-card');
    await expect(items.first()).toBeVisible();
    expect(await items.count()).toBeLessThan(100);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.getByRole('heading', { name: 'Film 09999' })).toBeVisible();
    expect(await items.count()).toBeLessThan(100);
  });
}
