// Query compute side by side, in the same page over the same reviews: Marquee's
// engine (through its `marquee_bench_query` export: results, sort and every facet
// count, as the grid needs), MiniSearch (full-text search with a filter) and ItemsJS
// (full-text search, filters and facet aggregations). Each query runs warm, repeated,
// and the mean per run is kept.

export const QUERIES = [
  { text: 'river', genres: [], min: 0 },
  { text: 'silent', genres: ['Drama'], min: 0 },
  { text: 'gold', genres: [], min: 4 },
  { text: 'winter summer', genres: [], min: 0 },
  { text: 'the lost', genres: ['Thriller', 'Horror'], min: 3 },
  { text: '', genres: ['Comedy'], min: 3 },
  { text: '', genres: ['Drama', 'Romance'], min: 0 },
  { text: '', genres: [], min: 4.5 },
];

const toSearch = (q) => {
  const pairs = [];
  for (const g of q.genres) pairs.push(['genre', g.toLowerCase()]);
  if (q.min) pairs.push(['min', String(q.min)]);
  if (q.text) pairs.push(['q', q.text]);
  return '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
};

export async function measureCompute(page, size) {
  const repeat = size >= 100_000 ? 3 : size >= 10_000 ? 10 : 50;
  // A published collection answers text from the full-text shards its words need: have the
  // app fetch them first (through its search box), so that every engine searches every word.
  const box = page.getByRole('searchbox', { name: 'Search reviews' });
  for (const q of QUERIES.filter((q) => q.text)) {
    await box.fill(q.text);
    await page.locator('[data-full-text=ready], [data-full-text=off]').waitFor({ timeout: 60_000 });
  }
  await box.fill('');
  await page.addScriptTag({ url: 'bench/minisearch.js' });
  await page.addScriptTag({ url: 'bench/itemsjs.js' });
  return page.evaluate(async ({ queries, repeat }) => {
    const full = await (await fetch('bench/full.json')).json();
    const docs = full.reviews.map((r, id) => ({
      id, title: r.title, original: r.original_title ?? '', people: [...r.directors, ...(r.cast ?? [])].join(' '),
      genres: r.genres, countries: r.countries ?? [], year: r.year, rating: r.rating,
      tags: (r.tags ?? []).join(' '), summary: r.summary ?? '', body: r.body,
    }));
    const fields = ['title', 'original', 'people', 'genres', 'tags', 'summary', 'body'];
    const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
    const result = { repeat, build: {}, perQuery: [], totals: { marquee: 0, minisearch: 0, itemsjs: 0 } };

    let mini;
    result.build.minisearch = time(() => {
      mini = new MiniSearch({
        fields, storeFields: ['genres', 'rating'],
        extractField: (doc, field) => (Array.isArray(doc[field]) ? doc[field].join(' ') : doc[field]),
        searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 3, people: 2 } },
      });
      mini.addAll(docs);
    });
    let items;
    result.build.itemsjs = time(() => {
      items = itemsjs(docs, {
        searchableFields: fields,
        aggregations: { genres: { conjunction: false, size: 100 }, countries: { conjunction: false, size: 300 }, year: { size: 300 }, rating: { size: 10 } },
        native_search_enabled: true,
      });
    });

    const runMini = (q) => {
      const filter = (r) => (q.genres.length === 0 || q.genres.some((g) => r.genres.includes(g))) && r.rating >= q.min;
      return mini.search(q.text || MiniSearch.wildcard, { filter }).length;
    };
    const runItems = (q) =>
      items.search({ query: q.text, filters: q.genres.length ? { genres: q.genres } : {}, filter: (r) => r.rating >= q.min, per_page: 24 }).pagination.total;
    const mean = (f) => { f(); const t = performance.now(); for (let i = 0; i < repeat; i++) f(); return (performance.now() - t) / repeat; };

    for (const q of queries) {
      const search = q.search;
      window.wasmBindings.marquee_bench_query(search, 1);
      const row = {
        query: search,
        marquee: window.wasmBindings.marquee_bench_query(search, repeat),
        minisearch: mean(() => runMini(q)),
        itemsjs: mean(() => runItems(q)),
        hits: { minisearch: runMini(q), itemsjs: runItems(q) },
      };
      result.perQuery.push(row);
      for (const k of ['marquee', 'minisearch', 'itemsjs']) result.totals[k] += row[k];
    }
    return result;
  }, { queries: QUERIES.map((q) => ({ ...q, search: toSearch(q) })), repeat });
}

/**
 * Reading the full card index as the app does, beside JSON.parse of the same index as JSON
 * (decoded first, as JSON.parse needs a string). A large collection's index is published
 * binary (`bin`); `marquee build --no-pages` writes its JSON form to bench/cards.json, which
 * is also what the JSON path (user-supplied datasets, `json`) reads.
 */
export async function measureParse(page, size) {
  const repeat = size >= 100_000 ? 2 : size >= 10_000 ? 5 : 20;
  return page.evaluate(async (repeat) => {
    const bytesOf = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    const jsonParse = (bytes) => {
      const t = performance.now();
      for (let i = 0; i < repeat; i++) JSON.parse(new TextDecoder().decode(bytes));
      return (performance.now() - t) / repeat;
    };
    const first = await (await fetch('data/cards.json')).json();
    const json = first.more ? await bytesOf('bench/cards.json') : await bytesOf('data/cards.json');
    const result = {
      bytes: json.length,
      jsonParse: jsonParse(json),
      json: window.wasmBindings.marquee_bench_parse(json, repeat),
    };
    if (first.more) {
      const bin = await bytesOf(`data/${first.more}`);
      result.binBytes = bin.length;
      result.bin = window.wasmBindings.marquee_bench_parse(bin, repeat);
    }
    // What the app reads: the binary index where there is one.
    result.marquee = result.bin ?? result.json;
    return result;
  }, repeat);
}
