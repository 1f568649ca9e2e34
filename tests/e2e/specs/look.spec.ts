// Checked by looking: screenshots of the pages a reader sees most, compared with baselines made
// in Debian's Chromium (look.spec.ts-snapshots/). A change to the look updates them in the same
// commit: `cd tests/e2e && npx playwright test specs/look.spec.ts --update-snapshots`.
// Each page is checked with axe-core as well. The filter sheet exists only on narrow screens;
// at 1280 px the panel sits beside the results, which the home page's shot shows.
import { test, expect } from './fixtures';
import AxeBuilder from '@axe-core/playwright';

const PAGES = [
  ['home', './'],
  ['posters', './?view=posters'],
  ['sheet', './?genre=drama'],
  ['review', 'reviews/rust-and-bone-2012'],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [375, 1280]) {
    for (const [name, path] of PAGES) {
      if (name === 'sheet' && width > 832) continue;
      test(`looks as it should: ${name}, ${scheme}, ${width} px`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        if (name === 'sheet') {
          await page.getByRole('button', { name: /^Filters/ }).click();
          await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
        }
        await page.evaluate(() => document.fonts.ready);
        await expect(page).toHaveScreenshot(`${name}-${scheme}-${width}.png`, { maxDiffPixelRatio: 0.01, animations: 'disabled' });
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      });
    }
  }
}
