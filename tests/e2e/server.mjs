// A static file server that behaves like GitHub Pages for a project site:
// the build is served under a sub-path (/marquee/), a directory answers with its
// index.html, a path without an extension is answered by the .html file of that
// name, a missing path answers 404 with the site's 404.html, and there is
// no single-page-app fallback. Test fixtures are served under /fixtures/.
// With --probe 1 (the WebDriver suites, tests/e2e/engines/), every page loads
// /fixtures/probe.js first, which records console errors, uncaught exceptions and
// CSP violations for the test to read: WebDriver has no console of its own. And,
// as WebDriver cannot intercept requests, two cookies stand in for Playwright's
// routes: `marquee-dataset=<url>` sets the pages' `marquee:dataset` meta tag, and
// `marquee-fail=<path ending>~<token>` answers the first request for a path with
// that ending with HTTP 500 (once per token).
//
//   node server.mjs [--dist ../../dist] [--base /marquee/] [--port 4173] [--probe 1]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const dist = resolve(args.dist ?? join(here, '../../dist'));
const fixtures = resolve(join(here, 'fixtures'));
const base = args.base ?? '/marquee/';
const port = Number(args.port ?? 4173);
const probe = Boolean(args.probe);
const failed = new Set();
const cookies = (req) => Object.fromEntries((req.headers.cookie ?? '').split(/;\s*/).filter(Boolean)
  .map((c) => c.split('=').map(decodeURIComponent)));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The file under `root` for a URL path, or null when it would escape `root`. */
function fileFor(root, relative) {
  const path = normalize(join(root, decodeURIComponent(relative)));
  return path === root || path.startsWith(root + sep) ? path : null;
}

async function existingFile(path) {
  if (!path) return null;
  const info = await stat(path).catch(() => null);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    return (await stat(index).catch(() => null))?.isFile() ? index : null;
  }
  return null;
}

async function send(res, status, path, method, jar = {}) {
  let body = await readFile(path);
  if (probe && extname(path) === '.html') {
    // First in the document: minified pages have no <head> tag, so after <meta charset>.
    const tag = '<script src="/fixtures/probe.js"></script>';
    let html = body.toString();
    html = /<meta charset[^>]*>/i.test(html) ? html.replace(/<meta charset[^>]*>/i, (m) => m + tag) : html.replace(/<html[^>]*>/i, (m) => m + tag);
    const dataset = jar['marquee-dataset'];
    if (dataset) html = html.replace(/<meta name="?marquee:dataset"?[^>]*>/, `<meta name="marquee:dataset" content="${dataset}">`);
    body = Buffer.from(html);
  }
  res.writeHead(status, {
    'content-type': types[extname(path)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-cache',
  });
  res.end(method === 'HEAD' ? undefined : body);
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const jar = probe ? cookies(req) : {};
    const [failing, token] = (jar['marquee-fail'] ?? '').split('~');
    if (failing && url.pathname.endsWith(failing) && !failed.has(token)) {
      failed.add(token);
      res.writeHead(500, { 'content-type': 'text/plain' });
      return res.end('500: failing once, as the test asked');
    }
    let file = null;
    if (url.pathname === base.replace(/\/$/, '')) {
      res.writeHead(301, { location: base + url.search });
      return res.end();
    }
    if (url.pathname.startsWith('/fixtures/')) {
      file = await existingFile(fileFor(fixtures, url.pathname.slice('/fixtures/'.length)));
    } else if (url.pathname.startsWith(base)) {
      const relative = url.pathname.slice(base.length);
      const candidate = fileFor(dist, relative);
      // Like Pages: a directory without a trailing slash redirects to one.
      const info = candidate ? await stat(candidate).catch(() => null) : null;
      if (info?.isDirectory() && !url.pathname.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' + url.search });
        return res.end();
      }
      // Like Pages: /reviews/x is answered by reviews/x.html when there is one.
      file = (await existingFile(candidate)) ?? (candidate && !candidate.endsWith('.html') ? await existingFile(candidate + '.html') : null);
    }
    if (file) return await send(res, 200, file, req.method, jar);
    const notFound = await existingFile(join(dist, '404.html'));
    if (notFound) return await send(res, 404, notFound, req.method, jar);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('404: not found');
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`400: ${error.message}`);
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${dist} at http://127.0.0.1:${port}${base}`);
});
