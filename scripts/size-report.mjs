// Turns twiggy's `top` (JSON, every item) into the attribution `./dev size` prints:
// bytes per crate and the 30 largest functions, plus the shipped wasm + JS, raw and
// gzip -9. Writes the figures as JSON for before/after comparisons.
//
//   node scripts/size-report.mjs top.json shipped.wasm app.js out.json
import { readFileSync, writeFileSync } from 'node:fs';
import { gz as gzBytes } from '../bench/util.mjs';

const [topPath, wasmPath, jsPath, outPath] = process.argv.slice(2);
const parsed = JSON.parse(readFileSync(topPath, 'utf8'));
const items = Array.isArray(parsed) ? parsed : parsed.items;
const gz = (path) => gzBytes(readFileSync(path));

const PRIMITIVE = /^(str|char|bool|f32|f64|[iu](8|16|32|64|128|size)|\[.*\])$/;

/**
 * The crate an item's code belongs to: the type's crate for `<Type as Trait>::f` and drop
 * glue, the trait's for a generic or primitive `Self`, `core` for `<str>::f`.
 */
function crateOf(name) {
  if (/subsection$|^custom section/.test(name)) return NAMES;
  if (/^data segment/.test(name)) return '(data segments)';
  if (/^(code|elem|type|global|table|memory|import|export)\b|^wasm magic|^\w+\[\d+\]$/.test(name)) return '(wasm sections)';
  let n = name.replace(/\[[0-9a-f]{16}\]/g, '').replace(/^core::ptr::drop_in_place</, '');
  const qualified = n.match(/^<([^<>]*?) as ([A-Za-z_]\w*)::/);
  if (qualified && !qualified[1].includes('::')) return qualified[2];
  const inherent = n.match(/^<([^<>]*?)>::/);
  if (inherent && PRIMITIVE.test(inherent[1])) return 'core';
  n = n.replace(/^(<|&|mut |dyn |\()+/, '');
  const at = n.indexOf('::');
  if (at <= 0) return '(other)';
  n = n.slice(0, at);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : '(other)';
}

/** Names kept for attribution only: not in the shipped file, so not in the shares. */
const NAMES = '(name section, not shipped)';

const total = items.filter((item) => crateOf(item.name) !== NAMES).reduce((sum, item) => sum + item.shallow_size, 0);
const crates = new Map();
for (const item of items) {
  const crate = crateOf(item.name);
  const entry = crates.get(crate) ?? { bytes: 0, items: 0 };
  entry.bytes += item.shallow_size;
  entry.items += 1;
  crates.set(crate, entry);
}
const byCrate = [...crates].map(([crate, v]) => ({ crate, ...v })).sort((a, b) => b.bytes - a.bytes);
const functions = items
  .filter((item) => !crateOf(item.name).startsWith('('))
  .slice(0, 30)
  .map((item) => ({ name: item.name, bytes: item.shallow_size }));
const shipped = {
  wasmRaw: readFileSync(wasmPath).length,
  wasmGz: gz(wasmPath),
  jsRaw: readFileSync(jsPath).length,
  jsGz: gz(jsPath),
};
const report = { date: new Date().toISOString(), shipped, namedTotal: total, byCrate, functions };
writeFileSync(outPath, JSON.stringify(report, null, 2) + '\n');

const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
console.log(`wasm ${shipped.wasmRaw} B (${shipped.wasmGz} B gz) + JS before minifying ${shipped.jsRaw} B (${shipped.jsGz} B gz)\n`);
console.log('| crate | bytes (raw, before gzip) | share | items |\n|---|---|---|---|');
for (const c of byCrate.filter((c) => c.crate !== NAMES).slice(0, 25)) console.log(`| ${c.crate} | ${c.bytes} | ${pct(c.bytes)} | ${c.items} |`);
console.log('\n| largest functions | bytes |\n|---|---|');
for (const f of functions) console.log(`| \`${f.name.length > 110 ? f.name.slice(0, 107) + '…' : f.name}\` | ${f.bytes} |`);
console.log(`\nwrote ${outPath}`);
