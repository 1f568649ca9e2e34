import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const site = process.argv[2];
const server = spawn('node', ['/work/main/tests/e2e/server.mjs', '--dist', site, '--port', '4199'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4199/marquee/');
await page.locator('article.review-card').first().waitFor();
await page.getByRole('searchbox', { name: 'Search reviews' }).fill('r');
await page.waitForLoadState('networkidle');
await page.getByRole('searchbox', { name: 'Search reviews' }).fill('');
await page.evaluate(() => {
  window.__t = [];
  addEventListener('input', (e) => {
    const s = e.timeStamp;
    let m = null;
    const o = new MutationObserver(() => { if (m === null) m = performance.now() - s; });
    o.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => { const sync = performance.now() - s; requestAnimationFrame(() => setTimeout(() => { o.disconnect(); window.__t.push({ firstMut: m, afterTask: sync, paint: performance.now() - s }); })); }, 0);
  }, true);
});
await page.getByRole('searchbox', { name: 'Search reviews' }).focus();
for (const k of 'silentriver') { await page.keyboard.press(k); await page.waitForTimeout(150); }
console.log(JSON.stringify(await page.evaluate(() => window.__t.map((x) => [x.firstMut?.toFixed(1), x.afterTask.toFixed(1), x.paint.toFixed(1)]))));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
for (const k of 'qqqqqqqqqqqqqqqqqqqq') { await page.keyboard.press('Backspace'); await page.keyboard.press('a'); }
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; profile.samples.forEach((id, i) => { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0)); });
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
await browser.close(); server.kill();
