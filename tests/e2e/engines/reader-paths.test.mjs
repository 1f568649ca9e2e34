// The reader paths of specs/ (Playwright, Chromium), in Firefox and WebKit over
// WebDriver: the same paths, found by roles and names. Each test has a fresh
// browser (so a fresh profile) and fails on a console error, an uncaught
// exception or a CSP violation (tests/e2e/fixtures/probe.js).
//
//   ENGINE=firefox node --test engines/        (tests/e2e/engines/run.sh serves the site)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Key } from 'selenium-webdriver';
import { ENGINE, all, eventually, one, open, problems, reload, start, status } from './engine.mjs';

const collection = JSON.parse(readFileSync(new URL('../../../assets/collection.json', import.meta.url), 'utf8'));
const count = (n) => (n === 1 ? '1 review' : `${n} reviews`);
const withGenre = (genre) => collection.reviews.filter((r) => r.genres.includes(genre));
const query = async (driver) => new URL(await driver.getCurrentUrl()).search;

/** A reader path in a fresh browser, which must end without a problem. */
function path(name, body) {
  test(`${ENGINE}: ${name}`, { timeout: 90_000 }, async () => {
    const driver = await start();
    try {
      await body(driver);
      assert.deepEqual(await problems(driver), [], 'console errors, uncaught exceptions or CSP violations');
    } finally {
      await driver.quit();
    }
  });
}

path('the home page renders the bundled collection, under the strict CSP', async (driver) => {
  await open(driver);
  assert.equal(await status(driver), count(collection.reviews.length));
  // The grid renders the rows near the viewport (src/components/review_grid.rs).
  assert.ok((await all(driver, 'article')).length >= 6);
  const csp = await driver.executeScript(
    "return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? ''",
  );
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
});

path('genre and minimum-rating filters, with their counts', async (driver) => {
  await open(driver);
  const westerns = withGenre('Western');
  const western = () => one(driver, 'checkbox', new RegExp(`^Western\\b.*${westerns.length}`));
  await (await western()).click();
  await eventually(driver, () => status(driver), count(westerns.length), 'the count for Western');
  await eventually(driver, () => query(driver), '?genre=western', 'the URL');
  await (await western()).click();
  await eventually(driver, () => status(driver), count(collection.reviews.length), 'all again');
  const select = await one(driver, 'combobox', 'Minimum rating');
  await select.findElement({ css: 'option[value="9"]' }).click();
  const good = collection.reviews.filter((r) => r.rating >= 4.5).length;
  await eventually(driver, () => status(driver), count(good), 'the count for 4½ stars or more');
  await eventually(driver, () => query(driver), '?min=4.5', 'the URL');
});

path('search ignores accents and case', async (driver) => {
  await open(driver);
  await (await one(driver, 'searchbox', 'Search reviews')).sendKeys('AMELIE');
  await eventually(driver, () => status(driver), '1 review', 'the count');
  const [card] = await all(driver, 'article');
  assert.equal(await (await card.findElement({ css: 'h2, h3' })).getText(), 'Amélie');
});

path('the URL state survives a reload and walks back and forward', async (driver) => {
  await open(driver, '?genre=western');
  const westerns = count(withGenre('Western').length);
  assert.equal(await status(driver), westerns);
  await (await one(driver, 'checkbox', /^Romance\b/)).click();
  await eventually(driver, () => query(driver), '?genre=romance&genre=western', 'the URL after a second genre (in a canonical order)');
  const both = await status(driver);
  await driver.navigate().back();
  await eventually(driver, () => query(driver), '?genre=western', 'the URL after back');
  await eventually(driver, () => status(driver), westerns, 'the count after back');
  await driver.navigate().forward();
  await eventually(driver, () => status(driver), both, 'the count after forward');
  await reload(driver);
  await eventually(driver, () => status(driver), both, 'the count after a reload');
});

path('a deep link opens the review', async (driver) => {
  await open(driver, 'reviews/rust-and-bone-2012');
  assert.equal(await (await one(driver, 'heading', 'Rust and Bone')).getTagName(), 'h1');
  await one(driver, 'link', '← All reviews');
});

