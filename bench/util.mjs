// What the benchmark scripts share: statistics, gzip sizes and command-line options.
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

/** Bytes after gzip -9, the way the size figures are given everywhere in Marquee. */
export const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** The median of some numbers (the mean of the middle two for an even count); NaN for none. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
}

/** The q-quantile (0 < q ≤ 1) by the nearest-rank method: p95 is quantile(xs, 0.95). */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Count, median, p95 and max of some timings. */
export function stats(xs) {
  return { n: xs.length, median: median(xs), p95: quantile(xs, 0.95), max: Math.max(...xs) };
}

/**
 * The script's options, parsed strictly with node:util's parseArgs: an unknown option or
 * a stray argument stops the script with a usage line instead of being ignored.
 * `spec` maps each long option to { type: 'string' | 'boolean', default }.
 */
export function options(spec, usage) {
  try {
    return parseArgs({ options: spec, allowPositionals: false }).values;
  } catch (error) {
    console.error(`${error.message}\nusage: ${usage}`);
    process.exit(2);
  }
}
