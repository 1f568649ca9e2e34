// Firefox and WebKit over WebDriver, for the reader paths in reader-paths.test.mjs.
// Playwright drives Debian's Chromium (specs/); its patched Firefox and WebKit
// cannot be downloaded here, so these two engines are Debian's own, driven by
// geckodriver (crates.io) and WebKitWebDriver (webkit2gtk-driver). The engine is
// named by ENGINE=firefox|webkit; tests/e2e/engines/run.sh starts the server.
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const ENGINE = process.env.ENGINE ?? 'firefox';
export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:4174/marquee/';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
// Selenium never downloads a driver or a browser here.
process.env.SE_OFFLINE = 'true';

/** A TCP port that nothing listens on now (the system's choice), for a driver or a server. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a browser session in ENGINE, 1280 × 900. Returns the driver; `quit()` ends it. */
export async function start() {
  const driver = await session();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  return driver;
}

async function session() {
  if (ENGINE === 'firefox') {
    const options = new firefox.Options().addArguments('-headless').setBinary(process.env.FIREFOX ?? '/usr/bin/firefox-esr');
    options.setPreference('browser.download.folderList', 2);
    const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver'));
    return new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  }
  if (ENGINE === 'webkit') {
    const port = await freePort();
    const server = spawn(process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
    await new Promise((ok) => setTimeout(ok, 500));
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    const quit = driver.quit.bind(driver);
    driver.quit = async () => { try { await quit(); } finally { server.kill(); } };
    return driver;
  }
  throw new Error(`ENGINE must be firefox or webkit, not ${ENGINE}`);
}

/**
 * Sets a cookie for the test server (../server.mjs --probe): `marquee-dataset`,
 * `marquee-fail` or `marquee-storage`, which stand in for Playwright's routes.
 */
export async function cookie(driver, name, value, base = BASE) {
  await driver.get(new URL('/fixtures/probe.js', base).href);
  await driver.manage().addCookie({ name, value: encodeURIComponent(value), path: '/' });
}

/** Reloads the page and waits for the app to take it over again. */
export async function reload(driver) {
  await driver.navigate().refresh();
  await booted(driver);
}

/** Opens `path` under the site and waits until the app has taken the page over (src/boot.rs). */
export async function open(driver, path = '', base = BASE) {
  await driver.get(new URL(path, base).href);
  await booted(driver);
}

export async function booted(driver) {
  await driver.wait(until.elementLocated(By.css('html[data-boot=ready]')), 20_000, 'the app did not take the page over');
}

// The accessible name as the APG patterns give it: aria-label, aria-labelledby, a
// <label>, else the text. Computed in the page, the same way in every engine.
const NAME = `
  const el = arguments[0];
  const text = (n) => (n ? n.textContent.replace(/\\s+/g, ' ').trim() : '');
  if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
  if (el.labels && el.labels.length) return text(el.labels[0]);
  if (el.tagName === 'INPUT' || el.tagName === 'SELECT') return (el.getAttribute('title') || el.getAttribute('placeholder') || '').trim();
  return text(el);
`;
const ROLES = {
  link: 'a[href]',
  button: 'button, [role=button]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio], [role=radio]',
  searchbox: 'input[type=search], [role=searchbox]',
  combobox: 'select, [role=combobox]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  status: '[role=status]',
  group: 'fieldset, [role=group]',
  region: 'section[aria-label], section[aria-labelledby], [role=region]',
  alert: '[role=alert]',
  article: 'article',
};

/** The visible elements with `role` whose accessible name is `name` (a string, or a RegExp). */
export async function all(scope, role, name) {
  const driver = scope.getDriver ? scope.getDriver() : scope;
  const found = [];
  for (const el of await scope.findElements(By.css(ROLES[role]))) {
    if (!(await el.isDisplayed().catch(() => false)) && role !== 'checkbox' && role !== 'radio') continue;
    if (name === undefined) { found.push(el); continue; }
    const actual = await driver.executeScript(NAME, el);
    if (typeof name === 'string' ? actual === name : name.test(actual)) found.push(el);
  }
  return found;
}

/** The one element with `role` and `name`, waiting for it to appear. */
export async function one(scope, role, name, timeout = 10_000) {
  const driver = scope.getDriver ? scope.getDriver() : scope;
  let found = [];
  await driver.wait(async () => (found = await all(scope, role, name)).length > 0, timeout, `no ${role} named ${name}`);
  return found[0];
}

/**
 * Waits until `read()` resolves to `expected`, and says what it last saw if it never does. A
 * read that throws (an element replaced as the app re-renders) counts as not yet.
 */
export async function eventually(driver, read, expected, what, timeout = 10_000) {
  let last;
  const attempt = async () => {
    try {
      last = await read();
    } catch (error) {
      last = `${error.name}: ${error.message}`;
    }
    return last === expected;
  };
  await driver.wait(attempt, timeout).catch(() => {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}`);
  });
}

/** The result count's text ("80 reviews"). */
export const status = async (driver) => (await (await one(driver, 'status')).getText()).trim();

/** Console errors, uncaught exceptions and CSP violations so far (tests/e2e/fixtures/probe.js). */
/** Null when the probe is missing from the page, which fails the test too. */
export const problems = (driver) => driver.executeScript('return window.__problems ?? null');
