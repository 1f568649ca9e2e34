// Marquee's real-browser benchmark. `./dev bench` builds the release site and runs this.
//
//   node bench.mjs [--sizes 1000,10000,100000] [--runs 5] [--interactions 30] [--no-lighthouse] [--lighthouse-runs 3] [--boot-loads 20]
//
// For each size it writes a synthetic dataset with the catalog's generator (`marquee synth`),
// publishes it into a copy of dist-bench/ (the app built with the `bench` feature's exports;
// `marquee build --data-only`), serves that under /marquee/ on 127.0.0.1 (tests/e2e/server.mjs,
// which behaves like GitHub Pages), and drives Debian's headless Chromium with Playwright and
// the DevTools protocol. It prints a Markdown table and writes bench-results/bench.json. What each number means is in README.md ("Benchmarks").
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCompute, measureParse } from './compute.mjs';
import { measureInteractions } from './interactions.mjs';
import { gz, median, options } from './util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const dist = join(root, 'dist');
// The same app with the `bench` feature's exports (marquee_bench_*), which the size sites run.
const distBench = join(root, 'dist-bench');
const out = join(root, 'bench-results');

const opts = options({
  sizes: { type: 'string', default: '1000,10000,100000' },
  runs: { type: 'string', default: '5' },
  interactions: { type: 'string', default: '30' },
  'no-lighthouse': { type: 'boolean', default: false },
  'lighthouse-runs': { type: 'string', default: '3' },
  'boot-loads': { type: 'string', default: '20' },
}, 'node bench.mjs [--sizes 1000,10000,100000] [--runs 5] [--interactions 30] [--no-lighthouse] [--lighthouse-runs 3] [--boot-loads 20]');
const sizes = opts.sizes.split(',').filter(Boolean).map(Number);
const runs = Number(opts.runs);
const interactions = Number(opts.interactions);
const lighthouse = !opts['no-lighthouse'];
const lighthouseRuns = Number(opts['lighthouse-runs']);
const bootLoads = Number(opts['boot-loads']);

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info',
];

const log = (...m) => console.error('bench:', ...m);

function marquee(...cliArgs) {
  execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'marquee-cli', '--', ...cliArgs], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** wasm + JS + CSS of the release build, raw and gzip -9. */
function codeBytes() {
  const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f));
  const sum = (pick) => files.filter(pick).reduce((n, f) => n + readFileSync(join(dist, f)).length, 0);
  const sumGz = (pick) => files.filter(pick).reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0);
  const code = (f) => /\.(wasm|js)$/.test(f);
  const css = (f) => f.endsWith('.css');
  return { codeRaw: sum(code), codeGz: sumGz(code), cssRaw: sum(css), cssGz: sumGz(css) };
}

/** A copy of dist-bench/ publishing a synthetic dataset of `size` reviews, and the peers' files. */
function prepareSite(size) {
  const site = join(out, `site-${size}`);
  const data = join(out, `synth-${size}.json`);
  if (!existsSync(data)) marquee('synth', String(size), '-o', data, '--seed', '42');
  rmSync(site, { recursive: true, force: true });
  cpSync(distBench, site, { recursive: true, filter: (src) => !src.startsWith(join(distBench, 'reviews')) });
  marquee('build', '--dist', site, '--dataset', data, '--data-only');
  mkdirSync(join(site, 'bench'), { recursive: true });
  cpSync(data, join(site, 'bench', 'full.json'));
  cpSync(join(here, 'node_modules/minisearch/dist/umd/index.js'), join(site, 'bench', 'minisearch.js'));
  cpSync(join(here, 'node_modules/itemsjs/dist/index.umd.js'), join(site, 'bench', 'itemsjs.js'));
  return site;
}

