// Writes the hostile-input corpus: records.json (one dataset of hostile records) and
// deep-nesting.json (a document that cannot load) into OUT_DIR. The corpus is 4 MB, so it
// is generated when the tests run, never committed; only what the tests expect of it is:
// expected.json (how many records are valid, invalid, and repaired with a warning).
//
//   node tests/hostile/generate.mjs OUT_DIR          # the corpus (the tests do this)
//   node tests/hostile/generate.mjs OUT_DIR --update # and rewrite expected.json, after
//                                                    # changing the cases below
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outArg, flag] = process.argv.slice(2);
if (!outArg) {
  console.error('usage: node tests/hostile/generate.mjs OUT_DIR [--update]');
  process.exit(2);
}
mkdirSync(outArg, { recursive: true });
const out = pathToFileURL(resolve(outArg) + '/');
const here = new URL('.', import.meta.url);
const CANARY = 'window.__pwned=1';
const payloads = [
  `<script>${CANARY};alert(1)</script>`,
  `<img src=x onerror="${CANARY};alert(1)">`,
  `<svg onload="${CANARY}"><circle r=1></svg>`,
  `<iframe src="javascript:${CANARY}"></iframe>`,
  `"><script>${CANARY}</script>`,
  `javascript:${CANARY}`,
  `data:text/html,<script>${CANARY}</script>`,
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;b&#x3E;',
  `{{constructor.constructor('${CANARY}')()}}`,
  `<a href="javascript:${CANARY}">click</a>`,
  `<style>body{display:none}</style>`,
  `\`\${${CANARY}}\``,
];
const markdown = [
  `[click me](javascript:${CANARY})`,
  `[click me](JaVaScRiPt:${CANARY})`,
  `[click me](data:text/html,<script>${CANARY}</script>)`,
  `[click me](vbscript:${CANARY})`,
  `[click me](https://example.invalid/"><script>${CANARY}</script>)`,
  `[nested [link](javascript:${CANARY})](https://example.invalid/)`,
  '**unclosed strong and *unclosed emphasis',
  '[broken link](',
  ':::spoiler\nnever closed spoiler\n\nstill hidden',
  '|| unclosed inline spoiler',
  '>'.repeat(500) + ' deep quote',
  '*'.repeat(20000) + 'x',
  '['.repeat(5000),
  '- list\n' .repeat(2000),
  '# heading <script>x</script>\n\n## another',
];

let n = 0;
const base = () => ({ id: `film-${++n}`, title: `Film ${n}`, year: 2000, directors: ['A. Director'], genres: ['Drama'], rating: 3, body: 'A plain review.' });
const valid = [];
const invalid = [];

// Payloads in every text field are valid data: they must show as text.
for (const p of payloads) {
  for (const field of ['title', 'original_title', 'summary', 'body']) valid.push({ ...base(), [field]: p });
  for (const field of ['directors', 'cast', 'genres', 'countries', 'tags']) valid.push({ ...base(), [field]: [p] });
}
for (const m of markdown) valid.push({ ...base(), body: m });
// Lone UTF-16 surrogates: JSON.stringify writes them as \ud800-style escapes, which are
// not text. The record still loads, the half shows as U+FFFD, and a warning names the place.
valid.push({ ...base(), title: 'Lone high \ud800 surrogate' });
valid.push({ ...base(), body: 'Lone low \udc00 and a reversed pair \udc00\ud800, then a real one \ud83c\udfac.' });
valid.push({ ...base(), cast: ['\udbff'] });
const loneSurrogates = 5;
// Facts an import may lack (docs/dataset.md): the record loads, with a warning for each.
const lacking = [{ rating: null }, { genres: null }, { directors: [] }];
for (const l of lacking) valid.push({ ...base(), ...l });
valid.push({ ...base(), title: 'Bidi \u2067isolate\u2069 in a valid place?', body: 'ok' });
invalid.push(valid.pop()); // bidi isolates are refused: see docs/dataset.md

// Invalid records: rejected with a diagnostic, never rendered.
const bad = [
  { poster: `javascript:${CANARY}` },
  { poster: `data:image/svg+xml,<svg onload="${CANARY}">` },
  { poster: `https://example.invalid/p.png" onerror="${CANARY}` },
  { poster: '//evil.example/p.png' },
  { title: 'x'.repeat(1_000_000) },
  { body: 'y'.repeat(1_000_000) },
  { summary: 'z'.repeat(1_000_000) },
  { title: 'Right-to-left \u202Eoverride' },
  { title: 'Null \u0000 byte' },
  { directors: ['Bell \u0007'] },
  { year: '2000' },
  { year: null },
  { year: 1e308 },
  { rating: 4.3 },
  { rating: '5' },
  { rating: -1 },
  { genres: Array.from({ length: 100_000 }, (_, i) => `g${i}`) },
  { genres: [{ nested: true }] },
  { directors: {} },
  { body: 42 },
  { body: ['array'] },
  { id: 7 },
  { id: '../../etc/passwd' },
  { id: `<script>${CANARY}</script>` },
  { id: 'UPPER-case' },
  { reviewed_on: '2023-02-30' },
  { home_release: `<img src=x onerror=${CANARY}>` },
  { runtime_minutes: 0 },
  { runtime_minutes: 100000 },
  { cast: 'not an array' },
];
for (const b of bad) invalid.push({ ...base(), ...b });
invalid.push(null, [], 'a string', 42, true);
// A duplicate id: the second use is rejected.
invalid.push({ ...valid[0], title: 'Duplicate id' });

const reviews = [...valid, ...invalid];
writeFileSync(new URL('records.json', out), JSON.stringify({ format: 'marquee/1', site: { title: `<script>${CANARY}</script>` }, reviews }));
const counts = { valid: valid.length, invalid: invalid.length, warnings: loneSurrogates + lacking.length, repaired: loneSurrogates, cases: reviews.length };
if (flag === '--update') writeFileSync(new URL('expected.json', here), JSON.stringify(counts, null, 1) + '\n');
// Whole documents that cannot load: each must give one clear error, never a blank page.
writeFileSync(new URL('deep-nesting.json', out), `{"format":"marquee/1","reviews":[{"id":"a","cast":${'['.repeat(100000)}${']'.repeat(100000)}}]}`);
console.log(`hostile corpus: ${valid.length} valid, ${invalid.length} invalid records (${reviews.length} cases)`);
