import { test, expect, cards } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The corpus is generated (4 MB, never committed); what it must give is committed.
const dir = new URL('../../hostile/', import.meta.url);
const out = pathToFileURL(mkdtempSync(join(tmpdir(), 'marquee-hostile-')) + '/');
execFileSync(process.execPath, [fileURLToPath(new URL('generate.mjs', dir)), fileURLToPath(out)]);
const records = readFileSync(new URL('records.json', out));
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
const validIds: string[] = JSON.parse(records.toString()).reviews.slice(0, expected.valid).map((r: { id: string }) => r.id);

async function serveAsDataset(page: Page, body: Buffer) {
  await page.route('**/data/cards.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
}

const pwned = (page: Page) => page.evaluate(() => (window as any).__pwned);

test(`the hostile corpus (${expected.cases} cases): nothing executes, valid records render, problems are listed`, async ({ page }) => {
  test.setTimeout(90_000);
  await serveAsDataset(page, records);
  await page.goto('./?sort=title');
  await expect(page.getByRole('status').filter({ hasText: /reviews$/ })).toHaveText(`${expected.valid} reviews`);
  const banner = page.getByRole('region', { name: 'Dataset problems' });
  await expect(banner).toContainText(`${expected.invalid} problems`);
  await expect(banner).toContainText(`${expected.warnings} warnings`);
  await banner.getByText('Show details').click();
  await expect(banner).toContainText('is 1000000 characters long');
  await expect(banner).toContainText('has 100000 entries');
  // Render every card by scrolling through the windowed grid.
  const seen = new Set<string>();
  for (let y = 0; ; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(20);
    for (const t of await page.locator('article h2').allTextContents()) seen.add(t);
    if (await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2)) break;
  }
  expect(seen.size).toBe(expected.valid);
  expect(seen.has('Lone high \uFFFD surrogate')).toBe(true);
  expect(await pwned(page)).toBeUndefined();
  // The head's one boot script (index.html) and the loader; nothing in the body.
  expect(await page.locator('script:not([type=module])').count()).toBe(1);
  expect(await page.locator('body script').count()).toBe(0);
  // A sample of review pages, including every Markdown payload.
  for (const id of [...validIds.filter((_, i) => i % 12 === 0), ...validIds.slice(-16)]) {
    await page.goto(`reviews/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const href of await page.locator('.markdown a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^https?:\/\/[^"<>]+$/);
    }
    for (const button of await page.getByRole('button', { name: /Show spoiler/ }).all()) await button.click();
    expect(await pwned(page)).toBeUndefined();
  }
});

for (const [file, message] of [
  ['deep-nesting.json', /not valid JSON: recursion limit exceeded at line 1, column \d+/],
  ['not-a-dataset.json', /expected a JSON object/],
] as const) {
  test(`${file} fails with one clear message, never a blank page`, async ({ page }) => {
    await serveAsDataset(page, readFileSync(new URL(file, file === 'not-a-dataset.json' ? dir : out)));
    await page.goto('./');
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(await pwned(page)).toBeUndefined();
  });
}
