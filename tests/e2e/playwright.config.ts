import { defineConfig } from '@playwright/test';

const PORT = 4173;

/** Debian's Chromium: Playwright never downloads a browser here. */
export const chromiumLaunch = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './specs',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/marquee/`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    trace: 'retain-on-failure',
    // The release build registers a service worker, whose requests page.route() cannot
    // see. Tests that intercept requests need it out of the way; offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node server.mjs --port ${PORT} --base /marquee/`,
    url: `http://127.0.0.1:${PORT}/marquee/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