async function serve(site, port) {
  const server = spawn('node', [join(root, 'tests/e2e/server.mjs'), '--dist', site, '--port', String(port)], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/marquee/`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`the server for ${site} did not start`);
}

/** Resolves, in the page, with performance.now() at the first paint that shows a review card. */
const FIRST_CARD = () => {
  window.__firstCard = new Promise((resolve) => {
    const seen = () => document.querySelector('article.review-card');
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      window.__firstCardInserted = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  // The boot's long tasks, and when the app took the prerendered page over (src/boot.rs).
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__takeover = new Promise((resolve) => {
    const check = () => (document.documentElement?.dataset.boot === 'ready' ? resolve(performance.now()) : setTimeout(check, 5));
    check();
  });
};

/**
 * The page's long tasks, split where the wasm had arrived: `boot` from then on (compiling and
 * instantiating it included), `before` earlier. Before it, the browser lays out and paints the
 * prerendered HTML: the page itself, not the boot, and a page of plain HTML has the same task.
 */
function longTasks(page) {
  return page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    const from = wasm ? wasm.responseEnd : 0;
    const durations = (keep) => window.__longTasks.filter(keep).map((t) => t.duration);
    return { boot: durations((t) => t.start >= from), before: durations((t) => t.start < from) };
  });
}

/** Cold loads: time to first card, and the data it needed (gzip bytes). */
async function coldLoads(browser, base, site) {
  const times = [];
  const takeovers = [];
  const longest = [];
  const beforeBoot = [];
  let firstScreen = null;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(FIRST_CARD);
    await page.goto(base, { waitUntil: 'commit' });
    const painted = await page.evaluate(() => window.__firstCard);
    times.push(painted);
    takeovers.push(await page.evaluate(() => window.__takeover));
    await page.waitForTimeout(1000);
    const tasks = await longTasks(page);
    longest.push(Math.max(0, ...tasks.boot));
    beforeBoot.push(Math.max(0, ...tasks.before));
    // The data that had arrived when the first card went into the page: what the first screen needed.
    const before = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/marquee/data/') && e.responseEnd <= window.__firstCardInserted)
      .map((e) => new URL(e.name).pathname));
    firstScreen ??= before.reduce((n, path) => n + gz(readFileSync(join(site, path.replace('/marquee/', '')))), 0);
    await context.close();
  }
  return {
    firstCardMs: median(times), firstCardRuns: times, firstScreenGz: firstScreen,
    takeoverMs: median(takeovers), longestBootTaskMs: median(longest), longestBootTaskRuns: longest,
    longestTaskBeforeBootMs: median(beforeBoot),
  };
}

/** The boot's long tasks (from the wasm's arrival on), in one cold load of `url`. */
async function bootLongTasks(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(FIRST_CARD);
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('html[data-boot=ready]').waitFor();
  await page.waitForTimeout(1000);
  const { boot } = await longTasks(page);
  await context.close();
  return boot;
}

/**
 * Many cold loads of each page, taken in turn: in how many of them the boot had a task over
 * 50 ms, and how long those were. A median of a few loads hides a boot that blocks now and then.
 */
async function bootTaskShare(browser, urls, loads) {
  const result = Object.fromEntries(Object.keys(urls).map((k) => [k, { loads, withLongTask: 0, longTasksMs: [] }]));
  for (let i = 0; i < loads; i++) {
    for (const [name, url] of Object.entries(urls)) {
      const tasks = await bootLongTasks(browser, url);
      if (tasks.length) result[name].withLongTask++;
      result[name].longTasksMs.push(...tasks.map(Math.round));
    }
  }
  for (const r of Object.values(result)) r.longTasksMs.sort((a, b) => a - b);
  return result;
}

/**
 * The first full-text query of a fresh visit, once the app has booted: the time from typing the
 * word to results that cover the full text, and the full-text index pieces it fetched (gzip).
 */
async function firstSearch(browser, base, site, word = 'river') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.locator('html[data-boot=ready]').waitFor();
  const search = page.getByRole('searchbox', { name: 'Search reviews' });
  const start = await page.evaluate(() => performance.now());
  await search.fill(word);
  await page.locator('[data-full-text=ready], [data-full-text=off]').waitFor({ timeout: 60_000 });
  const end = await page.evaluate(() => performance.now());
  const pieces = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/marquee/data/search-')).map((e) => new URL(e.name).pathname));
  const coverage = await page.locator('[data-full-text]').getAttribute('data-full-text');
  await context.close();
  const bytesGz = pieces.reduce((n, path) => n + gz(readFileSync(join(site, path.replace('/marquee/', '')))), 0);
  return { word, ms: end - start, pieces: pieces.length, bytesGz, coverage };
}

/** History writes (pushState + replaceState) while 100 characters are typed fast into the search box. */
async function historyWrites(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.locator('html[data-boot=ready]').waitFor();
  await page.evaluate(() => {
    window.__writes = 0;
    for (const name of ['pushState', 'replaceState']) {
      const original = history[name].bind(history);
      history[name] = (...args) => { window.__writes++; return original(...args); };
    }
  });
  const text = 'the silent river of golden summer and the lost northern lights over a quiet winter town, a long day'.slice(0, 100);
  await page.getByRole('searchbox', { name: 'Search reviews' }).pressSequentially(text, { delay: 15 });
  await page.waitForTimeout(800);
  const writes = await page.evaluate(() => window.__writes);
  await context.close();
  return writes;
}

/**
 * JS heap and wasm linear memory of a fresh visit that has searched the full text and
 * filtered, after a GC. The page is driven with page.evaluate alone: a Playwright
 * locator would inject Playwright's own script (about 1 MB of heap) into the page it measures.
 */
async function memory(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  const until = async (check, what) => {
    for (let i = 0; !(await page.evaluate(check)); i++) {
      if (i === 600) throw new Error(`memory: no ${what} after 60 s`);
      await page.waitForTimeout(100);
    }
  };
  const type = (text) => page.evaluate((value) => {
    const box = document.querySelector('input[type=search]');
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.goto(base);
  await until(() => document.documentElement.dataset.boot === 'ready', 'takeover');
  for (const text of ['silent', 'silent river', 'golden summer']) {
    await type(text);
    await page.waitForTimeout(300);
  }
  await until(() => document.querySelector('[data-full-text=ready], [data-full-text=off]'), 'full-text answer');
  await type('');
  await until(() => document.querySelector('.filter-panel input[type=checkbox]'), 'genre checkbox');
  await page.evaluate(() => document.querySelector('.filter-panel input[type=checkbox]').click());
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  await context.close();
  return { jsHeap: usedSize, wasmMemory: wasm };
}

/** One Lighthouse run (performance only), as Lighthouse's CLI reports it. */
function lighthouseOnce(url, preset) {
  const flags = ['--only-categories=performance', '--output=json', '--quiet', `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`];
  if (preset === 'desktop') flags.push('--preset=desktop');
  const json = execFileSync('node', [join(here, 'node_modules/lighthouse/cli/index.js'), url, ...flags], {
    env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'],
  });
  const report = JSON.parse(json.toString());
  const audit = (id) => report.audits[id]?.numericValue;
  return { score: Math.round(report.categories.performance.score * 100), fcpMs: audit('first-contentful-paint'), lcpMs: audit('largest-contentful-paint'), tbtMs: audit('total-blocking-time'), cls: audit('cumulative-layout-shift') };
}

/** The median of `lighthouseRuns` Lighthouse runs: the run with the median score. */
async function runLighthouse(url, preset) {
  try {
    const all = Array.from({ length: lighthouseRuns }, () => lighthouseOnce(url, preset)).sort((a, b) => a.score - b.score);
    return { ...all[(all.length - 1) >> 1], scores: all.map((r) => r.score) };
  } catch (e) {
    return { error: String(e.message).split('\n')[0] };
  }
}

async function main() {
  for (const d of [dist, distBench]) if (!existsSync(join(d, 'index.html'))) throw new Error(`no release build in ${d}: run ./dev bench (it builds first)`);
  mkdirSync(out, { recursive: true });
  const result = { date: new Date().toISOString(), chromium: execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(), code: codeBytes(), sizes: [] };
  log(`code: ${result.code.codeGz} B gz (wasm + JS), CSS ${result.code.cssGz} B gz`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let port = 4190;
  for (const size of sizes) {
    log(`${size} reviews: preparing`);
    const site = prepareSite(size);
    const server = await serve(site, ++port);
    const base = `http://127.0.0.1:${port}/marquee/`;
    try {
      const row = { size, ...(await coldLoads(browser, base, site)) };
      log(`${size}: first card ${row.firstCardMs.toFixed(0)} ms, takeover ${row.takeoverMs.toFixed(0)} ms, longest boot task ${row.longestBootTaskMs.toFixed(0)} ms (${row.longestBootTaskRuns.map((x) => x.toFixed(0)).join(', ')}; before the wasm: ${row.longestTaskBeforeBootMs.toFixed(0)} ms), first-screen data ${row.firstScreenGz} B gz`);
      row.firstSearch = await firstSearch(browser, base, site);
      row.memory = await memory(browser, base);
      row.historyWritesPer100Chars = await historyWrites(browser, base);
      log(`${size}: first full-text query`, JSON.stringify(row.firstSearch));
      if (lighthouse && size === 10000) {
        log('Lighthouse mobile at 10,000 reviews');
        row.lighthouseMobile = await runLighthouse(base, 'mobile');
      }
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.addInitScript(FIRST_CARD);
      await page.goto(base);
      await page.evaluate(() => window.__firstCard);
      row.interactions = await measureInteractions(page, interactions);
      log(`${size}: interactions`, JSON.stringify(row.interactions));
      row.compute = await measureCompute(page, size);
      row.parse = await measureParse(page, size);
      log(`${size}: parse`, JSON.stringify(row.parse));
      log(`${size}: compute`, JSON.stringify(row.compute.totals));
      await context.close();
      result.sizes.push(row);
    } finally {
      server.kill();
    }
  }
  await browser.close();
  const server = await serve(dist, ++port);
  const url = `http://127.0.0.1:${port}/marquee/`;
  const review = `${url}reviews/rust-and-bone-2012`;
  if (bootLoads > 0) {
    log(`boot long tasks on the bundled collection: ${bootLoads} cold loads of each page`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    result.bootTasks = await bootTaskShare(browser, { home: url, review }, bootLoads);
    await browser.close();
    log('boot long tasks', JSON.stringify(result.bootTasks));
  }
  if (lighthouse) {
    log(`Lighthouse on the bundled collection (median of ${lighthouseRuns})`);
    result.lighthouse = {
      mobile: await runLighthouse(url, 'mobile'),
      desktop: await runLighthouse(url, 'desktop'),
      reviewMobile: await runLighthouse(review, 'mobile'),
      reviewDesktop: await runLighthouse(review, 'desktop'),
    };
  }
  server.kill();
  writeFileSync(join(out, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(table(result));
  log(`wrote ${join(out, 'bench.json')}`);
}

const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
const ms = (x) => (x == null || Number.isNaN(x) ? '–' : x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
const ratio = (a, b) => (a > 0 && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function table(r) {
  const lines = [];
  lines.push(`Code: wasm + JS ${kb(r.code.codeGz)} gz (${kb(r.code.codeRaw)} raw); CSS ${kb(r.code.cssGz)} gz (${kb(r.code.cssRaw)} raw). ${r.chromium}.`, '');
  lines.push('| measure | ' + r.sizes.map((s) => `${s.size.toLocaleString('en')} reviews`).join(' | ') + ' |');
  lines.push('|---|' + r.sizes.map(() => '---').join('|') + '|');
  const row = (name, f) => lines.push(`| ${name} | ${r.sizes.map(f).join(' | ')} |`);
  row('first-screen data (gzip)', (s) => kb(s.firstScreenGz));
  row(`time to first card, cold (median of ${runs})`, (s) => ms(s.firstCardMs));
  row(`time to the app's takeover / longest boot task (median; loads with one over 50 ms)`, (s) => `${ms(s.takeoverMs)} / ${ms(s.longestBootTaskMs)} (${s.longestBootTaskRuns.filter((t) => t > 50).length} of ${s.longestBootTaskRuns.length})`);
  for (const kind of ['typing', 'genre', 'rating']) {
    row(`keystroke→paint, ${kind} (median / p95)`, (s) => `${ms(s.interactions[kind].median)} / ${ms(s.interactions[kind].p95)}`);
  }
  row('memory: JS heap + wasm (÷ card index as JSON, ÷ as published)', (s) => {
    const total = s.memory.jsHeap + s.memory.wasmMemory;
    return `${kb(s.memory.jsHeap)} + ${kb(s.memory.wasmMemory)} (${ratio(total, s.parse.bytes)}, ${ratio(total, s.parse.binBytes ?? s.parse.bytes)})`;
  });
  row('history writes per 100 characters typed', (s) => String(s.historyWritesPer100Chars ?? '–'));
  row('first full-text query: time / index pieces fetched (gzip)', (s) => `${ms(s.firstSearch.ms)} / ${s.firstSearch.pieces} pieces, ${kb(s.firstSearch.bytesGz)}${s.firstSearch.coverage === 'ready' ? '' : ` (${s.firstSearch.coverage})`}`);
  row('query compute: Marquee / MiniSearch / ItemsJS', (s) => `${ms(s.compute.totals.marquee)} / ${ms(s.compute.totals.minisearch)} / ${ms(s.compute.totals.itemsjs)}`);
  row('read the card index as the app does / JSON.parse of it as JSON', (s) => `${ms(s.parse.marquee)} / ${ms(s.parse.jsonParse)} = ${ratio(s.parse.marquee, s.parse.jsonParse)} (${s.parse.binBytes ? `binary ${kb(s.parse.binBytes)}, JSON ` : ''}${kb(s.parse.bytes)})`);
  row('JSON path (user-supplied datasets) / JSON.parse', (s) => `${ms(s.parse.json)} / ${ms(s.parse.jsonParse)} = ${ratio(s.parse.json, s.parse.jsonParse)}`);
  row('Marquee ÷ MiniSearch, ÷ ItemsJS', (s) => `${ratio(s.compute.totals.marquee, s.compute.totals.minisearch)}, ${ratio(s.compute.totals.marquee, s.compute.totals.itemsjs)}`);
  if (r.bootTasks) {
    const share = (b) => `${b.withLongTask} of ${b.loads} loads${b.longTasksMs.length ? ` (${b.longTasksMs.join(', ')} ms)` : ''}`;
    lines.push('', `Boot tasks over 50 ms, bundled collection, cold loads: home ${share(r.bootTasks.home)}; review page ${share(r.bootTasks.review)}.`);
  }
  if (r.lighthouse) {
    const lh = (x) => (x.error ? `error: ${x.error}` : `${x.score} (FCP ${ms(x.fcpMs)}, LCP ${ms(x.lcpMs)}, TBT ${ms(x.tbtMs)})`);
    lines.push('', `Lighthouse performance (median of ${lighthouseRuns}), bundled collection, home: mobile ${lh(r.lighthouse.mobile)}; desktop ${lh(r.lighthouse.desktop)}.`);
    lines.push(`Review page: mobile ${lh(r.lighthouse.reviewMobile)}; desktop ${lh(r.lighthouse.reviewDesktop)}.`);
    const tenK = r.sizes.find((s) => s.size === 10000)?.lighthouseMobile;
    if (tenK) lines.push(`10,000 reviews, home: mobile ${lh(tenK)}.`);
  }
  return lines.join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