path('a spoiler stays hidden until revealed', async (driver) => {
  await open(driver, 'reviews/rust-and-bone-2012');
  const text = () => driver.executeScript("return document.querySelector('.review .markdown').innerText");
  assert.doesNotMatch(await text(), /frozen lake/);
  const toggle = await one(driver, 'button', 'Show spoiler');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  await eventually(driver, async () => /frozen lake/.test(await text()), true, 'the revealed spoiler');
  assert.equal(await (await one(driver, 'button', 'Hide spoiler')).getAttribute('aria-expanded'), 'true');
});

path('rating with the keyboard, kept across a reload', async (driver) => {
  await open(driver, 'reviews/tokyo-story-1953');
  const half = await one(driver, 'radio', '½ star');
  await driver.executeScript('arguments[0].focus()', half);
  await driver.actions().sendKeys(Key.SPACE).perform();
  for (let i = 0; i < 6; i++) await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
  const checked = async () => (await one(driver, 'radio', '3½ stars')).isSelected();
  await eventually(driver, checked, true, '3½ stars checked');
  await reload(driver);
  await eventually(driver, checked, true, '3½ stars checked after a reload');
});

path('the watchlist', async (driver) => {
  await open(driver, 'reviews/m-1931');
  await (await one(driver, 'button', 'Add to watchlist')).click();
  await one(driver, 'button', 'Remove from watchlist');
  await open(driver, '?mine=watchlist');
  await eventually(driver, () => status(driver), '1 review', 'the watchlist filter');
});

path('ratings go out as Letterboxd CSV and come back in', async (driver) => {
  await open(driver, 'reviews/rust-and-bone-2012');
  await (await one(driver, 'radio', '3½ stars')).click();
  await open(driver);
  // The file the app hands the browser, read where the app makes it.
  await driver.executeScript(`
    window.__downloads = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__downloads.push(blob); return make.call(URL, blob); };`);
  await (await one(driver, 'button', 'Export CSV (Letterboxd)')).click();
  const csv = await driver.executeAsyncScript('const done = arguments[0]; window.__downloads[0].text().then(done)');
  assert.match(csv, /^Date,Name,Year,Letterboxd URI,Rating\r\n/);
  assert.match(csv, /^\d{4}-\d{2}-\d{2},Rust and Bone,2012,,3\.5$/m);

  const fresh = await start();
  try {
    await open(fresh);
    const file = join(mkdtempSync(join(tmpdir(), 'marquee-')), 'ratings.csv');
    writeFileSync(file, csv);
    const input = await fresh.findElement({ css: 'input[type=file]' });
    await input.sendKeys(file);
    await eventually(fresh, async () => (await fresh.findElement({ css: '.your-data__report' }).getText()).includes('Imported 1 ratings.'), true, 'the import report');
    await open(fresh, 'reviews/rust-and-bone-2012');
    await eventually(fresh, async () => (await one(fresh, 'radio', '3½ stars')).isSelected(), true, 'the imported rating');
    assert.deepEqual(await problems(fresh), []);
  } finally {
    await fresh.quit();
  }
});

path('typing a long query fast filters as it goes and writes history rarely', async (driver) => {
  await open(driver);
  await driver.executeScript(`
    window.__writes = 0;
    for (const name of ['pushState', 'replaceState']) {
      const original = history[name].bind(history);
      history[name] = (...args) => { window.__writes++; return original(...args); };
    }`);
  const text = 'the silent river of golden summer and the lost northern lights over a quiet winter town '.repeat(2).slice(0, 120);
  await (await one(driver, 'searchbox', 'Search reviews')).sendKeys(text);
  await eventually(driver, () => query(driver), `?q=${encodeURIComponent(text).replace(/%20/g, '+')}`, 'the URL after the pause', 15_000);
  const writes = await driver.executeScript('return window.__writes');
  assert.ok(writes <= 10, `${writes} history writes for 120 characters`);
  assert.equal(await status(driver), '0 reviews');
});
