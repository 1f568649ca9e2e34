// Trunk post-build hook (see Trunk.toml). In the staging directory:
//  1. release builds get a strict Content-Security-Policy <meta>, allowing only
//     the inline scripts Trunk wrote (by their SHA-256) and 'wasm-unsafe-eval';
//  2. `marquee build` publishes the dataset (marquee.toml): data/cards.json and
//     body chunks, and the pages rendered by the app's own components into
//     index.html's <div id="marquee-app">: the home page, a page per review
//     (reviews/<id>.html), 404.html (GitHub Pages' answer to any other address);
//     then feed.xml and sitemap.xml;
//  3. release builds get the service worker sw.js (from scripts/sw-template.js)
//     with this build's files, and index.html a <meta> that tells the app to register it.
// Debug builds (`trunk serve`) get no CSP: its live-reload script changes every build.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

if (process.env.TRUNK_PROFILE === 'release') {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' https: data:",
    // A site owner may point the dataset at another https origin (see README).
    "connect-src 'self' https:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const charset = /<meta charset=[^>]*>/i;
  if (!charset.test(html)) throw new Error('index.html has no <meta charset>: cannot place the CSP');
  html = html.replace(charset, (m) => m + meta + '<meta name="marquee:service-worker" content="sw.js">');
  writeFileSync(indexPath, html);
  console.log(`post-build: CSP with ${hashes.length} inline script hash(es)`);
}

// Cargo runs offline, as Trunk does (setup has fetched every crate).
execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'marquee-cli', '--', 'build', '--dist', dir], {
  stdio: 'inherit',
});

if (process.env.TRUNK_PROFILE === 'release') {
  // The app shell: index.html (as the site root), the hashed code and styles, and the card index.
  const files = readdirSync(dir).filter((f) => /\.(js|wasm|css)$/.test(f) && f !== 'sw.js');
  const shell = ['./', ...files, 'data/cards.json'];
  const version = createHash('sha256')
    .update(readFileSync(join(dir, 'index.html')))
    .update(readFileSync(join(dir, 'data/cards.json')))
    .update(files.join('\n'))
    .digest('hex')
    .slice(0, 16);
  const template = readFileSync(new URL('sw-template.js', import.meta.url), 'utf8');
  writeFileSync(join(dir, 'sw.js'), template.replace('__VERSION__', version).replace('__SHELL__', JSON.stringify(shell)));
  console.log(`post-build: sw.js (version ${version}, ${shell.length} files in the shell)`);
}
