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
import { spawn } from 'node:child_process';
import { ENGINE, all, cookie, eventually, freePort, one, open, problems, reload, start, status } from './engine.mjs';

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

path('a dataset named by the meta tag, with its diagnostics', async (driver) => {
  await cookie(driver, 'marquee-dataset', '/fixtures/invalid.json');
  await open(driver);
  await eventually(driver, async () => (await all(driver, 'article')).length, 2, 'the valid reviews');
  const banner = await one(driver, 'region', 'Dataset problems');
  assert.match(await banner.getText(), /3 problems \(those reviews are not shown\) and 1 warning/);
  await (await banner.findElement({ css: 'summary' })).click();
  await eventually(driver, async () => /reviews\[1\]\.rating/.test(await banner.getText()), true, 'the details');
  assert.match(await banner.getText(), /did you mean "rating"\?/);
});

path('a failed fetch says why, and Retry recovers', async (driver) => {
  await cookie(driver, 'marquee-fail', `data/cards.json~${ENGINE}-${Date.now()}`);
  await open(driver);
  const alert = await one(driver, 'alert');
  assert.match(await alert.getText(), /HTTP 500/);
  await (await one(driver, 'button', 'Retry')).click();
  await eventually(driver, () => status(driver), count(collection.reviews.length), 'the count after Retry');
});

path('with storage disabled the app works, and says ratings last this visit only', async (driver) => {
  await cookie(driver, 'marquee-storage', 'off');
  await open(driver, 'reviews/tokyo-story-1953');
  const alert = await one(driver, 'alert');
  assert.match(await alert.getText(), /not letting Marquee save anything/);
  await (await one(driver, 'radio', '4½ stars')).click();
  await eventually(driver, async () => (await one(driver, 'radio', '4½ stars')).isSelected(), true, 'the rating');
});

path('a repeat visit works offline through the service worker', async (driver) => {
  // A server of its own, to stop: WebDriver cannot take a browser offline.
  const port = await freePort();
  const server = spawn('node', [new URL('../server.mjs', import.meta.url).pathname, '--port', String(port), '--base', '/marquee/', '--probe', '1'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/marquee/`;
  try {
    await new Promise((ok) => setTimeout(ok, 500));
    await open(driver, '', base);
    // The worker takes the page over once it has cached the shell (scripts/sw-template.js).
    const controlled = () => driver.executeScript('return !!navigator.serviceWorker.controller');
    await eventually(driver, controlled, true, 'a page controlled by the service worker', 20_000);
    await open(driver, 'reviews/rust-and-bone-2012', base);
    // Both pages are in the worker's cache before the server goes (a loaded machine can be
    // slower to store them than the test is to stop the server).
    const cached = () =>
      driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
        Promise.all([location.href, new URL('../', location.href).href].map((u) => caches.match(u)))
          .then((hits) => done(hits.every(Boolean)), () => done(false));`);
    await eventually(driver, cached, true, 'both pages in the service worker cache', 20_000);
    server.kill();
    await new Promise((ok) => setTimeout(ok, 300));
    await open(driver, '', base);
    assert.equal(await status(driver), count(collection.reviews.length));
    await open(driver, 'reviews/rust-and-bone-2012', base);
    await one(driver, 'heading', 'Rust and Bone');
  } finally {
    server.kill();
  }
});
