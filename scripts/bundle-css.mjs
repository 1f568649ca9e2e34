// Joins Marquee's stylesheets into the one file every page links (target/style/marquee.css),
// so that a page costs one CSS request however many components there are. A Trunk
// pre_build hook runs it; `node scripts/bundle-css.mjs --check` only checks the layout.
//
// style/base.css             tokens (custom properties), reset, layout, shared primitives
// style/components/NAME.css  the styles of src/components/NAME.rs, and nothing else
// style/routes/NAME.css      the styles of src/routes/NAME.rs
// style/boot.css             the states src/boot.rs sets before and during the takeover
//
// Order: base, components, routes, boot (alphabetical within a folder); BEM class names
// keep components from depending on the order among themselves.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const style = join(root, 'style');
const out = join(root, 'target/style/marquee.css');

const problems = [];
const folder = (name) =>
  readdirSync(join(style, name))
    .filter((f) => f.endsWith('.css'))
    .sort()
    .map((f) => {
      const rs = join(root, 'src', name, f.replace(/\.css$/, '.rs'));
      if (!existsSync(rs)) problems.push(`style/${name}/${f} has no src/${name}/${f.replace(/\.css$/, '.rs')}`);
      return `${name}/${f}`;
    });
const files = ['base.css', ...folder('components'), ...folder('routes'), 'boot.css'];
if (problems.length) {
  console.error(`bundle-css: every stylesheet is named after its component:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
if (process.argv.includes('--check')) process.exit(0);

const css = files.map((f) => `/* ${f} */\n${readFileSync(join(style, f), 'utf8').trim()}\n`).join('\n');
mkdirSync(dirname(out), { recursive: true });
// Written only when it changed, so that `trunk serve`'s watcher is not set off again.
if (!existsSync(out) || readFileSync(out, 'utf8') !== css) writeFileSync(out, css);
