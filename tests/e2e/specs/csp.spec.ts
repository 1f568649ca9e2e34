import { test, expect } from './fixtures';

test('the release build carries a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("style-src 'self'");
  expect(policy).toContain("object-src 'none'");
});

test('browsing, filtering, reading and rating report no CSP violation', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto('./?genre=drama&sort=title');
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.getByRole('searchbox', { name: 'Search reviews' }).fill('audiard');
  await page.getByRole('link', { name: 'Rust and Bone' }).click();
  await page.getByRole('button', { name: 'Show spoiler' }).click();
  await page.getByRole('radio', { name: '4 stars' }).check();
  await page.getByRole('button', { name: /Theme/ }).click();
  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
});

test('a panic shows the "Something went wrong" panel, never a dead page', async ({ page, problems }) => {
  await page.goto('./');
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.evaluate(() => (window as any).wasmBindings.marquee_force_panic()).catch(() => {});
  const panel = page.getByRole('alert');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Reload the page' })).toBeVisible();
  // The panic is logged on purpose; nothing else may be.
  const expected = problems.filter((p) => p.includes('marquee_force_panic') || p.includes('unreachable'));
  expect(expected.length).toBeGreaterThan(0);
  problems.splice(0, problems.length, ...problems.filter((p) => !expected.includes(p)));
  await panel.getByRole('link', { name: 'Reload the page' }).click();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('alert')).toBeHidden();
});
